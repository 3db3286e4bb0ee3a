package insights

import (
	"context"
	"strings"
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

// fixture is a view over a real store, its book read.
type fixture struct {
	v    *View
	st   *store.Store
	book *clientbook.Book
	w    fyne.Window
	loc  *locales.Localizer
}

// open makes a store (with the three demo companies, two assessments each,
// when withDemo), a book read from it and the view in a window, shown with
// no filter; the view's work runs through deps.
func open(t *testing.T, lang string, withDemo bool, deps *kit.Deps) *fixture {
	t.Helper()
	test.NewTempApp(t)
	st := uitest.OpenStore(t)
	if withDemo {
		if _, err := demo.Load(context.Background(), st, ref.MustLoad(), uitest.Today); err != nil {
			t.Fatal(err)
		}
	}
	book := clientbook.New(uitest.Deps(t), st, ref.MustLoad())
	book.Load()
	w := test.NewTempWindow(t, nil)
	loc := locales.MustNew(lang)
	v := NewView(deps, book, loc, w)
	w.SetContent(v.Content())
	w.Resize(fyne.NewSize(1100, 700))
	return &fixture{v: v, st: st, book: book, w: w, loc: loc}
}

// stored computes the insights the domain gives for what the store holds.
func (fx *fixture) stored(t *testing.T, f portfolio.Filter, p portfolio.Period) portfolio.Insights {
	t.Helper()
	clients, err := fx.st.Portfolio(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return portfolio.ComputeInsights(ref.MustLoad(), clients, f, p, uitest.Today)
}

// figureTexts are the key figures as shown, by id.
func (fx *fixture) figureTexts() map[string]string {
	out := map[string]string{}
	for id, f := range fx.v.figures {
		out[id] = f.value
	}
	return out
}

// wantFigures are in's key figures as the view should write them.
func (fx *fixture) wantFigures(in portfolio.Insights) map[string]string {
	n := func(i int) string { return fx.loc.Number(float64(i), 0) }
	return map[string]string{"companies": n(in.Companies + in.Unassessed), "assessed": n(in.Companies),
		"assessments": n(in.Assessments), "unassessed": n(in.Unassessed)}
}

func sameFigures(t *testing.T, what string, got, want map[string]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: figures %v, want %v", what, got, want)
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %s shows %q, want %q", what, id, got[id], w)
		}
	}
}

