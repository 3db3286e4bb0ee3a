package app

import "github.com/pomi-planner/pomi/app/ref"

// profileFields are the fields ProfileProgress counts: who the company is
// (name, org.nr, city, contact), what the analysis and the plan use (sector,
// size, turnover, export share, export stage, orientation) and the
// management's experience abroad (travel or a language). Everything else is
// useful but optional.
var profileFields = []func(c *Company) bool{
	func(c *Company) bool { return c.Name != "" },
	func(c *Company) bool { return c.OrgNr != "" },
	func(c *Company) bool { return c.Address.City != "" },
	func(c *Company) bool { return c.Sector != "" },
	func(c *Company) bool { return c.Employees != nil },
	func(c *Company) bool { return c.TurnoverSEK != nil },
	func(c *Company) bool { return c.ExportShare != nil },
	func(c *Company) bool { return c.ExportStage != "" },
	func(c *Company) bool { return c.Orientation != "" },
	func(c *Company) bool { return c.Contact.Name != "" },
	func(c *Company) bool { return c.Experience.Travel != "" || len(c.Experience.Languages) > 0 },
}

// ProfileProgress counts the key profile fields filled in, and how many
// there are.
func ProfileProgress(c *Company) (done, total int) {
	for _, filled := range profileFields {
		if filled(c) {
			done++
		}
	}
	return done, len(profileFields)
}

// ModesProgress counts the entry modes and markets step: one for any entry
// mode chosen, one for any current or target market, out of two.
func ModesProgress(c *Company, a *Assessment) (done, total int) {
	if len(a.Modes) > 0 {
		done++
	}
	if len(c.CurrentMarkets)+len(c.TargetMarkets) > 0 {
		done++
	}
	return done, 2
}

// StatementsProgress counts the POMI statements answered, and how many there are.
func StatementsProgress(d *ref.Data, a *Assessment) (done, total int) {
	for _, st := range d.Statements {
		if _, ok := a.StatementRatings[st.ID]; ok {
			done++
		}
	}
	return done, len(d.Statements)
}

// CompetencesProgress counts the competences rated, and how many there are.
func CompetencesProgress(d *ref.Data, a *Assessment) (done, total int) {
	for _, c := range d.Competences {
		if _, ok := a.CompetenceRatings[c.ID]; ok {
			done++
		}
	}
	return done, len(d.Competences)
}

// ChecklistProgress counts the planning checklist items given a status,
// and how many there are.
func ChecklistProgress(d *ref.Data, a *Assessment) (done, total int) {
	for _, item := range d.Checklist {
		if _, ok := a.Checklist[item.ID]; ok {
			done++
		}
	}
	return done, len(d.Checklist)
}

// ActionsProgress counts the actions, dismissed ones aside, with an owner
// and a due date; the total is at least one, so an empty plan is not done.
func ActionsProgress(a *Assessment) (done, total int) {
	for _, act := range a.Actions {
		if act.Status == ActionDismissed {
			continue
		}
		total++
		if act.Owner != "" && act.Due != "" {
			done++
		}
	}
	return done, max(total, 1)
}

// Completeness is the share of an assessment filled in, 0–1: the items
// counted by every step's progress (profile, modes and markets,
// statements, competences, checklist, actions) added up, as the workspace
// shows it ("Bedömningen är 91 % klar"). Barriers are not counted: felt
// or not, each is an answer.
func Completeness(d *ref.Data, c *Company, a *Assessment) float64 {
	done, total := 0, 0
	for _, p := range [][2]int{
		pair(ProfileProgress(c)), pair(ModesProgress(c, a)), pair(StatementsProgress(d, a)),
		pair(CompetencesProgress(d, a)), pair(ChecklistProgress(d, a)), pair(ActionsProgress(a)),
	} {
		done, total = done+p[0], total+p[1]
	}
	if total == 0 {
		return 0
	}
	return float64(done) / float64(total)
}

func pair(done, total int) [2]int { return [2]int{done, total} }
