package report

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/jpeg"
	"image/png"

	xdraw "golang.org/x/image/draw"
)

// Limits on a logo: the file, the picture before decoding (a small file can
// claim a huge picture), and the size it is scaled down to for the PDF.
const (
	MaxLogoBytes  = 5 << 20
	MaxLogoPixels = 40_000_000
	logoMaxSide   = 800
)

// Errors PrepareLogo returns; test with errors.Is.
var (
	ErrLogoFormat   = errors.New("the logo is not a PNG or JPEG picture")
	ErrLogoTooLarge = errors.New("the logo is too large")
)

// PrepareLogo checks a PNG or JPEG logo and re-encodes it as a plain 8-bit,
// non-interlaced PNG no larger than 800 pixels a side: fpdf refuses
// interlaced PNGs and draws 16-bit ones wrong, and a photo-sized logo would
// bloat every page it is on.
func PrepareLogo(data []byte) ([]byte, error) {
	if len(data) == 0 {
		return nil, ErrLogoFormat
	}
	if len(data) > MaxLogoBytes {
		return nil, fmt.Errorf("%w: %d bytes (at most %d)", ErrLogoTooLarge, len(data), MaxLogoBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || (format != "png" && format != "jpeg") {
		return nil, ErrLogoFormat
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > MaxLogoPixels {
		return nil, fmt.Errorf("%w: %d×%d pixels", ErrLogoTooLarge, cfg.Width, cfg.Height)
	}
	img, err := decodeLogo(data, format)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrLogoFormat, err)
	}
	var out bytes.Buffer
	if err := png.Encode(&out, toNRGBA(img)); err != nil {
		return nil, fmt.Errorf("re-encode logo: %w", err)
	}
	return out.Bytes(), nil
}

func decodeLogo(data []byte, format string) (img image.Image, err error) {
	defer func() {
		// A decoder bug must not take the plan down with it.
		if r := recover(); r != nil {
			err = fmt.Errorf("decode %s: %v", format, r)
		}
	}()
	if format == "png" {
		return png.Decode(bytes.NewReader(data))
	}
	return jpeg.Decode(bytes.NewReader(data))
}

// toNRGBA converts img to 8-bit RGBA, scaled down to logoMaxSide when larger.
func toNRGBA(img image.Image) *image.NRGBA {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w > logoMaxSide || h > logoMaxSide {
		if w >= h {
			w, h = logoMaxSide, max(1, h*logoMaxSide/w)
		} else {
			w, h = max(1, w*logoMaxSide/h), logoMaxSide
		}
		dst := image.NewNRGBA(image.Rect(0, 0, w, h))
		xdraw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		return dst
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), img, b.Min, draw.Src)
	return dst
}

// Warning codes: something left out of a plan that was still made.
const (
	WarnOrganisationLogo = "organisation_logo"
	WarnClientLogo       = "client_logo"
	// WarnLeftOutCharacters: characters no embedded font can draw (emoji,
	// symbols, other scripts) were left out of the texts.
	WarnLeftOutCharacters = "left_out_characters"
)

// Warning is something Build left out; the plan is still valid.
type Warning struct {
	Code string
	Err  error
}

// Error says what was left out and why, for the log.
func (w Warning) Error() string { return w.Code + ": " + w.Err.Error() }

// MessageID is the message that tells the user, "report.warning.<code>".
func (w Warning) MessageID() string { return "report.warning." + w.Code }
