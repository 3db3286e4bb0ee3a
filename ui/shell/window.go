package shell

import "fyne.io/fyne/v2"

// Preference keys of the window's size, and the size of a first start: it
// fits a 1366×768 laptop screen with room for the task bar.
const (
	prefWidth  = "window.width"
	prefHeight = "window.height"
)

// defaultWindowSize is the window's size until the user changes it.
var defaultWindowSize = fyne.NewSize(1180, 700)

// minWindowSize keeps a remembered size usable should the file hold nonsense.
var minWindowSize = fyne.NewSize(720, 480)

// RestoreWindowSize sizes w as it was when last closed; the shell records
// the size with RememberWindowSize when the window closes.
func RestoreWindowSize(w fyne.Window, prefs fyne.Preferences) {
	size := fyne.NewSize(
		float32(prefs.FloatWithFallback(prefWidth, float64(defaultWindowSize.Width))),
		float32(prefs.FloatWithFallback(prefHeight, float64(defaultWindowSize.Height))),
	)
	if size.Width < minWindowSize.Width || size.Height < minWindowSize.Height {
		size = defaultWindowSize
	}
	w.Resize(size)
}

// rememberWindowSize records w's current size for the next start.
func rememberWindowSize(w fyne.Window, prefs fyne.Preferences) {
	size := w.Canvas().Size()
	if size.Width >= minWindowSize.Width && size.Height >= minWindowSize.Height {
		prefs.SetFloat(prefWidth, float64(size.Width))
		prefs.SetFloat(prefHeight, float64(size.Height))
	}
}
