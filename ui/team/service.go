package team

import (
	"context"
	"errors"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/server/wire"
	"github.com/pomi-planner/pomi/ui/kit"
)

// Timing of the background rounds.
const (
	// SaveDelay is how long after the last edit a round pushes it, so that
	// a burst of typing goes out once.
	SaveDelay = 5 * time.Second
	// Tick is how often the state's "2 min ago" is brought up to date, and
	// a round retried while changes wait or the server was away.
	Tick = time.Minute
	// PullEvery is how long the window goes without a round before a tick
	// fetches the team's changes anyway.
	PullEvery = 5 * time.Minute
)

// TuneClients adjusts, when set, the client of every service that has no
// Tune of its own: tests of the shell shorten the retries with it.
var TuneClients func(*client.Client)

// State is how team mode stands, as the status shows it.
type State struct {
	// Config is the sign-in; nil when this computer is not signed in.
	Config     *teamfile.Config
	Running    bool
	LastSynced time.Time
	Pending    int
	Conflicts  int
	// Offline, Unauthorized, Certificate and Failed say why the last round
	// stopped; all false after a round that ended well.
	Offline, Unauthorized, Certificate, Failed bool
	// CompanyChanged reports that a round changed the company open in the
	// workspace, which still shows the copy it read.
	CompanyChanged bool
}

// Service runs team mode for the window: sign-in and sign-out, and the
// sync rounds, one at a time and never on the UI thread. Its methods are
// called on the UI thread, and its listeners are told there.
type Service struct {
	deps *kit.Deps
	dir  string
	x    SyncStore
	// Tune, when set, adjusts every client (tests shorten the retries).
	Tune func(*client.Client)
	// OnPulled is told after a round that took something from the server.
	OnPulled func()
	// OpenCompany returns the local ids of the company open in the
	// workspace and of the assessment open there (0 for none); false when
	// no company is open.
	OpenCompany func() (company, assessment int64, ok bool)

	state     State
	again     bool
	stopped   bool
	listeners map[int]func(State)
	next      int
	debounce  func() bool
	ticker    func() bool
}

// New returns the service of the data folder dir, whose database x is;
// signed in when dir has a team.json.
func New(deps *kit.Deps, dir string, x SyncStore) *Service {
	s := &Service{deps: deps, dir: dir, x: x, listeners: map[int]func(State){}, Tune: TuneClients}
	// The token is read at the first round, off the UI thread: the
	// credential store may wait for an unlock prompt.
	cfg, err := teamfile.ReadSettings(dir)
	if err != nil && !errors.Is(err, teamfile.ErrNotSignedIn) {
		kit.LogError("read the team sign-in", err)
	}
	s.state.Config = cfg
	return s
}

// State returns how team mode stands now.
func (s *Service) State() State { return s.state }

// SignedIn reports whether this computer is signed in to a team server.
func (s *Service) SignedIn() bool { return s.state.Config != nil }

// Listen adds f, told of every change of the state, and returns what
// removes it again: screens rebuilt in another language stop listening.
func (s *Service) Listen(f func(State)) (remove func()) {
	id := s.next
	s.next++
	s.listeners[id] = f
	return func() { delete(s.listeners, id) }
}

func (s *Service) notify() {
	for _, f := range s.listeners {
		f(s.state)
	}
}

// Start runs the first round when signed in, and the minute ticks.
func (s *Service) Start() {
	s.reload()
	s.SyncNow()
	s.ensureTicking()
}

// ensureTicking starts the ticks while signed in; they end by themselves
// after a sign-out.
func (s *Service) ensureTicking() {
	if s.ticker == nil && s.state.Config != nil && !s.stopped {
		s.tick()
	}
}

// Stop ends the timers; a running round still finishes.
func (s *Service) Stop() {
	s.stopped = true
	for _, stop := range []func() bool{s.debounce, s.ticker} {
		if stop != nil {
			stop()
		}
	}
}

// tick refreshes the state every minute, and runs a round when changes
// wait, the server was away, or no round ran for PullEvery.
func (s *Service) tick() {
	s.ticker = s.deps.After(Tick, func() {
		s.deps.OnUIThread(func() {
			if s.stopped || s.state.Config == nil {
				s.ticker = nil
				return
			}
			st := s.state
			if st.Pending > 0 || st.Offline || st.Failed || duePull(s.deps.Now(), st.LastSynced) {
				s.SyncNow()
			}
			s.notify()
			s.tick()
		})
	})
}

// duePull reports whether PullEvery has passed since the last round, or
// the last round lies in the future: a clock set back after running ahead
// must not stop the pulls until it catches up.
func duePull(now, last time.Time) bool {
	since := now.Sub(last)
	return since < 0 || since >= PullEvery
}

// Changed is told after each edit: a round pushes it SaveDelay after the
// last one, when there is something to push.
func (s *Service) Changed() {
	if s.state.Config == nil || s.stopped {
		return
	}
	if s.debounce != nil {
		s.debounce()
	}
	s.debounce = s.deps.After(SaveDelay, func() { s.deps.OnUIThread(func() { s.run(true) }) })
}

// SyncNow runs a round now, or right after the one running.
func (s *Service) SyncNow() { s.run(false) }

// run starts a round; onlyPending skips it when nothing waits to be pushed.
func (s *Service) run(onlyPending bool) {
	if s.state.Config == nil || s.stopped {
		return
	}
	if s.state.Running {
		s.again = true
		return
	}
	s.state.Running = true
	s.notify()
	cfg := s.state.Config
	var open opened
	if s.OpenCompany != nil {
		open.company, open.assessment, open.ok = s.OpenCompany()
	}
	var r roundResult
	s.background(func() { r = s.round(cfg, open, onlyPending) }, func() { s.finish(cfg, open.ok, r) })
}