func TestKeyFiguresAreTheDomainsForTheFilter(t *testing.T) {
	fx := open(t, "sv", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	all := fx.stored(t, portfolio.Filter{}, portfolio.Period{})
	if all.Companies != 3 || all.Assessments != 6 {
		t.Fatalf("the demo gives %d companies, %d assessments; want 3 and 6", all.Companies, all.Assessments)
	}
	sameFigures(t, "no filter", fx.figureTexts(), fx.wantFigures(all))
	for _, label := range []string{"Företag i urvalet", "Bedömda i perioden", "Bedömningar i perioden", "Utan bedömning i perioden"} {
		if !uitest.ContainsText(fx.v.Content(), label) {
			t.Errorf("the key figures lack %q", label)
		}
	}

	f := portfolio.Filter{Search: "Möllevångens"}
	fx.v.Show(f)
	one := fx.stored(t, f, portfolio.Period{})
	if one.Companies != 1 {
		t.Fatalf("the search finds %d companies, want 1", one.Companies)
	}
	sameFigures(t, "search", fx.figureTexts(), fx.wantFigures(one))

	computed := fx.v.computed
	fx.v.Show(portfolio.Filter{Search: "Möllevångens"})
	if fx.v.computed != computed {
		t.Error("showing the same filter again computed the figures again")
	}
}

func TestEmptyStatesSayWhyNothingIsShown(t *testing.T) {
	fx := open(t, "sv", false, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	if !uitest.ContainsText(fx.v.Content(), "Det finns inga företag ännu.") {
		t.Errorf("an empty portfolio does not say so: %q", uitest.AllTexts(fx.v.body))
	}
	if fx.v.figures["companies"] != nil && uitest.ContainsText(fx.v.body, "Nyckeltal") {
		t.Error("an empty portfolio shows key figures")
	}

	fx = open(t, "en", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{Search: "Ingen sådan firma"})
	if !uitest.ContainsText(fx.v.body, "No company matches the filter.") {
		t.Errorf("a filter that matches none does not say so: %q", uitest.AllTexts(fx.v.body))
	}
}

func TestAnUnreadBookSaysItIsReading(t *testing.T) {
	test.NewTempApp(t)
	st := uitest.OpenStore(t)
	if _, err := demo.Load(context.Background(), st, ref.MustLoad(), uitest.Today); err != nil {
		t.Fatal(err)
	}
	book := clientbook.New(uitest.Deps(t), st, ref.MustLoad())
	v := NewView(uitest.Deps(t), book, locales.MustNew("sv"), test.NewTempWindow(t, nil))
	v.Show(portfolio.Filter{})
	if !v.note.Visible() || v.note.Text != "Företagen läses in …" {
		t.Errorf("before the book is read the note says %q (shown %v)", v.note.Text, v.note.Visible())
	}
	if !uitest.ContainsText(v.body, "Företagen läses in …") || uitest.ContainsText(v.body, "Det finns inga företag") {
		t.Errorf("before the book is read the body says %q", uitest.AllTexts(v.body))
	}
	book.Load() // tells the view, which computes again
	if v.note.Visible() {
		t.Errorf("the note %q stays once the book is read", v.note.Text)
	}
	if got := v.figures["assessments"]; got == nil || got.value != "6" {
		t.Errorf("after the read the assessments show %v, want 6", got)
	}
}

func TestANewReadOfTheBookRecomputes(t *testing.T) {
	fx := open(t, "sv", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	ctx := context.Background()
	id, err := fx.st.CreateCompany(ctx, &app.Company{Name: "Vätterns Nya AB"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fx.st.SaveAssessment(ctx, id, &app.Assessment{Date: "2026-11-20"}); err != nil {
		t.Fatal(err)
	}
	fx.book.Sync()
	sameFigures(t, "after the read", fx.figureTexts(), fx.wantFigures(fx.stored(t, portfolio.Filter{}, portfolio.Period{})))
	if got := fx.v.figures["assessments"].value; got != "7" {
		t.Errorf("assessments %q after one more, want 7", got)
	}
}

// queue is a UI thread the test drives: functions handed to it wait until
// the test runs them.
type queue chan func()

func (q queue) next(t *testing.T) {
	t.Helper()
	(<-q)()
}

func TestAnOvertakenResultIsDropped(t *testing.T) {
	q := make(queue, 4)
	deps := uitest.Deps(t)
	deps.Synchronous = false
	deps.OnUIThread = func(fn func()) { q <- fn }
	deps.After = func(time.Duration, func()) func() bool { return func() bool { return true } }
	fx := open(t, "sv", true, deps)

	fx.v.Show(portfolio.Filter{})
	later := portfolio.Filter{Search: "Möllevångens"}
	fx.v.Show(later) // while the first is computed
	q.next(t)        // the first result arrives, overtaken
	if fx.v.done != nil || fx.v.computed != 2 {
		t.Fatalf("the overtaken result was shown (%v) or the latest not asked for (%d computations)", fx.v.done != nil, fx.v.computed)
	}
	q.next(t)
	if fx.v.done == nil || fx.v.done.req.filter.Search != later.Search {
		t.Fatal("the latest result was not shown")
	}
	sameFigures(t, "latest", fx.figureTexts(), fx.wantFigures(fx.stored(t, later, portfolio.Period{})))
}

func TestTheViewFitsAHalfWidthLaptopScreen(t *testing.T) {
	// 1366×768 at 200% scale leaves 683×384 to lay out in.
	fx := open(t, "sv", true, uitest.Deps(t))
	fx.v.Show(portfolio.Filter{})
	fx.w.Resize(fyne.NewSize(683, 384))
	uitest.Settle(fx.w)
	if w := fx.v.Content().MinSize().Width; w > 683 {
		t.Errorf("the view needs %v wide, more than 683", w)
	}
}

func TestEveryTextShownIsTranslated(t *testing.T) {
	for _, lang := range []string{"sv", "en"} {
		fx := open(t, lang, true, uitest.Deps(t))
		fx.v.Show(portfolio.Filter{})
		n := 0
		uitest.Walk(fx.v.Content(), func(o fyne.CanvasObject) {
			for _, s := range uitest.AllTexts(o) {
				n++
				for _, id := range []string{"ui.insights.", "portfolioreport.", ".name", ".title", "dimension."} {
					if strings.Contains(s, id) {
						t.Errorf("%s: a message id is shown: %q", lang, s)
					}
				}
			}
		})
		if n < 50 {
			t.Errorf("%s: only %d texts shown", lang, n)
		}
	}
}
