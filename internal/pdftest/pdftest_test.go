package pdftest

import (
	"bytes"
	"image/color"
	"image/png"
	"testing"
)

func TestFlatCollapsesWhiteSpace(t *testing.T) {
	if got := Flat("Åsa\n  Öberg\t\f AB"); got != "Åsa Öberg AB" {
		t.Errorf("Flat = %q", got)
	}
}

func TestPNGIsAnEightBitPictureOfTheAskedSize(t *testing.T) {
	data := PNG(t, 30, 12, color.NRGBA{R: 0x1F, G: 0x4E, B: 0x79, A: 0xFF})
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 30 || b.Dy() != 12 {
		t.Errorf("size %v", b)
	}
	if depth := data[24]; depth != 8 {
		t.Errorf("bit depth %d", depth)
	}
	if got := color.NRGBAModel.Convert(img.At(20, 2)).(color.NRGBA); got.B != 0x79 {
		t.Errorf("pixel %v, want the block's colour", got)
	}
}
