package shell

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/kit"
	"github.com/pomi-planner/pomi/ui/session"
	"github.com/pomi-planner/pomi/ui/settings"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// gatedStore is the real store with slow writes: each company or settings
// write says which text it writes on started and then waits for release
// before it writes, so that the test decides when each write ends. Reads
// go straight to the store.
type gatedStore struct {
	kit.Store
	started chan string   // the text each write is about to store
	release chan struct{} // one value lets one write go on
	abort   chan struct{} // closed when the test ends: every write goes on
}

func newGatedStore(t *testing.T, st kit.Store) *gatedStore {
	g := &gatedStore{Store: st, started: make(chan string, 16), release: make(chan struct{}), abort: make(chan struct{})}
	t.Cleanup(func() { close(g.abort) })
	return g
}

func (g *gatedStore) gate(text string) {
	g.started <- text
	select {
	case <-g.release:
	case <-g.abort:
	}
}

func (g *gatedStore) SaveWorkOnto(ctx context.Context, id app.CompanyID, base *app.Work, c *app.Company, aid app.AssessmentID, a *app.Assessment) (app.AssessmentID, error) {
	g.gate(c.Notes)
	return g.Store.SaveWorkOnto(ctx, id, base, c, aid, a)
}

func (g *gatedStore) SaveSettings(ctx context.Context, s *app.Settings) error {
	g.gate(s.Branding.AdvisorName)
	return g.Store.SaveSettings(ctx, s)
}

// honestDeadline bounds every wait: generous, for a loaded machine; the
// test takes a few tens of milliseconds when all is well.
const honestDeadline = 10 * time.Second

// honestDelay is the autosave delay of these tests: short, so they run quickly.
const honestDelay = 20 * time.Millisecond

// honestSetUp sets up a UI thread for autosave to run as in the window
// (with uitest.BackgroundDeps): background writes whose completions come
// back through a queued fyne.Do on the test goroutine, after a short delay.
// It opens a real store, wrapped in a gatedStore.
func honestSetUp(t *testing.T) (*crashUI, *store.Store, *gatedStore) {
	t.Helper()
	u := newCrashUI(t)
	st := uitest.OpenStore(t)
	return u, st, newGatedStore(t, st)
}

// nextWrite runs UI work until the next gated write begins and checks that
// it writes want.
func (g *gatedStore) nextWrite(t *testing.T, u *crashUI, want string) {
	t.Helper()
	var got string
	if !u.until(func() bool {
		select {
		case got = <-g.started:
			return true
		default:
			return false
		}
	}, honestDeadline) {
		t.Fatalf("no write of %q began", want)
	}
	if got != want {
		t.Fatalf("a write of %q began, want %q", got, want)
	}
}