// background runs work off the UI thread and then done on it, without
// the working indicator: a background round is no reason to look busy.
func (s *Service) background(work, done func()) {
	if s.deps.Synchronous {
		work()
		done()
		return
	}
	go func() {
		work()
		s.deps.OnUIThread(done)
	}()
}

// roundResult is what a round found, handed to the UI thread.
type roundResult struct {
	st             engine.Status
	err            error
	skipped        bool
	counts         counts
	companyChanged bool
}

type counts struct {
	pending, conflicts int
	last               time.Time
}

// opened is what the workspace has open.
type opened struct {
	company, assessment int64
	ok                  bool
}

// round runs off the UI thread.
func (s *Service) round(cfg *teamfile.Config, open opened, onlyPending bool) roundResult {
	ctx := context.Background()
	var r roundResult
	if onlyPending {
		n, err := s.x.PendingCount(ctx)
		r.skipped = err == nil && n == 0
	}
	if !r.skipped {
		before := s.versions(ctx, open)
		r.st, r.err = s.syncOnce(ctx, cfg)
		r.companyChanged = open.ok && s.versions(ctx, open) != before
	}
	r.counts = s.counts(ctx)
	return r
}

func (s *Service) syncOnce(ctx context.Context, cfg *teamfile.Config) (engine.Status, error) {
	c, err := s.client(s.withToken(cfg))
	if err != nil {
		return engine.Status{}, err
	}
	syncer := &engine.Syncer{Remote: c, Outbox: s.x, Local: s.x, Now: s.deps.Now}
	st, err := syncer.Sync(ctx)
	if err == nil {
		err = s.x.SetLastSynced(ctx, st.LastSynced)
	}
	return st, err
}

// versions are the server versions of the open company's record and its
// open assessment's, to tell whether a round changed them.
func (s *Service) versions(ctx context.Context, open opened) [2]int64 {
	if !open.ok {
		return [2]int64{}
	}
	v := [2]int64{s.version(ctx, wire.KindCompany, open.company)}
	if open.assessment != 0 {
		v[1] = s.version(ctx, wire.KindAssessment, open.assessment)
	}
	return v
}

func (s *Service) version(ctx context.Context, kind wire.Kind, id int64) int64 {
	gid, err := s.x.GlobalID(ctx, kind, id)
	if err != nil {
		return 0
	}
	rec, err := s.x.Get(ctx, gid)
	if err != nil {
		return 0
	}
	return rec.BaseVersion
}

func (s *Service) counts(ctx context.Context) counts {
	var c counts
	var err1, err2, err3 error
	c.pending, err1 = s.x.PendingCount(ctx)
	c.conflicts, err2 = s.x.ConflictCount(ctx)
	c.last, err3 = s.x.LastSynced(ctx)
	kit.LogError("read the sync state", errors.Join(err1, err2, err3))
	return c
}

// finish takes a round's result on the UI thread.
func (s *Service) finish(cfg *teamfile.Config, wasOpen bool, r roundResult) {
	s.state.Running = false
	if s.state.Config != cfg {
		s.notify() // signed out (or in again) while the round ran
		return
	}
	st := &s.state
	st.Pending, st.Conflicts, st.LastSynced = r.counts.pending, r.counts.conflicts, r.counts.last
	if !r.skipped {
		kit.LogError("sync with the team server", r.err)
		st.Offline = errors.Is(r.err, client.ErrOffline)
		st.Unauthorized = errors.Is(r.err, client.ErrUnauthorized)
		st.Certificate = errors.Is(r.err, client.ErrCertificate)
		st.Failed = r.err != nil && !st.Offline && !st.Unauthorized && !st.Certificate
		st.CompanyChanged = wasOpen && (st.CompanyChanged || r.companyChanged)
	}
	s.notify()
	if !r.skipped && r.st.Pulled+r.st.Merged+r.st.Erased > 0 && s.OnPulled != nil {
		s.OnPulled()
	}
	if s.again {
		s.again = false
		s.SyncNow()
	}
}

// reload reads the counts again, as after a round, without one.
func (s *Service) reload() {
	if s.state.Config == nil {
		return
	}
	var c counts
	s.background(func() { c = s.counts(context.Background()) }, func() {
		s.state.Pending, s.state.Conflicts, s.state.LastSynced = c.pending, c.conflicts, c.last
		s.notify()
	})
}

// CompanyClosed forgets that the open company was changed by the team:
// opened again, it shows the new copy.
func (s *Service) CompanyClosed() {
	if s.state.CompanyChanged {
		s.state.CompanyChanged = false
		s.notify()
	}
}

// client is a client of cfg's server, adjusted by Tune when set.
func (s *Service) client(cfg *teamfile.Config) (*client.Client, error) {
	c, err := cfg.Client()
	if err != nil {
		return nil, err
	}
	if s.Tune != nil {
		s.Tune(c)
	}
	return c, nil
}

// withToken is cfg with its token, read off the UI thread; a token the
// credential store cannot give is logged, and the server then asks to sign
// in again.
func (s *Service) withToken(cfg *teamfile.Config) *teamfile.Config {
	full := teamfile.WithToken(s.dir, cfg)
	kit.LogError("read the token from the credential store", full.StoreErr)
	return full
}
