package widgets

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTheFocusedFieldIsScrolledIntoView(t *testing.T) {
	test.NewTempApp(t)
	var fields []*widget.Entry
	form := container.NewVBox()
	for i := range 30 {
		e := widget.NewEntry()
		e.SetText(fmt.Sprint("field ", i))
		fields = append(fields, e)
		form.Add(widget.NewCard(fmt.Sprint("Card ", i), "", e))
	}
	radio := widget.NewRadioGroup([]string{"1", "2", "3"}, nil)
	radio.Horizontal = true
	form.Add(radio)
	scroll := container.NewVScroll(form)
	w := test.NewTempWindow(t, container.NewBorder(widget.NewButton("top", nil), nil, nil, nil, scroll))
	w.Resize(fyne.NewSize(400, 300))

	if visibleIn(scroll, fields[20]) {
		t.Fatal("field 20 shows before any scrolling; the test proves nothing")
	}
	w.Canvas().Focus(fields[20])
	bringFocusIntoView(w.Canvas().Content(), fields[20])
	if !visibleIn(scroll, fields[20]) {
		t.Fatalf("field 20 is not in view at offset %v", scroll.Offset)
	}
	w.Canvas().Focus(fields[2])
	bringFocusIntoView(w.Canvas().Content(), fields[2])
	if !visibleIn(scroll, fields[2]) {
		t.Errorf("scrolling back up: field 2 not in view at offset %v", scroll.Offset)
	}
	// A radio button is a part of its group that the walk cannot see; it is
	// found by where it lies.
	w.Canvas().Focus(fields[29])
	w.Canvas().FocusNext()
	focused := w.Canvas().Focused()
	if focused == nil || focused == fyne.Focusable(fields[29]) {
		t.Fatal("Tab did not reach the radio group")
	}
	bringFocusIntoView(w.Canvas().Content(), focused)
	if !visibleIn(scroll, radio) {
		t.Errorf("the radio group is not in view at offset %v", scroll.Offset)
	}
}

func visibleIn(s *container.Scroll, o fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(s).Y
	return top >= 0 && top+o.Size().Height <= s.Size().Height
}
