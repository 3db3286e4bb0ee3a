package reportstep

import (
	"context"
	"errors"
	"io"

	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/report"
)

// AskLogo lets the user choose the company's logo, a PNG or JPEG file.
func (v *view) AskLogo() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		kit.LogError("choose a logo", err)
		if rc == nil {
			return
		}
		defer rc.Close()
		// One byte more than allowed is enough for PrepareLogo to say "too large".
		data, err := io.ReadAll(io.LimitReader(rc, report.MaxLogoBytes+1))
		if err != nil {
			kit.LogError("read the logo "+rc.URI().String(), err)
			v.showLogoProblem("ui.reportstep.logo_format")
			return
		}
		v.UseLogo(data)
	}, v.s.Win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Resize(dialogSize(v.s.Win))
	d.Show()
}

// dialogSize is a roomy size for a file dialog that still fits
// the window, also at 200 % scaling.
func dialogSize(w fyne.Window) fyne.Size {
	size := w.Canvas().Size()
	return fyne.NewSize(min(820, size.Width*0.9), min(580, size.Height*0.9))
}

// UseLogo checks a logo file's bytes and stores them, re-encoded as a small
// PNG, as the company's logo; a file that is not a usable picture is refused
// with the reason and the stored logo stays.
func (v *view) UseLogo(data []byte) {
	var prepared []byte
	var prepErr, saveErr error
	id := v.s.CompanyID()
	v.s.Deps.Async(func() {
		if prepared, prepErr = report.PrepareLogo(data); prepErr == nil {
			saveErr = v.s.Store.SetLogo(context.Background(), id, prepared)
		}
	}, func() {
		switch {
		case errors.Is(prepErr, report.ErrLogoTooLarge):
			kit.LogError("logo", prepErr)
			v.showLogoProblem("ui.reportstep.logo_too_large")
		case prepErr != nil:
			kit.LogError("logo", prepErr)
			v.showLogoProblem("ui.reportstep.logo_format")
		case saveErr != nil:
			kit.LogError("save the logo", saveErr)
			v.showLogoProblem("ui.reportstep.logo_failed")
		default:
			v.showLogo(prepared)
		}
	})
}

// RemoveLogo removes the company's logo.
func (v *view) RemoveLogo() {
	var err error
	id := v.s.CompanyID()
	v.s.Deps.Async(func() { err = v.s.Store.SetLogo(context.Background(), id, nil) }, func() {
		if err != nil {
			kit.LogError("remove the logo", err)
			v.showLogoProblem("ui.reportstep.logo_failed")
			return
		}
		v.showLogo(nil)
	})
}

// showLogo previews the logo, or says there is none.
func (v *view) showLogo(logo []byte) {
	v.logo = logo
	v.LogoNote.Importance = widget.LowImportance
	if len(logo) == 0 {
		v.logoImage.Hide()
		v.logoDrop.Disable()
		v.LogoNote.SetText(v.s.Loc.T("ui.reportstep.logo_none"))
		v.content.Refresh()
		return
	}
	v.logoImage.Resource = fyne.NewStaticResource("logo.png", logo)
	v.logoImage.Show()
	v.logoImage.Refresh()
	v.logoDrop.Enable()
	v.LogoNote.SetText(v.s.Loc.T("ui.reportstep.logo_shown"))
	v.content.Refresh()
}

func (v *view) showLogoProblem(id string) {
	v.LogoNote.Importance = widget.DangerImportance
	v.LogoNote.SetText(v.s.Loc.T(id))
}
