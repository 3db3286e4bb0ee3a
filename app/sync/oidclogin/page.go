package oidclogin

import (
	"html/template"
	"net/http"
	"os/exec"
	"runtime"
)

var pageTemplate = template.Must(template.New("page").Parse(`<!doctype html>
<html><head><meta charset="utf-8"><title>{{.Title}}</title></head>
<body style="font-family: sans-serif; margin: 3em"><h1>{{.Title}}</h1><p>{{.Text}}</p></body></html>
`))

// writePage answers the browser with the sign-in's outcome.
func writePage(w http.ResponseWriter, p Page, ok bool) {
	text := p.Done
	if !ok {
		text = p.Failed
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_ = pageTemplate.Execute(w, map[string]string{"Title": p.Title, "Text": text})
}

// OpenBrowser opens url in the system's browser, for programs without
// Fyne (pomi-cli); the window uses Fyne's OpenURL.
func OpenBrowser(url string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	case "darwin":
		cmd = exec.Command("open", url)
	default:
		cmd = exec.Command("xdg-open", url)
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() //nolint:errcheck // the browser outlives the sign-in
	return nil
}
