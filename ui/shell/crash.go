package shell

import (
	"image/color"
	"path/filepath"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/settings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/locales"
)

// crashNoticeWidth keeps the notice's wrapped text readable: wide enough
// for a sentence a line, narrow enough for a 1366×768 screen at 125 %.
const crashNoticeWidth = 540

// crashNotice is the dialog shown at the start after the app closed
// unexpectedly; it keeps its widgets so tests can tap them.
type crashNotice struct {
	dialog  *dialog.CustomDialog
	path    *widget.Label
	folder  *widget.Button
	status  *widget.Label
	restore *widget.Button // nil without backups
	ok      *widget.Button
}

// ShowCrashNotice tells the user that POMI Planner closed unexpectedly last
// time, that what was saved is kept (autosave), and where the crash report
// is, so they can send it to support. With backupsAvailable it also offers
// to restore the latest backup: onRestore is called (it should show the
// backups in Settings) after the notice closes. OK closes it and calls
// onDismiss. Either callback may be nil.
func ShowCrashNotice(w fyne.Window, loc *locales.Localizer, report string, backupsAvailable bool, onRestore func(), onDismiss func()) {
	newCrashNotice(w, loc, report, backupsAvailable, onRestore, onDismiss).dialog.Show()
}

func newCrashNotice(w fyne.Window, loc *locales.Localizer, report string, backupsAvailable bool, onRestore, onDismiss func()) *crashNotice {
	n := &crashNotice{}
	n.path = widget.NewLabel(report)
	n.path.Selectable = true // so it can be copied into an email
	n.path.Wrapping = fyne.TextWrapBreak
	n.status = widget.NewLabel(loc.T("ui.crash.open_failed"))
	n.status.Wrapping = fyne.TextWrapWord
	n.status.Importance = widget.DangerImportance
	n.status.Hide()
	n.folder = widget.NewButtonWithIcon(loc.T("ui.crash.show_folder"), theme.FolderOpenIcon(), func() {
		if err := settings.OpenFolder(filepath.Dir(report)); err != nil {
			kit.LogError("open crash report folder", err)
			n.status.Show()
		}
	})
	// The strut gives the text its width from the start: wrapped labels take
	// their height from the width they are first laid out at, so a dialog
	// widened later would keep the taller text's empty space.
	strut := canvas.NewRectangle(color.Transparent)
	strut.SetMinSize(fyne.NewSize(crashNoticeWidth, 0))
	body := container.NewVBox(
		strut,
		crashText(loc.T("ui.crash.lead")),
		crashText(loc.T("ui.crash.kept")),
		crashText(loc.T("ui.crash.report")),
		n.path,
		container.NewHBox(n.folder),
		n.status,
	)
	n.dialog = dialog.NewCustomWithoutButtons(loc.T("ui.crash.title"), body, w)
	n.ok = widget.NewButton(loc.T("ui.crash.ok"), func() { n.close(onDismiss) })
	n.ok.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{n.ok}
	if backupsAvailable {
		body.Add(crashText(loc.T("ui.crash.restore_hint")))
		n.restore = widget.NewButtonWithIcon(loc.T("ui.crash.restore"), theme.HistoryIcon(), func() { n.close(onRestore) })
		buttons = []fyne.CanvasObject{n.restore, n.ok}
	}
	n.dialog.SetButtons(buttons)
	n.dialog.SetIcon(theme.WarningIcon())
	return n
}

// close hides the notice first, so that what then runs (a tab shown, a
// restore asked for) is not hidden behind it.
func (n *crashNotice) close(then func()) {
	n.dialog.Hide()
	if then != nil {
		then()
	}
}

func crashText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// ShowBackups shows the backups in Settings, for the crash notice's
// restore: the settings tab, scrolled to its end, where the data card lists
// the backups with a restore button each. Without a database there is no
// settings screen, and only the tab is selected.
func (sh *Shell) ShowBackups() {
	sh.tabs.SelectIndex(tabSettings)
	if sh.settings != nil {
		sh.settings.Scroll.ScrollToBottom()
	}
}