// TestSavedIsShownOnlyOnceTheNewestEditIsStored: edit 1 is being written
// when edit 2 is made; edit 2's autosave takes its copy and its write waits
// behind write 1. When write 1 ends, the window must not say saved, since
// edit 2 is not in the database yet; once write 2 ends it must. Whenever
// the workspace or the settings say saved, the database holds the text
// they show. (Before autosave.pending, write 1's completion said saved.)
func TestSavedIsShownOnlyOnceTheNewestEditIsStored(t *testing.T) {
	ctx := context.Background()

	t.Run("workspace", func(t *testing.T) {
		u, st, g := honestSetUp(t)
		id, err := st.CreateCompany(ctx, &app.Company{Name: "Ärligt sparat AB"})
		if err != nil {
			t.Fatal(err)
		}
		s, err := session.OpenSession(ctx, uitest.BackgroundDeps(t, honestDelay), g, ref.MustLoad(), locales.MustNew("sv"), id)
		if err != nil {
			t.Fatal(err)
		}
		stored := func() string {
			c, err := st.Company(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			return c.Notes
		}
		// Whenever it says saved, the database has what it shows.
		savedShown := 0
		s.OnState(func(state session.SaveState) {
			if state != session.SaveDone {
				return
			}
			savedShown++
			if shown, got := s.Company().Notes, stored(); got != shown {
				t.Errorf("the workspace says %q while it shows notes %q and the database has %q", "Sparat", shown, got)
			}
		})
		done, onDone := 0, s.Autosave.Done
		s.Autosave.Done = func(snap session.Snapshot, err error) { onDone(snap, err); done++ }

		s.EditCompany(func(c *app.Company) { c.Notes = "Anteckning 1" })
		g.nextWrite(t, u, "Anteckning 1")
		// Edit 2 while write 1 runs; its autosave takes its copy, and its
		// write waits behind write 1.
		s.EditCompany(func(c *app.Company) { c.Notes = "Anteckning 2" })
		if !u.until(func() bool { return !s.Autosave.Dirty }, honestDeadline) {
			t.Fatal("edit 2 was not taken for saving")
		}
		g.release <- struct{}{} // write 1 ends
		if !u.until(func() bool { return done == 1 }, honestDeadline) {
			t.Fatal("write 1 did not report back")
		}
		if s.State() == session.SaveDone {
			t.Errorf("after write 1 the workspace says saved, with %q shown and %q stored", s.Company().Notes, stored())
		}

		g.nextWrite(t, u, "Anteckning 2")
		g.release <- struct{}{} // write 2 ends
		if !u.until(func() bool { return done == 2 && s.State() == session.SaveDone }, honestDeadline) {
			t.Fatalf("after both writes the state is %v, want saved (%d writes reported)", s.State(), done)
		}
		if got := stored(); got != "Anteckning 2" || savedShown == 0 {
			t.Errorf("in the end the database has %q (said saved %d times), want %q", got, savedShown, "Anteckning 2")
		}
	})

	t.Run("settings", func(t *testing.T) {
		u, st, g := honestSetUp(t)
		// Built with synchronous deps, so it has loaded; from then on its
		// deps work as the window's do.
		deps := uitest.Deps(t)
		w := test.NewTempWindow(t, nil)
		scr := settings.NewScreen(w, deps, g, store.Maintenance{}, locales.MustNew("sv"))
		w.SetContent(scr.Content())
		*deps = *uitest.BackgroundDeps(t, honestDelay)
		savedText := scr.Loc.T("ui.workspace.saved")
		stored := func() string {
			got, err := st.Settings(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return got.Branding.AdvisorName
		}
		// After each write reports back: if it says saved, the database
		// has what it shows.
		done, savedShown, onDone := 0, 0, scr.Auto.Done
		scr.Auto.Done = func(snap settings.Snapshot, err error) {
			onDone(snap, err)
			done++
			if scr.State.Text != savedText {
				return
			}
			savedShown++
			if shown, got := scr.Settings().Branding.AdvisorName, stored(); got != shown {
				t.Errorf("the settings say %q while they show the advisor %q and the database has %q", savedText, shown, got)
			}
		}
		advisor := scr.Branding.Fields["advisor_name"].Entry

		advisor.SetText("Anna Berg 1")
		g.nextWrite(t, u, "Anna Berg 1")
		advisor.SetText("Anna Berg 2")
		if !u.until(func() bool { return !scr.Auto.Dirty }, honestDeadline) {
			t.Fatal("edit 2 was not taken for saving")
		}
		g.release <- struct{}{} // write 1 ends
		if !u.until(func() bool { return done == 1 }, honestDeadline) {
			t.Fatal("write 1 did not report back")
		}
		if scr.State.Text == savedText {
			t.Errorf("after write 1 the settings say %q, with %q shown and %q stored", savedText, scr.Settings().Branding.AdvisorName, stored())
		}

		g.nextWrite(t, u, "Anna Berg 2")
		g.release <- struct{}{} // write 2 ends
		if !u.until(func() bool { return done == 2 && scr.State.Text == savedText }, honestDeadline) {
			t.Fatalf("after both writes the state says %q, want %q (%d writes reported)", scr.State.Text, savedText, done)
		}
		if got := stored(); got != "Anna Berg 2" || savedShown == 0 {
			t.Errorf("in the end the database has %q (said saved %d times), want %q", got, savedShown, "Anna Berg 2")
		}
	})
}
