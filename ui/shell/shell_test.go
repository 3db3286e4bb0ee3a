package shell

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/firststart"
	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
)

// withExamples opens the shell over a real store holding the example companies.
func withExamples(t *testing.T, lang string) (*Shell, *store.Store, fyne.Window) {
	t.Helper()
	return inWindow(t, lang, func() fyne.Window { return test.NewTempWindow(t, nil) }, uitest.Deps(t))
}

// inWindow is withExamples in a window made by newWindow, with deps.
func inWindow(t *testing.T, lang string, newWindow func() fyne.Window, deps *kit.Deps) (*Shell, *store.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	st := uitest.OpenStore(t)
	if _, err := demo.Load(context.Background(), st, ref.MustLoad(), uitest.Today); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveSettings(context.Background(), &app.Settings{UsedBy: app.UsedByAdvisor}); err != nil {
		t.Fatal(err)
	}
	w := newWindow()
	w.Resize(fyne.NewSize(1180, 700))
	sh := NewShell(w, deps, ref.MustLoad(), lang, st, nil, store.Maintenance{})
	return sh, st, w
}

func openExample(t *testing.T, sh *Shell) {
	t.Helper()
	test.Type(sh.Companies().Search(), "pasta")
	sh.Companies().Search().OnSubmitted(sh.Companies().Search().Text)
	if sh.Workspace() == nil {
		t.Fatal("Enter in a search with one match did not open the company")
	}
}

func TestOpeningACompanyShowsItsWorkspaceAndBackReturnsToTheList(t *testing.T) {
	sh, _, _ := withExamples(t, "sv")
	openExample(t, sh)
	ws := sh.Workspace()
	if ws.Session().Company().Name != uitest.ExampleCompany || ws.Current() != 0 {
		t.Fatalf("workspace of %q at step %d", ws.Session().Company().Name, ws.Current())
	}
	if !uitest.ContainsText(ws.Content(), "Möllevångens Pastafabrik AB") || !uitest.ContainsText(ws.Content(), "1. Företagsprofil") {
		t.Error("the header or the step list is missing")
	}
	if c := ws.Completeness(); c <= 0 || c > 1 {
		t.Errorf("completeness of an assessed example = %v", c)
	}
	test.Tap(ws.Next)
	if ws.Current() != 1 {
		t.Errorf("Next went to step %d", ws.Current())
	}
	ws.Back()
	if sh.Workspace() != nil || len(sh.Companies().Rows()) != 1 || sh.Companies().Search().Text != "pasta" {
		t.Error("Back did not return to the list as it was")
	}
}

func TestSwitchingLanguageKeepsTheOpenCompanyAndStep(t *testing.T) {
	sh, _, _ := withExamples(t, "sv")
	openExample(t, sh)
	sh.Workspace().ShowStep("results")
	sh.SetLanguage("en")
	ws := sh.Workspace()
	if ws == nil || ws.Steps()[ws.Current()].ID != "results" || ws.Session().Loc.Lang() != "en" {
		t.Fatal("the workspace did not survive the language switch at its step")
	}
	if !uitest.ContainsText(ws.Content(), "1. Company profile") {
		t.Error("the steps are not in English")
	}
}

func TestShortcutsReachTheListAndSearch(t *testing.T) {
	sh, _, w := withExamples(t, "en")
	openExample(t, sh)
	sh.FocusSearch()
	if sh.Workspace() != nil || w.Canvas().Focused() != sh.Companies().Search() {
		t.Error("Ctrl+F did not return to the list with the cursor in the search")
	}
	sh.NewCompany()
	if len(w.Canvas().Overlays().List()) == 0 {
		t.Error("Ctrl+N did not ask for the new company's name")
	}
	menu := sh.mainMenu()
	names := map[string]bool{}
	for _, m := range menu.Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				names[it.Shortcut.ShortcutName()] = true
			}
		}
	}
	for _, sc := range []fyne.Shortcut{shortcutNewCompany, shortcutSearch, shortcutExportPDF, shortcutSettings} {
		if !names[sc.ShortcutName()] {
			t.Errorf("the menu lacks %s", sc.ShortcutName())
		}
	}
}

