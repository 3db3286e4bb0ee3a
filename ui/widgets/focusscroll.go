package widgets

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// focusCheckEvery is how often the window looks whether Tab moved the focus.
const focusCheckEvery = 150 * time.Millisecond

// FollowFocus keeps the focused widget in view while w is open. Fyne does not
// scroll a Scroll to the widget Tab moves to, so in a form longer than the
// window the cursor would vanish below the edge; this looks a few times a
// second whether the focus moved and scrolls the nearest enclosing vertical
// Scroll to it. It returns a function that stops it.
func FollowFocus(w fyne.Window) (stop func()) {
	var last fyne.Focusable
	ticker := time.NewTicker(focusCheckEvery)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case <-ticker.C:
				fyne.Do(func() {
					f := w.Canvas().Focused()
					if f != nil && f != last {
						bringFocusIntoView(w.Canvas().Content(), f)
					}
					last = f
				})
			}
		}
	}()
	return func() { ticker.Stop(); close(done) }
}

// bringFocusIntoView scrolls the Scroll nearest around f so that f shows.
func bringFocusIntoView(root fyne.CanvasObject, f fyne.Focusable) {
	target, ok := f.(fyne.CanvasObject)
	if !ok {
		return
	}
	if s := enclosingScroll(root, target); s != nil {
		scrollIntoView(s, target)
	}
}

// enclosingScroll returns the innermost vertical Scroll that holds target,
// nil when none does.
func enclosingScroll(root, target fyne.CanvasObject) *container.Scroll {
	var found *container.Scroll
	var visit func(o fyne.CanvasObject, scroll *container.Scroll) bool
	visit = func(o fyne.CanvasObject, scroll *container.Scroll) bool {
		if o == nil || !o.Visible() {
			return false
		}
		if s, ok := o.(*container.Scroll); ok && s.Direction != container.ScrollHorizontalOnly {
			scroll = s
		}
		if o == target {
			found = scroll
			return true
		}
		kids, known := focusChildren(o)
		if !known {
			// A widget whose parts we cannot see: it holds target when
			// target lies within it, as a radio button lies in its group.
			if within(target, o) {
				found = scroll
				return true
			}
			return false
		}
		for _, k := range kids {
			if visit(k, scroll) {
				return true
			}
		}
		return false
	}
	visit(root, nil)
	return found
}

// focusChildren lists what a container-like object holds; false for a
// widget whose renderer is not ours to walk.
func focusChildren(o fyne.CanvasObject) ([]fyne.CanvasObject, bool) {
	switch v := o.(type) {
	case *fyne.Container:
		return v.Objects, true
	case *container.Scroll:
		return []fyne.CanvasObject{v.Content}, true
	case *container.Split:
		return []fyne.CanvasObject{v.Leading, v.Trailing}, true
	case *container.AppTabs:
		if it := v.Selected(); it != nil {
			return []fyne.CanvasObject{it.Content}, true
		}
		return nil, true
	case *widget.Card:
		return []fyne.CanvasObject{v.Content}, true
	case *widget.Accordion:
		var kids []fyne.CanvasObject
		for _, it := range v.Items {
			if it.Open {
				kids = append(kids, it.Detail)
			}
		}
		return kids, true
	case fyne.Widget:
		return nil, false
	}
	return nil, true
}

// within reports whether inner lies inside outer on the canvas.
func within(inner, outer fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	ip, op := d.AbsolutePositionForObject(inner), d.AbsolutePositionForObject(outer)
	is, os := inner.Size(), outer.Size()
	return ip.X >= op.X && ip.Y >= op.Y && ip.X+is.Width <= op.X+os.Width+1 && ip.Y+is.Height <= op.Y+os.Height+1
}

// scrollIntoView moves s the least that shows all of target, with a little room.
func scrollIntoView(s *container.Scroll, target fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(target).Y - d.AbsolutePositionForObject(s).Y
	bottom := top + target.Size().Height
	room := theme.Padding() * 2
	offset := s.Offset
	switch {
	case top < 0:
		offset.Y += top - room
	case bottom > s.Size().Height:
		offset.Y += bottom - s.Size().Height + room
	default:
		return
	}
	maxY := s.Content.MinSize().Height - s.Size().Height
	offset.Y = max(0, min(offset.Y, maxY))
	s.ScrollToOffset(offset)
}
