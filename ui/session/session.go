package session

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// SaveState is what the quiet save indicator shows.
type SaveState int

// Save states.
const (
	saveIdle SaveState = iota
	SavePending
	SaveDone
	SaveFailed
)

// Session is one company open in the workspace: working copies of the
// company and of the assessment being edited. Screens change them with
// EditCompany and EditAssessment, on the UI thread, and only with values
// that have passed validation; the session saves them shortly after.
type Session struct {
	// Deps is the window's clock, UI thread, desktop and background work,
	// which the steps use too.
	Deps  *kit.Deps
	Store kit.Store
	Data  *ref.Data
	// Texts returns the organisation's own reference texts in a language.
	Texts func(lang string) map[string]string
	Loc   *locales.Localizer
	Win   fyne.Window

	companyID  app.CompanyID
	company    app.Company
	assessment app.Assessment
	// history is every stored assessment of the company, oldest first.
	history []app.StoredAssessment
	// editing is the index in history of the assessment being edited, or -1
	// for a new one not saved yet.
	editing int

	Autosave  Autosave[Snapshot]
	state     SaveState
	onChange  []func()
	onState   []func(SaveState)
	persister *persister
}

// persister writes snapshots in order, off the UI thread; it alone knows
// whether the assessment has been inserted yet. It saves onto base, what
// the working copies were made from, so that a change team sync wrote
// meanwhile is kept (Store.SaveWorkOnto).
type persister struct {
	mu           sync.Mutex
	store        kit.Store
	companyID    app.CompanyID
	assessmentID app.AssessmentID
	base         app.Work
}

// OpenSession loads a company and its assessments; the latest assessment is
// edited, or a new one dated today (by deps.Now) when there is none. Call it
// off the UI thread.
func OpenSession(ctx context.Context, deps *kit.Deps, st kit.Store, d *ref.Data, loc *locales.Localizer, id app.CompanyID) (*Session, error) {
	c, err := st.Company(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("open company %d: %w", id, err)
	}
	history, err := st.Assessments(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("open assessments of company %d: %w", id, err)
	}
	s := &Session{Deps: deps, Store: st, Data: d, Loc: loc, companyID: id, company: c.Company, history: history,
		Texts:     func(string) map[string]string { return nil },
		persister: &persister{store: st, companyID: id, base: app.Work{Company: Clone(c.Company)}}}
	s.Autosave = Autosave[Snapshot]{Deps: deps, Take: s.snapshot, Write: s.persister.save, Done: s.saved}
	if d2, texts, err := st.Reference(ctx); err == nil {
		s.Data, s.Texts = d2, texts
	} else {
		kit.LogError("load the organisation's reference items", err)
	}
	if len(history) == 0 {
		s.startNew(ctx, deps.Now())
	} else {
		s.use(len(history) - 1)
	}
	return s, nil
}

// startNew edits a new, empty assessment dated today, by the advisor in Settings.
func (s *Session) startNew(ctx context.Context, today time.Time) {
	a := app.Assessment{Date: today.Format(validate.DateLayout)}
	if st, err := s.Store.Settings(ctx); err == nil {
		a.Assessor = st.Branding.AdvisorName
	}
	s.assessment, s.editing = a, -1
	s.persister.edit(0, nil)
}

func (s *Session) use(i int) {
	s.assessment = Clone(s.history[i].Assessment)
	s.editing = i
	s.persister.edit(s.history[i].ID, &s.history[i].Assessment)
}

// CompanyID is the open company's id.
func (s *Session) CompanyID() app.CompanyID { return s.companyID }

// AssessmentID is the stored id of the assessment being edited, 0 for a new
// one that has not been saved yet.
func (s *Session) AssessmentID() app.AssessmentID { return s.persister.id() }

// Company is the working copy of the company; change it with EditCompany.
func (s *Session) Company() *app.Company { return &s.company }

// Assessment is the working copy of the assessment being edited; change it
// with EditAssessment.
func (s *Session) Assessment() *app.Assessment { return &s.assessment }

// History is every stored assessment of the company, oldest first, as they
// were when the session opened or last switched assessment.
func (s *Session) History() []app.StoredAssessment { return s.history }

// Editing is the index in History of the assessment being edited, -1 for a
// new one that is not saved yet.
func (s *Session) Editing() int { return s.editing }

// Previous is the assessment before the one being edited, nil when there is none.
func (s *Session) Previous() *app.Assessment {
	i := s.editing
	if i < 0 {
		i = len(s.history)
	}
	if i == 0 {
		return nil
	}
	p := s.history[i-1].Assessment
	return &p
}

// Analysis scores the working copies now.
func (s *Session) Analysis() *app.Analysis {
	return app.Analyze(s.Data, &s.company, &s.assessment)
}

// State is the save indicator's state.
func (s *Session) State() SaveState { return s.state }

// OnChange registers fn to run on the UI thread after every edit, e.g. to
// update the completeness indicator.
func (s *Session) OnChange(fn func()) { s.onChange = append(s.onChange, fn) }

