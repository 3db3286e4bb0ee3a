// Package uitest holds what the ui packages' tests share: a session on a
// real store in a temp folder, the example company, and ways to find text
// and buttons in what a window draws.
package uitest

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/fynelang"
	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"
)

// Today is the date tests open sessions on.
var Today = time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)

// OpenSession opens a real store in a temp folder, with the example
// companies when examples is true, and a session on the company named name
// (created empty when it does not exist), with NewDeps: saves happen only
// on Flush. The test reaches the deps as s.Deps.
func OpenSession(t *testing.T, lang string, examples bool, name string) (*session.Session, *store.Store, fyne.Window) {
	t.Helper()
	deps, _ := NewDeps(t)
	return OpenSessionWith(t, deps, lang, examples, name)
}

// OpenSessionWith is OpenSession with the test's own deps.
func OpenSessionWith(t *testing.T, deps *kit.Deps, lang string, examples bool, name string) (*session.Session, *store.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	st := OpenStore(t)
	id := companyNamed(t, st, examples, name)
	s, err := session.OpenSession(context.Background(), deps, st, ref.MustLoad(), locales.MustNew(lang), id)
	if err != nil {
		t.Fatal(err)
	}
	w := test.NewTempWindow(t, nil)
	w.Resize(fyne.NewSize(1100, 720))
	s.Win = w
	return s, st, w
}

// companyNamed finds the company named name in st, among the examples
// loaded first when examples is true, or creates it empty.
func companyNamed(t *testing.T, st *store.Store, examples bool, name string) app.CompanyID {
	t.Helper()
	ctx := context.Background()
	if examples {
		loaded, err := demo.Load(ctx, st, ref.MustLoad(), Today)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range loaded {
			if l.Name == name {
				return l.ID
			}
		}
	}
	id, err := st.CreateCompany(ctx, &app.Company{Name: name})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// ExampleCompany is the example company with a history of assessments.
const ExampleCompany = "Möllevångens Pastafabrik AB"

// ContainsText reports whether any text below obj contains s.
func ContainsText(obj fyne.CanvasObject, s string) bool {
	found := false
	Walk(obj, func(o fyne.CanvasObject) {
		if strings.Contains(textOf(o), s) {
			found = true
		}
	})
	return found
}

// Walk calls fn on obj and everything drawn inside it.
func Walk(obj fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	fn(obj)
	switch o := obj.(type) {
	case *fyne.Container:
		for _, c := range o.Objects {
			Walk(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(o).Objects() {
			Walk(c, fn)
		}
	}
}

func textOf(o fyne.CanvasObject) string {
	switch v := o.(type) {
	case *widget.Label:
		return v.Text
	case *canvas.Text:
		return v.Text
	case *widget.RichText:
		return v.String()
	}
	return ""
}

func Buttons(obj fyne.CanvasObject, text string) []*widget.Button {
	var found []*widget.Button
	Walk(obj, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = append(found, b)
		}
	})
	return found
}

// DamagedFolder makes a data folder whose database has company A in a
// backup and was then overwritten with garbage; it returns the folder and
// the error opening it gives.
func DamagedFolder(t *testing.T) (string, error) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.CreateCompany(ctx, &app.Company{Name: "Företag A"}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	os.Remove(st.Path() + "-wal")
	if err := os.WriteFile(st.Path(), []byte("trasig fil: inte en databas längre"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = store.Open(ctx, dir)
	var corrupt *store.CorruptError
	if !errors.As(err, &corrupt) {
		t.Fatalf("open of the damaged folder: %v", err)
	}
	return dir, err
}

// AllTexts collects the text of every label, link, button and
// canvas text under o, in tree order.
func AllTexts(o fyne.CanvasObject) []string {
	var out []string
	switch v := o.(type) {
	case *canvas.Text:
		out = append(out, v.Text)
	case *widget.Label:
		out = append(out, v.Text)
	case *widget.Hyperlink:
		out = append(out, v.Text)
	case *widget.Button:
		out = append(out, v.Text)
	case *widget.Select:
		out = append(out, v.Selected)
	case *container.Scroll:
		out = append(out, AllTexts(v.Content)...)
	case *fyne.Container:
		for _, c := range v.Objects {
			out = append(out, AllTexts(c)...)
		}
	}
	return out
}

// Settle lays the window out a few times, as the real driver does
// frame by frame, so wrapped labels reach their height at the new width.
func Settle(w fyne.Window) {
	for range 3 {
		w.Content().Refresh()
	}
}

// TableBody returns the cells of a table made by resultsTable.
func TableBody(t *testing.T, table *fyne.Container) []fyne.CanvasObject {
	t.Helper()
	if table == nil || len(table.Objects) != 3 {
		t.Fatalf("not a results table: %v", table)
	}
	return table.Objects[2].(*fyne.Container).Objects
}

// StoredCompany reads the company as the database has it, after a Flush.
func StoredCompany(t *testing.T, s *session.Session, st *store.Store) app.Company {
	t.Helper()
	if err := s.Flush(); err != nil {
		t.Fatal(err)
	}
	c, err := st.Company(context.Background(), s.CompanyID())
	if err != nil {
		t.Fatal(err)
	}
	return c.Company
}

// PDFHas checks the PDF's text with pdftotext, when installed.
func PDFHas(t *testing.T, path, want string) {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed; text not checked")
		return
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), want) {
		t.Errorf("the PDF does not say %q", want)
	}
}

func PNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		for y := range 20 {
			img.Set(x, y, color.NRGBA{R: 200, G: uint8(x * 6), B: 40, A: 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// KeepFyneLanguage puts Fyne's own labels back as they were when the test
// ends, for tests that switch the app's language.
func KeepFyneLanguage(t *testing.T) {
	t.Helper()
	saved := fynelang.Save()
	t.Cleanup(func() {
		if err := saved.Restore(); err != nil {
			t.Error(err)
		}
	})
}

// OpenStore opens a real store in a temp folder, closed when the test ends.
func OpenStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
