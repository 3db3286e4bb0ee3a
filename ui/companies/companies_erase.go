package companies

import (
	"context"
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
)

// AskDelete asks, naming the company and saying what is removed where,
// before erasing it for good; a box chooses to remove it from every backup
// too, as a request to be erased requires.
func (s *Screen) AskDelete() {
	row := s.row(s.selected)
	if row == nil {
		return
	}
	msg := widget.NewLabel(s.loc.Tf("ui.companies.delete_confirm", map[string]any{"Name": row.Name, "Count": row.Assessments}))
	msg.Wrapping = fyne.TextWrapWord
	data := map[string]any{"Name": row.Name, "Count": row.Assessments}
	everywhere := widget.NewCheck(s.loc.T("ui.companies.delete_everywhere"), func(on bool) {
		if on {
			msg.SetText(s.loc.Tf("ui.companies.delete_confirm_everywhere", data))
		} else {
			msg.SetText(s.loc.Tf("ui.companies.delete_confirm", data))
		}
	})
	confirm := dialog.NewCustomConfirm(s.loc.T("ui.companies.delete_title"), s.loc.T("ui.companies.delete"),
		s.loc.T("ui.cancel"), container.NewVBox(msg, everywhere), func(ok bool) {
			if !ok {
				return
			}
			scope := app.EraseKeepBackups
			if everywhere.Checked {
				scope = app.EraseEverywhere
			}
			s.Delete(row.ID, scope)
		}, s.win)
	confirm.Resize(fyne.NewSize(520, 0))
	confirm.Show()
}

// Delete erases a company and everything about it, from the database and,
// with app.EraseEverywhere, from every backup; then it says what happened
// when that is more than the row going away.
func (s *Screen) Delete(id app.CompanyID, scope app.EraseScope) {
	var report app.EraseReport
	var err error
	name := s.rowName(id)
	s.deps.Async(func() {
		report, err = s.repo.EraseCompany(context.Background(), id, scope)
	}, func() {
		if err != nil {
			s.fail(fmt.Errorf("erase company %d: %w", id, err))
		} else if text := s.erasedMessage(name, scope, report); text != "" {
			dialog.ShowInformation(s.loc.T("ui.companies.delete_title"), text, s.win)
		}
		s.Reload()
	})
}

// erasedMessage is what the user is told after an erase, "" for the
// ordinary one (the row going away says it).
func (s *Screen) erasedMessage(name string, scope app.EraseScope, r app.EraseReport) string {
	var full *app.NoSpaceError
	switch {
	case scope == app.EraseEverywhere:
		return s.loc.N("ui.companies.erased_everywhere", r.PurgedBackups, map[string]any{"Name": name})
	case errors.As(r.BackupSkipped, &full):
		return s.loc.Tf("ui.companies.erased_no_backup", map[string]any{"Name": name, "MB": app.MegabytesUp(full.Need)})
	}
	return ""
}

// rowName is the name of company id, "" when the book does not hold it.
func (s *Screen) rowName(id app.CompanyID) string {
	if c, ok := s.book.Client(id); ok {
		return c.Company.Name
	}
	return ""
}
