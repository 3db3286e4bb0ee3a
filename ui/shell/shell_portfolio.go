package shell

import (
	"context"
	"errors"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/ui/clientbook"
	"github.com/pomi-planner/pomi/ui/followup"
	"github.com/pomi-planner/pomi/ui/insights"
	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"
)

// addPortfolioViews adds the follow-ups and the insights beside the
// portfolio table: a follow-up opens its company at the step it needs,
// and a due review can start the follow-up assessment at once.
func (sh *Shell) addPortfolioViews() {
	due := followup.NewView(sh.deps, sh.book, sh.loc, sh.window)
	due.OnOpen = func(id app.CompanyID, step string) { sh.OpenCompanyAt(id, step, nil) }
	due.OnStartFollowUp = sh.startFollowUp
	sh.companies.AddView(sh.loc.T("ui.followup.tab"), theme.HistoryIcon(), due)
	figures := insights.NewView(sh.deps, sh.book, sh.loc, sh.window)
	figures.SetTexts(sh.texts(sh.loc.Lang()))
	sh.companies.AddView(sh.loc.T("ui.insights.title"), theme.GridIcon(), figures)
}

// newBook makes the portfolio in memory over the open store, with the
// organisation's own reference items so that the insights count its own
// recommendations too, and their texts.
func (sh *Shell) newBook() {
	sh.texts = func(string) map[string]string { return nil }
	d, texts, err := sh.store.Reference(context.Background())
	if err != nil {
		kit.LogError("load the organisation's reference items", err)
		d = sh.data
	} else {
		sh.texts = texts
	}
	sh.book, sh.bookOf = clientbook.New(sh.deps, sh.store, d), sh.store
	sh.book.OnChange(sh.teamChanged) // a new or erased company is pushed soon after
}

// startFollowUp opens the company at its history and starts a follow-up
// assessment there, made from the latest one.
func (sh *Shell) startFollowUp(id app.CompanyID) {
	sh.OpenCompanyAt(id, portfolio.StepHistory, func(s *session.Session) {
		s.StartFollowUp(sh.deps.Now(), func(err error) {
			if err != nil {
				kit.LogError("start a follow-up assessment", err)
				dialog.ShowError(errors.New(sh.loc.T("ui.history.error.follow_up")), sh.window)
				return
			}
			sh.showWorkspace(portfolio.StepHistory)
		})
	})
}
