package team

import (
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/locales"
)

// Status is the small sync state beside the language choice. Tapping it
// does what its words ask: the conflicts open, a refused sign-in leads to
// the team settings, and otherwise a round runs now.
type Status struct {
	svc *Service
	loc *locales.Localizer
	now func() time.Time
	// Link shows the state, in the accent colour without the weight of a
	// button, tappable; hidden while not signed in.
	Link *widget.Hyperlink
	// OnConflicts opens the conflict view; OnSignIn the team settings.
	OnConflicts, OnSignIn func()
	stop                  func()
}

// NewStatus returns the state of svc in loc's language, with now the clock.
func NewStatus(svc *Service, loc *locales.Localizer, now func() time.Time) *Status {
	s := &Status{svc: svc, loc: loc, now: now}
	s.Link = widget.NewHyperlink("", nil)
	s.Link.OnTapped = s.tapped
	s.stop = svc.Listen(func(State) { s.update() })
	s.update()
	return s
}

// Close stops following the service: the shell made a new one.
func (s *Status) Close() { s.stop() }

func (s *Status) update() {
	st := s.svc.State()
	if st.Config == nil {
		s.Link.Hide()
		return
	}
	s.Link.SetText(StatusText(s.loc, st, s.now()))
	s.Link.Show()
}

func (s *Status) tapped() {
	st := s.svc.State()
	switch {
	case st.Unauthorized && s.OnSignIn != nil:
		s.OnSignIn()
	case st.Conflicts > 0 && s.OnConflicts != nil:
		s.OnConflicts()
	default:
		s.svc.SyncNow()
	}
}

// StatusText says in a few calm words how team mode stands at now.
func StatusText(loc *locales.Localizer, st State, now time.Time) string {
	switch {
	case st.Unauthorized:
		return loc.T("ui.team.status.sign_in_again")
	case st.Conflicts > 0:
		return loc.N("ui.team.status.conflicts", st.Conflicts, nil)
	case st.Offline && st.Pending > 0:
		return loc.N("ui.team.status.offline_pending", st.Pending, nil)
	case st.Offline:
		return loc.T("ui.team.status.offline")
	case st.Certificate:
		return loc.T("ui.team.status.certificate")
	case st.Failed:
		return loc.T("ui.team.status.failed")
	case st.CompanyChanged:
		return loc.T("ui.team.status.company_changed")
	case st.LastSynced.IsZero() && st.Running:
		return loc.T("ui.team.status.syncing")
	}
	return ago(loc, st.LastSynced, now)
}

// ago says how long ago the last round was, roughly.
func ago(loc *locales.Localizer, t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return loc.T("ui.team.status.never")
	case d < time.Minute:
		return loc.T("ui.team.status.just_now")
	case d < time.Hour:
		return loc.N("ui.team.status.minutes_ago", int(d/time.Minute), nil)
	case d < 48*time.Hour:
		return loc.N("ui.team.status.hours_ago", int(d/time.Hour), nil)
	}
	return loc.N("ui.team.status.days_ago", int(d/(24*time.Hour)), nil)
}
