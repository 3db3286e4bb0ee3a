package settings

import (
	"context"
	"errors"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/locales"
)

// data is the card about where the data lives and its backups.
type data struct {
	s       *Screen
	list    *fyne.Container
	status  *widget.Label
	backups []app.BackupInfo
	// confirm is the restore question shown last, for tests.
	confirm *dialog.ConfirmDialog
}

func newData(s *Screen) *data {
	d := &data{s: s, list: container.NewVBox(), status: Hint("")}
	d.status.Hide()
	return d
}

func (d *data) card() fyne.CanvasObject {
	loc := d.s.Loc
	dbPath := d.s.store.Path()
	path := widget.NewLabel(dbPath)
	path.Selectable = true
	path.Wrapping = fyne.TextWrapBreak
	open := widget.NewButtonWithIcon(loc.T("ui.settings.data.open_folder"), theme.FolderOpenIcon(), func() {
		if err := OpenFolder(filepath.Dir(dbPath)); err != nil {
			kit.LogError("open data folder", err)
			d.showStatus(loc.T("ui.settings.data.open_failed"), widget.DangerImportance)
		}
	})
	objs := []fyne.CanvasObject{Hint(loc.T("ui.settings.data.where")), path, container.NewHBox(open)}
	if reason, risky := d.s.maint.RiskyLocation(filepath.Dir(dbPath)); risky {
		warn := widget.NewLabelWithStyle(loc.T("ui.settings.data.risky."+reason), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		warn.Wrapping = fyne.TextWrapWord
		objs = append(objs, container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, warn))
	}
	backupNow := widget.NewButtonWithIcon(loc.T("ui.settings.backups.now"), theme.DocumentSaveIcon(), d.backupNow)
	objs = append(objs, widget.NewSeparator(),
		widget.NewLabelWithStyle(loc.T("ui.settings.backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		Hint(loc.T("ui.settings.backups.lead")),
		container.NewHBox(backupNow), d.status, d.list)
	return card(loc.T("ui.settings.data.title"), objs...)
}

// Backups returns the backups listed now, newest first.
func (s *Screen) Backups() []app.BackupInfo { return s.data.backups }

// BackupNow makes a backup and lists it.
func (s *Screen) BackupNow() { s.data.backupNow() }

// AskRestore asks before replacing the database with backup i of Backups.
func (s *Screen) AskRestore(i int) { s.data.askRestore(s.data.backups[i]) }

// reload lists the backups again.
func (d *data) reload() {
	var backups []app.BackupInfo
	var err error
	d.s.deps.Async(func() { backups, err = d.s.maint.Backups(filepath.Dir(d.s.store.Path())) }, func() {
		if err != nil {
			kit.LogError("list backups", err)
			d.showStatus(d.s.Loc.T("ui.settings.backups.list_failed"), widget.DangerImportance)
		}
		d.backups = backups
		d.showList()
	})
}

func (d *data) showList() {
	d.list.RemoveAll()
	if len(d.backups) == 0 {
		d.list.Add(Hint(d.s.Loc.T("ui.settings.backups.none")))
	}
	for _, b := range d.backups {
		restore := widget.NewButton(d.s.Loc.T("ui.settings.backups.restore"), func() { d.askRestore(b) })
		line := widget.NewLabel(BackupLine(d.s.Loc, b))
		line.Truncation = fyne.TextTruncateEllipsis
		d.list.Add(container.NewBorder(nil, nil, nil, restore, line))
	}
	d.list.Refresh()
}

func (d *data) backupNow() {
	var err error
	d.s.deps.Async(func() { _, err = d.s.store.BackupNow(context.Background(), "manual") }, func() {
		if err != nil {
			kit.LogError("back up", err)
			d.showStatus(BackupProblem(d.s.Loc, err, "ui.settings.backups.failed"), widget.DangerImportance)
			return
		}
		d.showStatus(d.s.Loc.T("ui.settings.backups.made"), widget.MediumImportance)
		d.reload()
	})
}

// askRestore names the backup's date and says the data of now is backed up
// first, since a restore replaces every company.
func (d *data) askRestore(b app.BackupInfo) {
	loc := d.s.Loc
	msg := widget.NewLabel(loc.Tf("ui.settings.backups.restore_confirm", map[string]any{"Date": BackupWhen(loc, b.Time)}))
	msg.Wrapping = fyne.TextWrapWord
	d.confirm = dialog.NewCustomConfirm(loc.T("ui.settings.backups.restore_title"), loc.T("ui.settings.backups.restore_button"),
		loc.T("ui.cancel"), msg, func(ok bool) {
			if ok {
				d.restore(b)
			}
		}, d.s.win)
	d.confirm.Resize(fyne.NewSize(480, 0))
	d.confirm.Show()
}

// restore replaces the database with b; the store backs up the current one
// first and stays open, so the screens only need to read it again.
func (d *data) restore(b app.BackupInfo) {
	d.s.Flush() // pending edits belong in the pre-restore backup
	var err error
	d.s.deps.Async(func() { err = d.s.store.Restore(context.Background(), b.Path) }, func() {
		var corrupt *app.CorruptError
		var newer *app.NewerError
		switch {
		case errors.As(err, &corrupt):
			d.showStatus(d.s.Loc.T("ui.settings.backups.restore_damaged"), widget.DangerImportance)
		case errors.As(err, &newer):
			d.showStatus(d.s.Loc.T("ui.settings.backups.restore_newer"), widget.DangerImportance)
		case err != nil:
			d.showStatus(BackupProblem(d.s.Loc, err, "ui.settings.backups.restore_failed"), widget.DangerImportance)
		}
		if err != nil {
			kit.LogError("restore "+b.Path, err)
			return
		}
		d.s.Reload()
		d.showStatus(d.s.Loc.Tf("ui.settings.backups.restored", map[string]any{"Date": BackupWhen(d.s.Loc, b.Time)}), widget.MediumImportance)
		if d.s.OnRestored != nil {
			d.s.OnRestored()
		}
	})
}

func (d *data) showStatus(text string, imp widget.Importance) {
	d.status.SetText(text)
	d.status.Importance = imp
	d.status.Show()
	d.status.Refresh()
}

// BackupLine is one backup: when, why and how large.
func BackupLine(loc *locales.Localizer, b app.BackupInfo) string {
	return strings.Join([]string{BackupWhen(loc, b.Time), backupReason(loc, b.Reason), size(loc, b.Size)}, " · ")
}

func BackupWhen(loc *locales.Localizer, t time.Time) string {
	return loc.Tf("ui.settings.backups.when", map[string]any{"Date": loc.DateLong(t), "Time": t.Format("15:04")})
}

// backupReason translates the reasons the app gives; an unknown one
// (from a newer version) is shown as it is.
func backupReason(loc *locales.Localizer, reason string) string {
	key := reason
	if strings.HasPrefix(reason, "pre-migration") {
		key = "pre-migration"
	}
	if id := "ui.settings.backups.reason." + key; loc.Has(id) {
		return loc.T(id)
	}
	return reason
}

// size is a file size in kB below a megabyte, else in MB.
func size(loc *locales.Localizer, size int64) string {
	const kb, mb = 1024, 1024 * 1024
	if size < mb {
		return loc.Tf("ui.settings.backups.size_kb", map[string]any{"Value": loc.Number(float64(max(1, (size+kb-1)/kb)), 0)})
	}
	return loc.Tf("ui.settings.backups.size_mb", map[string]any{"Value": loc.Number(float64(size)/mb, 1)})
}

// OpenFolder shows a folder in the system's file manager.
func OpenFolder(dir string) error {
	u, err := url.Parse(storage.NewFileURI(dir).String())
	if err != nil {
		return err
	}
	return fyne.CurrentApp().OpenURL(u)
}

// BackupProblem says how much space to free when err is a backup that did
// not fit on the disk, and otherwise the message otherID names.
func BackupProblem(loc *locales.Localizer, err error, otherID string) string {
	var full *app.NoSpaceError
	if errors.As(err, &full) {
		return loc.Tf("ui.settings.backups.no_space", map[string]any{"MB": app.MegabytesUp(full.Need)})
	}
	return loc.T(otherID)
}
