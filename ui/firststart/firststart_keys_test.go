package firststart

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// TestFirstStartCanBeAnsweredByKeyboard walks the page as a keyboard user
// does: Tab to "I am an advisor", Space, Tab into the organisation's name,
// type it, Enter. Choosing must keep the focus where it was, so the next
// Tab goes on down the page instead of back to the top.
func TestFirstStartCanBeAnsweredByKeyboard(t *testing.T) {
	p, _, w, done := onStore(t, "en")
	c := w.Canvas()
	c.FocusNext() // the language
	c.FocusNext() // I am an advisor
	if c.Focused() != p.advisor.Button {
		t.Fatalf("second Tab focused %T, want the advisor option", c.Focused())
	}
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
	if p.usedBy != "advisor" {
		t.Fatalf("Space chose %q", p.usedBy)
	}
	if c.Focused() != p.advisor.Button {
		t.Fatalf("after Space the focus is on %T, want the advisor option still", c.Focused())
	}
	c.FocusNext() // the company option
	c.FocusNext() // the organisation
	if c.Focused() != p.org {
		t.Fatalf("Tab after choosing focused %T, want the organisation's name", c.Focused())
	}
	test.Type(p.org, "Exportkontoret Syd")
	p.org.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	want := Choice{Language: "en", UsedBy: "advisor", Organisation: "Exportkontoret Syd", LoadExamples: true}
	if len(*done) != 1 || (*done)[0] != want {
		t.Fatalf("Enter handed on %+v, want %+v", *done, want)
	}
}