func TestClosingTheWindowSavesTheOpenCompanyAndItsSize(t *testing.T) {
	// A window of its own: closing it is what this test does.
	sh, st, w := inWindow(t, "sv", func() fyne.Window { return test.NewWindow(nil) }, uitest.Deps(t))
	openExample(t, sh)
	s := sh.Workspace().Session()
	s.EditCompany(func(c *app.Company) { c.Website = "https://pasta.example" })
	w.Resize(fyne.NewSize(1000, 650))
	sh.close()
	c, err := st.Company(context.Background(), s.CompanyID())
	if err != nil || c.Website != "https://pasta.example" {
		t.Errorf("after closing: website %q, err %v", c.Website, err)
	}
	prefs := fyne.CurrentApp().Preferences()
	if prefs.Float(prefWidth) < 900 || prefs.Float(prefHeight) < 600 {
		t.Errorf("remembered size %v×%v", prefs.Float(prefWidth), prefs.Float(prefHeight))
	}
	w2 := test.NewTempWindow(t, nil)
	RestoreWindowSize(w2, prefs)
	if got := w2.Canvas().Size(); got.Width < 900 {
		t.Errorf("restored size %v", got)
	}
}

func TestTheFirstStartCoversTheWindowUntilAnsweredAndLoadsTheExamples(t *testing.T) {
	test.NewTempApp(t)
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := test.NewTempWindow(t, nil)
	sh := NewShell(w, uitest.Deps(t), ref.MustLoad(), "sv", st, nil, store.Maintenance{})
	if !sh.FirstStartShown() {
		t.Fatal("a new database does not show the first start page")
	}
	sh.firstStartDone(firststart.Choice{Language: "en", UsedBy: app.UsedByAdvisor, LoadExamples: true})
	if sh.FirstStartShown() || sh.Language() != "en" || len(sh.Companies().Rows()) != 3 {
		t.Errorf("after the first start: shown %v, language %s, %d companies", sh.FirstStartShown(), sh.Language(), len(sh.Companies().Rows()))
	}
	if len(sh.Tabs().Items) != 4 {
		t.Error("the settings and help tabs are missing")
	}
	if sh.ShowSettings(); sh.Settings() == nil {
		t.Error("the settings tab has no settings screen")
	}
}

func TestAColourSavedInSettingsBecomesTheAccent(t *testing.T) {
	sh, _, _ := withExamples(t, "sv")
	sh.applySettings(&app.Settings{Branding: app.Branding{PrimaryColor: "#7a1f3d"}})
	got := fyne.CurrentApp().Settings().Theme().Color(theme.ColorNamePrimary, theme.VariantLight)
	r, g, b, _ := got.RGBA()
	if r>>8 != 0x7a || g>>8 != 0x1f || b>>8 != 0x3d {
		t.Errorf("primary = %v", got)
	}
}

// TestEveryScreenFitsALaptopAt200Percent holds the window's minimum size,
// at every step and tab, to what a 1366×768 screen at 200 % leaves: one
// unwrapped label anywhere would make the whole window wider than the screen.
func TestEveryScreenFitsALaptopAt200Percent(t *testing.T) {
	limit := fyne.NewSize(683, 384)
	for _, lang := range []string{"sv", "en"} {
		sh, _, _ := withExamples(t, lang)
		check := func(where string) {
			if min := sh.root.MinSize(); min.Width > limit.Width || min.Height > limit.Height {
				t.Errorf("%s %s: minimum size %v exceeds %v", lang, where, min, limit)
			}
		}
		check("company list")
		openExample(t, sh)
		ws := sh.Workspace()
		for i, st := range ws.Steps() {
			ws.Show(i)
			check("step " + st.ID)
		}
		for i := range sh.Tabs().Items {
			sh.Tabs().SelectIndex(i)
			check(sh.Tabs().Items[i].Text)
		}
	}
}

func TestShellMarkup(t *testing.T) {
	sh, _, w := withExamples(t, "sv")
	test.AssertRendersToMarkup(t, "companies.xml", w.Canvas())
	openExample(t, sh)
	sh.Workspace().ShowStep("history")
	test.AssertRendersToMarkup(t, "workspace.xml", w.Canvas())
}

