package shell

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// Every shortcut in the main menu must use the platform's default modifier,
// which Fyne maps to Cmd on macOS and Ctrl elsewhere; a hard-coded Control
// would give Mac users Ctrl+N where every other app uses ⌘N.
func TestMenuShortcutsUseTheDefaultModifier(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		sh, _, _ := withExamples(t, lang)
		count := 0
		for _, menu := range sh.mainMenu().Items {
			for _, it := range menu.Items {
				if it.Shortcut == nil {
					continue
				}
				count++
				sc, ok := it.Shortcut.(*desktop.CustomShortcut)
				if !ok {
					t.Errorf("%s › %s: shortcut %T, want a desktop.CustomShortcut", menu.Label, it.Label, it.Shortcut)
					continue
				}
				if sc.Modifier != fyne.KeyModifierShortcutDefault {
					t.Errorf("%s › %s: modifier %v, want fyne.KeyModifierShortcutDefault (Cmd on macOS)", menu.Label, it.Label, sc.Modifier)
				}
			}
		}
		if count < 9 {
			t.Errorf("%s: %d menu shortcuts, want the nine of ui/menu.go", lang, count)
		}
	}
}

// On Linux and Windows KeyModifierShortcutDefault is Control, so the test
// above cannot tell a hard-coded Control from it here (it can on macOS CI).
// This one reads the package's sources: no shortcut names Control or Super.
func TestNoHardCodedShortcutModifiers(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				switch sel.Sel.Name {
				case "KeyModifierControl", "KeyModifierSuper":
					t.Errorf("%s: fyne.%s; use fyne.KeyModifierShortcutDefault", fset.Position(sel.Pos()), sel.Sel.Name)
				}
			}
			return true
		})
	}
}

// Ctrl+1, 2 and 3 show the home screen's table, follow-ups and insights,
// also from an open company, which is saved and closed first.
func TestTheViewShortcutsShowThePortfolioViews(t *testing.T) {
	sh, _, _ := withExamples(t, "en")
	sh.OpenCompany(sh.Companies().Rows()[0].ID)
	if sh.Workspace() == nil {
		t.Fatal("the company did not open")
	}
	sh.ShowPortfolioView(2)
	if sh.Workspace() != nil || sh.Companies().Tabs().SelectedIndex() != 2 {
		t.Fatalf("after Ctrl+3: workspace open %v, view %d; want the insights", sh.Workspace() != nil, sh.Companies().Tabs().SelectedIndex())
	}
	sh.ShowPortfolioView(1)
	if sh.Companies().Tabs().SelectedIndex() != 1 || sh.Tabs().SelectedIndex() != tabCompanies {
		t.Errorf("after Ctrl+2: view %d, tab %d", sh.Companies().Tabs().SelectedIndex(), sh.Tabs().SelectedIndex())
	}
}
