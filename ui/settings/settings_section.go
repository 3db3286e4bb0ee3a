package settings

import "fyne.io/fyne/v2"

// AddSection adds a card made elsewhere below the screen's own, such as
// team mode's sign-in: the settings screen need not know what it holds.
func (s *Screen) AddSection(card fyne.CanvasObject) {
	s.body.Add(card)
}
