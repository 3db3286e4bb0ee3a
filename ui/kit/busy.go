package kit

import "fyne.io/fyne/v2/widget"

// BusyIndicator is an endless progress bar shown while any slow work runs.
type BusyIndicator struct {
	// Bar is the bar the shell places in the window.
	Bar   *widget.ProgressBarInfinite
	count int
}

// NewBusyIndicator makes the indicator, hidden. Call it on the UI thread.
func NewBusyIndicator() *BusyIndicator {
	b := &BusyIndicator{Bar: widget.NewProgressBarInfinite()}
	b.Bar.Hide()
	b.Bar.Stop()
	return b
}

// add counts work started (1) or finished (-1); the bar shows while any runs.
func (b *BusyIndicator) add(n int) {
	b.count += n
	if b.count > 0 {
		b.Bar.Show()
		b.Bar.Start()
		return
	}
	b.count = 0
	b.Bar.Stop()
	b.Bar.Hide()
}
