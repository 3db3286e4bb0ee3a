package followup

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/clientbook"
	"github.com/pomi-planner/pomi/ui/kit"
)

// springDay is a day when the example companies have one review overdue
// (Älvsense, 15 March), one due within 30 days (Holaveden, 20 April) and
// several overdue actions.
var springDay = time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC)

// fixture is a view over a real store with its book and window.
type fixture struct {
	view *View
	book *clientbook.Book
	st   *store.Store
	win  fyne.Window
	deps *kit.Deps
}

// newFixture opens a store (with the example companies when examples is
// set, stored on uitest.Today), moves the clock to today and shows the
// view, unfiltered, in a window of 1100×700; the deps do all work at once.
func newFixture(t *testing.T, lang string, today time.Time, examples bool) *fixture {
	t.Helper()
	test.NewTempApp(t)
	st := uitest.OpenStore(t)
	if examples {
		if _, err := demo.Load(context.Background(), st, ref.MustLoad(), uitest.Today); err != nil {
			t.Fatal(err)
		}
	}
	deps, clock := uitest.NewDeps(t)
	clock.Advance(today.Sub(uitest.Today))
	book := clientbook.New(deps, st, ref.MustLoad())
	book.Load()
	w := test.NewTempWindow(t, nil)
	v := NewView(deps, book, locales.MustNew(lang), w)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1100, 700))
	v.Show(portfolio.Filter{})
	return &fixture{view: v, book: book, st: st, win: w, deps: deps}
}

// companyID is the id of the stored company named name.
func (fx *fixture) companyID(t *testing.T, name string) app.CompanyID {
	t.Helper()
	for _, c := range fx.book.Clients() {
		if c.Company.Name == name {
			return c.ID
		}
	}
	t.Fatalf("no company %q", name)
	return 0
}
