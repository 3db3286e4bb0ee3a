package shell

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
)

func TestTheShellKeepsTheSearchAcrossALanguageSwitch(t *testing.T) {
	test.NewTempApp(t)
	s, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := test.NewTempWindow(t, nil)
	sh := NewShell(w, uitest.Deps(t), ref.MustLoad(), "sv", s, nil, store.Maintenance{})
	sh.Companies().Search().SetText("möbel")
	sh.SetLanguage("en")
	if got := sh.Companies().Search().Text; got != "möbel" {
		t.Errorf("search after switching language: %q", got)
	}
	if sh.Companies().Search().PlaceHolder != "Search name, org. no., city, contact…" {
		t.Errorf("placeholder %q", sh.Companies().Search().PlaceHolder)
	}
}

func TestWithoutADatabaseTheShellSaysWhy(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	sh := NewShell(w, uitest.Deps(t), ref.MustLoad(), "en", nil, &store.LockedError{Path: "/tmp/x/pomi.lock"}, store.Maintenance{})
	if sh.Companies() != nil || !uitest.ContainsText(sh.tabs.Items[0].Content, "Another copy of POMI Planner") {
		t.Error("the reason is not shown in place of the companies")
	}
}
