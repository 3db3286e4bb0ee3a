package macos

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"io"

	"golang.org/x/image/draw"
)

// IconSizes are the .icns entries ICNS writes: each type code holds a PNG
// of that many pixels square (the @2x types for Retina screens included),
// the set Apple's iconutil makes from an .iconset without 1024 pixels.
var IconSizes = []struct {
	Type string
	Size int
}{
	{"icp4", 16}, {"icp5", 32}, {"ic11", 32}, {"icp6", 64}, {"ic12", 64},
	{"ic07", 128}, {"ic08", 256}, {"ic13", 256}, {"ic09", 512}, {"ic14", 512},
}

// maxIconSource bounds the source picture, so a wrong file cannot make the
// tool allocate gigabytes.
const maxIconSource = 4096

// ICNS converts a square PNG (at least 512 pixels, as cmd/pomi/Icon.png is)
// into a macOS .icns file: each entry an 8-bit RGBA PNG scaled with
// Catmull-Rom, which every macOS since 10.7 reads.
func ICNS(pngData []byte) ([]byte, error) {
	cfg, err := png.DecodeConfig(bytes.NewReader(pngData))
	if err != nil {
		return nil, fmt.Errorf("icon: %w", err)
	}
	if cfg.Width != cfg.Height || cfg.Width < 512 || cfg.Width > maxIconSource {
		return nil, fmt.Errorf("icon: %d×%d pixels, want a square of 512 to %d", cfg.Width, cfg.Height, maxIconSource)
	}
	src, err := png.Decode(bytes.NewReader(pngData))
	if err != nil {
		return nil, fmt.Errorf("icon: %w", err)
	}
	var body bytes.Buffer
	for _, s := range IconSizes {
		var p bytes.Buffer
		if err := png.Encode(&p, scale(src, s.Size)); err != nil {
			return nil, fmt.Errorf("icon %s: %w", s.Type, err)
		}
		writeChunk(&body, s.Type, p.Bytes())
	}
	var out bytes.Buffer
	writeChunk(&out, "icns", body.Bytes())
	return out.Bytes(), nil
}

// writeChunk writes a 4-byte type, the big-endian length including these
// 8 header bytes, then data: the layout of the file and of each entry.
func writeChunk(w io.Writer, typ string, data []byte) {
	var head [8]byte
	copy(head[:4], typ)
	binary.BigEndian.PutUint32(head[4:], uint32(len(data)+8))
	_, _ = w.Write(head[:]) // callers pass a bytes.Buffer, which never fails
	_, _ = w.Write(data)
}

// scale draws src into a new size×size 8-bit RGBA picture.
func scale(src image.Image, size int) *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
	return dst
}

// ICNSEntry is one entry of an .icns file, as ReadICNS returns it.
type ICNSEntry struct {
	Type string
	Data []byte
}

// ReadICNS splits an .icns file into its entries; tests use it to check
// what ICNS wrote.
func ReadICNS(data []byte) ([]ICNSEntry, error) {
	if len(data) < 8 || string(data[:4]) != "icns" || int(binary.BigEndian.Uint32(data[4:8])) != len(data) {
		return nil, fmt.Errorf("not an .icns file of %d bytes", len(data))
	}
	var entries []ICNSEntry
	for rest := data[8:]; len(rest) > 0; {
		if len(rest) < 8 {
			return nil, fmt.Errorf("truncated entry header")
		}
		n := int(binary.BigEndian.Uint32(rest[4:8]))
		if n < 8 || n > len(rest) {
			return nil, fmt.Errorf("entry %q: length %d of %d bytes left", rest[:4], n, len(rest))
		}
		entries = append(entries, ICNSEntry{Type: string(rest[:4]), Data: rest[8:n]})
		rest = rest[n:]
	}
	return entries, nil
}