// OnState registers fn to run on the UI thread when the save state changes.
func (s *Session) OnState(fn func(SaveState)) { s.onState = append(s.onState, fn) }

// EditCompany changes the working company and schedules a save.
func (s *Session) EditCompany(fn func(c *app.Company)) {
	fn(&s.company)
	s.Changed()
}

// EditAssessment changes the working assessment and schedules a save.
func (s *Session) EditAssessment(fn func(a *app.Assessment)) {
	fn(&s.assessment)
	s.Changed()
}

func (s *Session) Changed() {
	s.Autosave.Changed()
	s.setState(SavePending)
	for _, fn := range s.onChange {
		fn()
	}
}

func (s *Session) setState(st SaveState) {
	s.state = st
	for _, fn := range s.onState {
		fn(st)
	}
}

// Flush saves pending changes now and waits for them: before the window
// closes, before switching assessment, and in tests.
func (s *Session) Flush() error { return s.Autosave.Flush() }

type Snapshot struct {
	company    app.Company
	assessment app.Assessment
}

func (s *Session) snapshot() Snapshot {
	return Snapshot{company: Clone(s.company), assessment: Clone(s.assessment)}
}

func (s *Session) saved(_ Snapshot, err error) {
	if err != nil {
		kit.LogError(fmt.Sprintf("save company %d", s.companyID), err)
		s.setState(SaveFailed)
		return
	}
	if !s.Autosave.Pending() {
		s.setState(SaveDone)
	}
}

func (p *persister) save(snap Snapshot) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	base := p.base
	id, err := p.store.SaveWorkOnto(context.Background(), p.companyID, &base, &snap.company, p.assessmentID, &snap.assessment)
	if err != nil {
		return fmt.Errorf("save company %d with assessment %d: %w", p.companyID, p.assessmentID, err)
	}
	p.assessmentID = id
	p.base = app.Work{Company: Clone(snap.company), Assessment: Clone(&snap.assessment)}
	return nil
}

// edit makes the assessment with id (0 for a new one) the one saved, made
// from stored (nil for a new one).
func (p *persister) edit(id app.AssessmentID, stored *app.Assessment) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.assessmentID = id
	p.base.Assessment = nil
	if stored != nil {
		p.base.Assessment = Clone(stored)
	}
}

func (p *persister) id() app.AssessmentID {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.assessmentID
}

// SwitchTo saves, then edits the stored assessment id; a follow-up is
// started with StartFollowUp. Runs the store work off the UI thread and
// calls done on it.
func (s *Session) SwitchTo(id app.AssessmentID, done func(error)) {
	s.afterReload(done, func(history []app.StoredAssessment) error {
		return s.adopt(history, id)
	})
}

func (s *Session) adopt(history []app.StoredAssessment, id app.AssessmentID) error {
	for i := range history {
		if history[i].ID == id {
			s.history = history
			s.use(i)
			return nil
		}
	}
	return fmt.Errorf("assessment %d of company %d: %w", id, s.companyID, app.ErrNotFound)
}

// StartFollowUp saves, then edits a new assessment made from the latest one
// by app.FollowUp, and saves it at once so History lists it.
func (s *Session) StartFollowUp(today time.Time, done func(error)) {
	s.afterReload(done, func(history []app.StoredAssessment) error {
		s.history = history
		var latest *app.Assessment
		if n := len(history); n > 0 {
			latest = &history[n-1].Assessment
		}
		s.assessment, s.editing = app.FollowUp(latest, today), -1
		s.persister.edit(0, nil)
		s.Autosave.Dirty = true
		if err := s.Flush(); err != nil {
			return err
		}
		s.history = append(s.history, app.StoredAssessment{
			ID: s.persister.id(), CompanyID: s.companyID, Assessment: Clone(s.assessment),
		})
		s.editing = len(s.history) - 1
		return nil
	})
}

// afterReload saves pending changes, reads the history again off the UI
// thread, then runs change with it on the UI thread, tells the listeners,
// and calls done with the first error.
func (s *Session) afterReload(done func(error), change func([]app.StoredAssessment) error) {
	if err := s.Flush(); err != nil {
		done(err)
		return
	}
	var history []app.StoredAssessment
	var err error
	s.Deps.Async(func() { history, err = s.Store.Assessments(context.Background(), s.companyID) }, func() {
		if err == nil {
			err = change(history)
		}
		s.notify()
		done(err)
	})
}

func (s *Session) notify() {
	for _, fn := range s.onChange {
		fn()
	}
}

// Clone deep-copies a value by a JSON round trip: the domain types are plain
// data and small, and a snapshot must not share maps with the working copy.
func Clone[T any](v T) T {
	raw, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("clone %T: %v", v, err)) // plain data always marshals
	}
	var out T
	if err := json.Unmarshal(raw, &out); err != nil {
		panic(fmt.Sprintf("clone %T: %v", v, err))
	}
	return out
}
