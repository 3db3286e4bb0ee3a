package shell

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/locales"
)

// crashNoticeTexts collects every label's and button's text in obj.
func crashNoticeTexts(obj fyne.CanvasObject) []string {
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			texts = append(texts, v.Text)
		case *widget.Button:
			texts = append(texts, v.Text)
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c)
			}
			return
		}
		if w, ok := o.(fyne.Widget); ok {
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		}
	}
	walk(obj)
	return texts
}

func crashNoticeWindow(t *testing.T) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("the app"))
	w.Resize(fyne.NewSize(900, 700))
	return w
}

func TestCrashNoticeInSwedishOffersTheBackup(t *testing.T) {
	w := crashNoticeWindow(t)
	report := filepath.Join(t.TempDir(), "crash-20260304-050607-seen.txt")
	restored, dismissed := 0, 0
	ShowCrashNotice(w, locales.MustNew("sv"), report, true, func() { restored++ }, func() { dismissed++ })
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog shown")
	}
	all := strings.Join(crashNoticeTexts(top), "\n")
	for _, want := range []string{
		"POMI Planner stängdes oväntat",
		"sparar automatiskt",
		"Skicka den gärna till supporten",
		report,
		"Visa i mappen",
		"Återställ senaste säkerhetskopian …",
		"OK",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the notice lacks %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "ui.crash.") {
		t.Errorf("a message id shows instead of its text:\n%s", all)
	}
	if restored+dismissed != 0 {
		t.Errorf("showing the notice called back: onRestore %d, onDismiss %d", restored, dismissed)
	}
}

func TestCrashNoticeRestoreClosesItAndCallsOnRestore(t *testing.T) {
	w := crashNoticeWindow(t)
	restored, dismissed := 0, 0
	n := newCrashNotice(w, locales.MustNew("sv"), "/x/crash.txt", true, func() {
		restored++
		if w.Canvas().Overlays().Top() != nil {
			t.Error("the notice still covers the window when onRestore runs")
		}
	}, func() { dismissed++ })
	n.dialog.Show()
	test.Tap(n.restore)
	if restored != 1 || dismissed != 0 {
		t.Errorf("restore tapped: onRestore %d, onDismiss %d", restored, dismissed)
	}
}

func TestCrashNoticeInEnglishWithoutBackups(t *testing.T) {
	w := crashNoticeWindow(t)
	restored, dismissed := 0, 0
	n := newCrashNotice(w, locales.MustNew("en"), "/data/crash-1.txt", false, func() { restored++ }, func() { dismissed++ })
	n.dialog.Show()
	all := strings.Join(crashNoticeTexts(w.Canvas().Overlays().Top()), "\n")
	for _, want := range []string{"POMI Planner closed unexpectedly", "saves automatically", "send it to support", "/data/crash-1.txt", "Show in folder"} {
		if !strings.Contains(all, want) {
			t.Errorf("the notice lacks %q:\n%s", want, all)
		}
	}
	if n.restore != nil || strings.Contains(all, "Restore latest backup") || strings.Contains(all, "restore the latest backup") {
		t.Errorf("a restore is offered without backups:\n%s", all)
	}
	if !n.path.Selectable {
		t.Error("the report's path cannot be copied")
	}
	test.Tap(n.ok)
	if dismissed != 1 || restored != 0 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("OK tapped: onDismiss %d, onRestore %d, still shown %v", dismissed, restored, w.Canvas().Overlays().Top() != nil)
	}
}

func TestCrashNoticeNilCallbacksAreFine(t *testing.T) {
	w := crashNoticeWindow(t)
	n := newCrashNotice(w, locales.MustNew("en"), "/data/crash-1.txt", true, nil, nil)
	n.dialog.Show()
	test.Tap(n.restore)
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the notice did not close")
	}
}

func TestShowBackupsScrollsSettingsToTheBackups(t *testing.T) {
	sh, _, _ := withExamples(t, "sv")
	if sh.Settings() != nil {
		t.Fatal("the settings screen is built before its tab is shown")
	}
	sh.ShowSettings()
	sh.Settings().BackupNow()
	sh.ShowBackups()
	if sh.Tabs().SelectedIndex() != tabSettings {
		t.Fatalf("tab %d selected", sh.Tabs().SelectedIndex())
	}
	s := sh.Settings().Scroll
	if s.Offset.Y == 0 || s.Offset.Y+s.Size().Height < s.Content.MinSize().Height-1 {
		t.Errorf("settings scrolled to %v of %v in a view of %v: the backups are not in view", s.Offset, s.Content.MinSize(), s.Size())
	}
	if len(sh.Settings().Backups()) == 0 {
		t.Error("no backup listed to restore")
	}
}
