package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/pomi-planner/pomi/app"
)

// TestActionsAndReportShots saves PNGs of the actions and report steps in
// the workspace, in Swedish and English, to look at:
// POMI_SHOTS=1 go test -tags migrated_fynedo ./ui/ -run Shots
func TestActionsAndReportShots(t *testing.T) {
	if os.Getenv("POMI_SHOTS") == "" {
		t.Skip("set POMI_SHOTS=1 to save screenshots in /tmp")
	}
	dir := t.TempDir()
	reportStepUseFolder(t, dir)
	for _, lang := range []string{"sv", "en"} {
		for _, size := range []fyne.Size{fyne.NewSize(1100, 720), fyne.NewSize(683, 384)} {
			s, _, w := openTestSession(t, lang, true, exampleCompany)
			w.Resize(size)
			ws := NewWorkspace(s)
			w.SetContent(ws.Content())
			for _, step := range []string{"actions", "report"} {
				ws.ShowStep(step)
				name := step + "-" + lang
				if size.Width < 1000 {
					name += "-small"
				}
				saveCapture(t, w, filepath.Join("/tmp", name+".png"))
				switch v := ws.View().(type) {
				case *actionsView:
					v.accordion.Open(0)
					v.accordion.Open(1)
					v.content.Refresh() // the GL driver re-lays out each frame; the test canvas does not
				case *reportStepView:
					v.UseLogo(reportStepTestPNG(t))
					v.Export()
				}
				saveCapture(t, w, filepath.Join("/tmp", name+"-2.png"))
			}
			// A first visit: no plan yet, so the suggestions are open.
			s.EditAssessment(func(a *app.Assessment) { a.Actions = nil })
			ws.ShowStep("actions")
			ws.ShowStep("report")
			ws.ShowStep("actions")
			saveCapture(t, w, filepath.Join("/tmp", "actions-first-"+lang+fmt.Sprint(size.Width)+".png"))
			w.Resize(size.AddWidthHeight(1, 0))
			w.Resize(size)
			saveCapture(t, w, filepath.Join("/tmp", "actions-first-"+lang+fmt.Sprint(size.Width)+"-b.png"))
		}
	}
}
