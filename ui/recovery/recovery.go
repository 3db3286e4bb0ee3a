package recovery

import (
	"context"
	"errors"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/settings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

// screen is shown instead of the app when the database cannot be
// opened: why, where the data is, try again, and the backups to restore.
type screen struct {
	deps    *kit.Deps
	loc     *locales.Localizer
	maint   kit.Maintenance
	openErr error
	dataDir string
	onRetry func()
	status  *widget.Label
	list    *fyne.Container
	reason  *widget.Label
	body    *fyne.Container
	content fyne.CanvasObject
}

// NewScreen explains why the database in dataDir could not be opened
// (openErr) and offers what helps: opening the folder, trying again (onRetry,
// which reopens the database) and, when the file is damaged and there are
// backups, restoring one without an open store (through m). After a restore
// it calls onRetry. Another running copy (an *app.LockedError) or a database
// from a newer version gets no restore offer: the data is fine, a restore
// would only hide newer work.
func NewScreen(deps *kit.Deps, loc *locales.Localizer, m kit.Maintenance, openErr error, dataDir string, onRetry func()) fyne.CanvasObject {
	r := &screen{deps: deps, loc: loc, maint: m, openErr: openErr, dataDir: dataDir, onRetry: onRetry, list: container.NewVBox()}
	r.status = settings.Hint("")
	r.status.Importance = widget.DangerImportance
	r.status.Hide()
	r.reason = widget.NewLabel(StoreProblem(openErr, loc))
	r.reason.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(loc.T("ui.recovery.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	path := widget.NewLabel(dataDir)
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(loc.T("ui.settings.data.open_folder"), theme.FolderOpenIcon(), func() {
		if err := settings.OpenFolder(dataDir); err != nil {
			kit.LogError("open data folder", err)
			r.showStatus(loc.T("ui.settings.data.open_failed"))
		}
	})
	retry := widget.NewButtonWithIcon(loc.T("ui.recovery.retry"), theme.ViewRefreshIcon(), onRetry)
	retry.Importance = widget.HighImportance
	r.body = container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, title),
		r.reason,
		widget.NewLabelWithStyle(loc.T("ui.recovery.folder"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		path,
		container.NewHBox(open, retry, r.startEmptyButton()),
		r.status,
		r.list,
	)
	r.content = container.NewVScroll(container.NewPadded(r.body))
	if offersRestore(openErr) {
		r.listBackups()
	}
	return r.content
}

// offersRestore is false when the database itself is fine: another
// copy holds it, or a newer version wrote it.
func offersRestore(err error) bool {
	var locked *app.LockedError
	var newer *app.NewerError
	return !errors.As(err, &locked) && !errors.As(err, &newer)
}

func (r *screen) listBackups() {
	var backups []app.BackupInfo
	var err error
	r.deps.Async(func() { backups, err = r.maint.Backups(r.dataDir) }, func() {
		if err != nil {
			kit.LogError("list backups", err)
		}
		r.showBackups(backups)
	})
}

func (r *screen) showBackups(backups []app.BackupInfo) {
	r.list.RemoveAll()
	if len(backups) == 0 {
		return
	}
	var corrupt *app.CorruptError
	switch {
	case errors.Is(r.openErr, app.ErrDatabaseMissing):
		r.reason.SetText(r.loc.T("ui.recovery.missing"))
	case errors.As(r.openErr, &corrupt):
		// The usual message points at the command line; here is a button.
		r.reason.SetText(r.loc.T("ui.recovery.corrupt"))
	}
	r.list.Add(widget.NewSeparator())
	r.list.Add(widget.NewLabelWithStyle(r.loc.T("ui.recovery.backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	r.list.Add(settings.Hint(r.loc.T("ui.recovery.backups_lead")))
	for _, b := range backups {
		restore := widget.NewButtonWithIcon(r.loc.T("ui.recovery.restore"), theme.HistoryIcon(), nil)
		restore.OnTapped = func() { r.askRestore(restore, b) }
		line := widget.NewLabel(settings.BackupLine(r.loc, b))
		line.Truncation = fyne.TextTruncateEllipsis
		r.list.Add(container.NewBorder(nil, nil, nil, restore, line))
	}
	r.body.Refresh() // the reason and the list changed height
}

// askRestore confirms in a dialog when the button's window can be found,
// else restores at once: nothing is deleted either way.
func (r *screen) askRestore(from fyne.CanvasObject, b app.BackupInfo) {
	win := windowOf(from)
	if win == nil {
		r.restore(b)
		return
	}
	msg := widget.NewLabel(r.loc.Tf("ui.recovery.restore_confirm", map[string]any{"Date": settings.BackupWhen(r.loc, b.Time)}))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(r.loc.T("ui.settings.backups.restore_title"), r.loc.T("ui.settings.backups.restore_button"),
		r.loc.T("ui.cancel"), msg, func(ok bool) {
			if ok {
				r.restore(b)
			}
		}, win)
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
}

// startEmptyButton is offered only when the database is missing and has no
// backup: the one way on then, unless the user can put the file back.
func (r *screen) startEmptyButton() fyne.CanvasObject {
	var corrupt *app.CorruptError
	if !errors.Is(r.openErr, app.ErrDatabaseMissing) || !errors.As(r.openErr, &corrupt) || corrupt.Backup != "" {
		return layout.NewSpacer()
	}
	return widget.NewButtonWithIcon(r.loc.T("ui.recovery.start_empty"), theme.ContentAddIcon(), func() {
		var err error
		r.deps.Async(func() { err = r.maint.StartEmpty(context.Background(), r.dataDir) }, func() {
			if err != nil {
				kit.LogError("start empty in "+r.dataDir, err)
				r.showStatus(r.loc.T("ui.recovery.start_empty_failed"))
				return
			}
			if r.onRetry != nil {
				r.onRetry()
			}
		})
	})
}

// restore puts the backup in place with no store open, then tries again.
func (r *screen) restore(b app.BackupInfo) {
	var err error
	r.deps.Async(func() { _, err = r.maint.RestoreClosed(context.Background(), r.dataDir, b.Path) }, func() {
		var locked *app.LockedError
		switch {
		case errors.As(err, &locked):
			r.showStatus(StoreProblem(err, r.loc))
		case err != nil:
			r.showStatus(r.loc.T("ui.recovery.restore_failed"))
		}
		if err != nil {
			kit.LogError("restore "+b.Path, err)
			return
		}
		if r.onRetry != nil {
			r.onRetry()
		}
	})
}

func (r *screen) showStatus(text string) {
	r.status.SetText(text)
	r.status.Show()
	r.body.Refresh()
}

// windowOf finds the window showing obj.
func windowOf(obj fyne.CanvasObject) fyne.Window {
	a := fyne.CurrentApp()
	if a == nil {
		return nil
	}
	c := a.Driver().CanvasForObject(obj)
	for _, w := range a.Driver().AllWindows() {
		if w.Canvas() == c {
			return w
		}
	}
	return nil
}

// StoreProblem says in the user's language why the database could not be
// opened and what to do; the error itself goes to the log.
func StoreProblem(err error, loc *locales.Localizer) string {
	var locked *app.LockedError
	var corrupt *app.CorruptError
	var newer *app.NewerError
	var full *app.NoSpaceError
	switch {
	case errors.As(err, &full):
		return loc.Tf("ui.store.no_space", map[string]any{"MB": app.MegabytesUp(full.Need)})
	case errors.As(err, &locked):
		return loc.T("ui.store.locked")
	case errors.Is(err, app.ErrDatabaseMissing) && errors.As(err, &corrupt) && corrupt.Backup == "":
		return loc.T("ui.recovery.missing_none")
	case errors.Is(err, app.ErrDatabaseMissing) && errors.As(err, &corrupt):
		return loc.Tf("ui.store.missing_backup", map[string]any{"Backup": corrupt.Backup})
	case errors.As(err, &corrupt) && corrupt.Backup != "":
		return loc.Tf("ui.store.corrupt_backup", map[string]any{"Backup": corrupt.Backup})
	case errors.As(err, &corrupt):
		return loc.T("ui.store.corrupt")
	case errors.As(err, &newer):
		return loc.T("ui.store.newer")
	}
	return loc.T("ui.store.failed")
}
