package ui

import (
	"image/png"
	"os"
	"testing"

	"fyne.io/fyne/v2"
)

// saveCapture writes what window w shows to a PNG file at path, for the
// screenshot tests that run with POMI_SHOTS set, so a person can look.
func saveCapture(t *testing.T, w fyne.Window, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}