// TestSlowWorkShowsTheWorkingIndicatorAndFastWorkDoesNot runs work on
// goroutines as the window does, with the test goroutine as the UI thread
// and a fake clock for the indicator's delay.
func TestSlowWorkShowsTheWorkingIndicatorAndFastWorkDoesNot(t *testing.T) {
	deps, clock := uitest.NewDeps(t)
	inWindow(t, "sv", func() fyne.Window { return test.NewTempWindow(t, nil) }, deps)
	if deps.Busy == nil {
		t.Fatal("the shell made no working indicator")
	}
	// The test goroutine plays the UI thread: it runs what Async hands it.
	ui := make(chan func(), 8)
	deps.Synchronous, deps.OnUIThread = false, func(fn func()) { ui <- fn }
	pumpUntil := func(what string, cond func() bool) {
		t.Helper()
		deadline := time.After(10 * time.Second)
		for !cond() {
			select {
			case fn := <-ui:
				fn()
			case <-deadline:
				t.Fatal(what)
			}
		}
	}
	pumpQueued := func() {
		for {
			select {
			case fn := <-ui:
				fn()
			default:
				return
			}
		}
	}
	fast := false
	deps.Async(func() {}, func() { fast = true })
	pumpUntil("fast work did not finish", func() bool { return fast })
	clock.Advance(2 * kit.BusyDelay) // a late timer must not show the indicator
	pumpQueued()
	if deps.Busy.Bar.Visible() {
		t.Error("work quicker than 200 ms showed the indicator")
	}
	release := make(chan struct{})
	slow := false
	deps.Async(func() { <-release }, func() { slow = true })
	clock.Advance(kit.BusyDelay - time.Millisecond)
	pumpQueued()
	if deps.Busy.Bar.Visible() {
		t.Error("the indicator showed before 200 ms")
	}
	clock.Advance(time.Millisecond)
	pumpUntil("slow work did not show the indicator", func() bool { return deps.Busy.Bar.Visible() })
	close(release)
	pumpUntil("slow work did not finish", func() bool { return slow })
	if deps.Busy.Bar.Visible() {
		t.Error("the indicator stayed after the work ended")
	}
}

func TestADamagedDatabaseFoundAfterTheWindowShowsGivesTheRecoveryScreen(t *testing.T) {
	test.NewTempApp(t)
	dir := t.TempDir()
	ctx := context.Background()
	st, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := demo.Load(ctx, st, ref.MustLoad(), uitest.Today); err != nil {
		t.Fatal(err)
	}
	st.SaveSettings(ctx, &app.Settings{UsedBy: app.UsedByAdvisor})
	if _, err := st.BackupNow(ctx, "manual"); err != nil {
		t.Fatal(err)
	}
	st.Close()
	db := filepath.Join(dir, store.DatabaseName)
	whole, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	copy(whole[len(whole)-4096:], bytes.Repeat([]byte("skräp "), 700)) // a data page opening never reads
	if err := os.WriteFile(db, whole, 0o600); err != nil {
		t.Fatal(err)
	}
	quick, err := store.OpenQuick(ctx, dir)
	if err != nil {
		t.Fatalf("OpenQuick read the damaged page: %v", err)
	}
	w := test.NewTempWindow(t, nil)
	sh := NewShell(w, uitest.Deps(t), ref.MustLoad(), "sv", quick, nil, store.Maintenance{})
	sh.EnableRecovery(dir, func() (kit.Store, error) { return store.OpenQuick(ctx, dir) })
	if sh.Companies() == nil {
		t.Fatal("the list is not shown before the check")
	}
	sh.Maintain()
	if sh.Companies() != nil || !uitest.ContainsText(sh.Tabs().Items[0].Content, "Databasen går inte att läsa") {
		t.Error("the damage found by the check does not show the recovery screen")
	}
	// The damaged store was closed: its folder's lock is free for a restore.
	if _, err := store.RestoreClosed(ctx, dir, mustNewestBackup(t, dir)); err != nil {
		t.Errorf("restore after the check: %v", err)
	}
}

func mustNewestBackup(t *testing.T, dir string) string {
	t.Helper()
	b, err := backups.NewestGood(context.Background(), backups.Dir(filepath.Join(dir, store.DatabaseName)))
	if err != nil || b == "" {
		t.Fatalf("no good backup: %v", err)
	}
	return b
}
