package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// TestFirstStartAndHelpShots saves PNGs of the first start page and the help
// pages in both languages to look at: POMI_SHOTS=/tmp go test -run Shots.
func TestFirstStartAndHelpShots(t *testing.T) {
	dir := os.Getenv("POMI_SHOTS")
	if dir == "" {
		t.Skip("set POMI_SHOTS to a directory to save screenshots")
	}
	fyneLangKeep(t)
	for _, lang := range []string{"sv", "en"} {
		for _, v := range []struct {
			name    string
			variant fyne.ThemeVariant
			accent  string
			size    fyne.Size
			scale   float32
		}{
			{"light", theme.VariantLight, "#1f4e79", fyne.NewSize(1100, 720), 1},
			{"dark", theme.VariantDark, "#e0a800", fyne.NewSize(1100, 720), 1},
			{"small-x2", theme.VariantLight, "", fyne.NewSize(683, 384), 2},
		} {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(radarVariant{NewAccentTheme(v.accent), v.variant})
			p, _, w, _ := firstStartInApp(t, lang)
			if v.name == "light" { // answered too soon: the reason shows
				test.Tap(p.start)
				firstStartShot(t, w, v.size, v.scale, filepath.Join(dir, "first-start-"+lang+"-unanswered.png"))
			}
			test.Tap(p.advisor.button)
			firstStartShot(t, w, v.size, v.scale, filepath.Join(dir, "first-start-"+lang+"-"+v.name+".png"))
			h := newHelpScreen(locales.MustNew(lang), ref.MustLoad())
			w.SetContent(h.tabs)
			for i, page := range []string{"method", "shortcuts", "about"} {
				h.tabs.SelectIndex(i)
				firstStartShot(t, w, v.size, v.scale, filepath.Join(dir, "help-"+page+"-"+lang+"-"+v.name+".png"))
			}
			if v.name == "light" { // the whole method page, to read it through
				h.tabs.SelectIndex(0)
				firstStartShot(t, w, fyne.NewSize(1100, 2600), 1, filepath.Join(dir, "help-method-"+lang+"-full.png"))
			}
		}
	}
}

func firstStartShot(t *testing.T, w fyne.Window, size fyne.Size, scale float32, path string) {
	t.Helper()
	w.Canvas().(interface{ SetScale(float32) }).SetScale(scale)
	w.Resize(size)
	saveCapture(t, w, path)
}
