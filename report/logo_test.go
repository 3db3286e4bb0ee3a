package report

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

// pngOf encodes img as PNG.
func pngOf(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gradient(w, h int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	return img
}

// patchIHDR rewrites a PNG's header fields at offset (from the start of the
// IHDR data) and fixes its checksum, to make files Go's encoder won't.
func patchIHDR(data []byte, offset int, value []byte) []byte {
	out := append([]byte(nil), data...)
	// 8 bytes signature, 4 length, 4 "IHDR", then 13 bytes of data and a CRC.
	copy(out[16+offset:], value)
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}

// header reads a PNG's bit depth and interlace method.
func header(t *testing.T, data []byte) (depth, interlace byte) {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")) || string(data[12:16]) != "IHDR" {
		t.Fatalf("not a PNG")
	}
	return data[24], data[28]
}

func TestLogosBecomePlain8BitPNGs(t *testing.T) {
	sixteen := image.NewNRGBA64(image.Rect(0, 0, 40, 20))
	sixteen.Set(3, 3, color.NRGBA64{0xffff, 0x1234, 0, 0xffff})
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, gradient(64, 32), nil); err != nil {
		t.Fatal(err)
	}
	// A 1×1 picture is the same bytes interlaced or not, but for the flag.
	interlaced := patchIHDR(pngOf(t, gradient(1, 1)), 12, []byte{1})
	paletted := image.NewPaletted(image.Rect(0, 0, 8, 8), color.Palette{color.White, color.Black})
	cases := map[string][]byte{
		"16-bit": pngOf(t, sixteen), "jpeg": jpg.Bytes(), "interlaced": interlaced, "paletted": pngOf(t, paletted),
	}
	for name, data := range cases {
		out, err := PrepareLogo(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if depth, il := header(t, out); depth != 8 || il != 0 {
			t.Errorf("%s: bit depth %d, interlace %d", name, depth, il)
		}
	}
}

func TestLargeLogosAreScaledDown(t *testing.T) {
	out, err := PrepareLogo(pngOf(t, gradient(2000, 500)))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(out))
	if err != nil || cfg.Width != 800 || cfg.Height != 200 {
		t.Fatalf("scaled to %d×%d (%v), want 800×200", cfg.Width, cfg.Height, err)
	}
}

func TestBadLogosGiveClearErrors(t *testing.T) {
	small := pngOf(t, gradient(2, 2))
	huge := patchIHDR(small, 0, []byte{0, 1, 0, 0, 0, 1, 0, 0}) // claims 65536×65536
	cases := map[string]struct {
		data []byte
		want error
	}{
		"empty":      {nil, ErrLogoFormat},
		"text":       {[]byte("not a picture at all"), ErrLogoFormat},
		"gif":        {[]byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), ErrLogoFormat},
		"truncated":  {small[:len(small)/2], ErrLogoFormat},
		"too large":  {make([]byte, MaxLogoBytes+1), ErrLogoTooLarge},
		"huge claim": {huge, ErrLogoTooLarge},
	}
	for name, c := range cases {
		if _, err := PrepareLogo(c.data); !errors.Is(err, c.want) {
			t.Errorf("%s: %v, want %v", name, err, c.want)
		}
	}
}

func FuzzPrepareLogo(f *testing.F) {
	f.Add(pngOf(f, gradient(3, 2)))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("\xff\xd8\xff\xe0"))
	f.Fuzz(func(t *testing.T, data []byte) {
		out, err := PrepareLogo(data)
		if err == nil {
			if _, err := png.Decode(bytes.NewReader(out)); err != nil {
				t.Fatalf("prepared logo does not decode: %v", err)
			}
		}
	})
}
