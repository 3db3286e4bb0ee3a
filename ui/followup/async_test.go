package followup

import (
	"context"
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/clientbook"
)

func TestAResultOvertakenByANewerShowIsDropped(t *testing.T) {
	fx := newFixture(t, "sv", springDay, true)
	// The view's own deps: work on goroutines, and the UI thread is this
	// test, running the finished work when it chooses.
	ui := make(chan func(), 4)
	deps, clock := uitest.NewDeps(t)
	clock.Advance(springDay.Sub(uitest.Today))
	deps.Synchronous = false
	deps.OnUIThread = func(fn func()) { ui <- fn }
	v := NewView(deps, fx.book, locales.MustNew("sv"), fx.win)
	fx.win.SetContent(v.Content())

	v.Show(portfolio.Filter{Search: "holaveden"})
	older := receive(t, ui)
	v.Show(portfolio.Filter{Search: "älvsense"})
	newer := receive(t, ui)
	if len(v.res.lines) != 0 {
		t.Fatal("a result was shown before the UI thread ran it")
	}
	newer()
	older()
	alv := fx.companyID(t, alvsense)
	for _, ln := range v.res.lines {
		if ln.item != nil && ln.item.Company != alv {
			t.Fatalf("the older result (%s) replaced the newer one", ln.item.CompanyName)
		}
	}
	if len(v.res.lines) == 0 {
		t.Fatal("the newer result was not shown")
	}
}

func receive(t *testing.T, ui chan func()) func() {
	t.Helper()
	select {
	case fn := <-ui:
		return fn
	case <-time.After(10 * time.Second):
		t.Fatal("the work did not finish")
		return nil
	}
}

func TestTheSummarySaysWhileTheCompaniesAreRead(t *testing.T) {
	test.NewTempApp(t)
	st := uitest.OpenStore(t)
	ctx := context.Background()
	for i := range clientbook.FirstPage + 5 {
		if _, err := st.CreateCompany(ctx, &app.Company{Name: fmt.Sprintf("Bolag %02d AB", i)}); err != nil {
			t.Fatal(err)
		}
	}
	deps := uitest.Deps(t)
	book := clientbook.New(deps, st, ref.MustLoad())
	w := test.NewTempWindow(t, nil)
	v := NewView(deps, book, locales.MustNew("sv"), w)
	w.SetContent(v.Content())
	v.Show(portfolio.Filter{})
	if v.summary.Text != "Läser in företagen …" {
		t.Errorf("before the book is read: %q", v.summary.Text)
	}
	var during, empty string
	book.OnChange(func() {
		if !book.Complete() && during == "" {
			during, empty = v.summary.Text, v.empty.Text
		}
	})
	book.Load()
	if during != "Läser in företagen, 60 av 65 hittills. Listan fylls på medan de kommer." ||
		empty != "Uppföljningarna visas här när företagen är inlästa." {
		t.Errorf("while reading: summary %q, empty %q", during, empty)
	}
	if v.summary.Text != "" || v.empty.Text != "Ingen uppföljning är aktuell de närmaste 30 dagarna, och ingen åtgärd är försenad." {
		t.Errorf("once read: summary %q, empty %q", v.summary.Text, v.empty.Text)
	}
}

func TestALongListScrollsToItsEnd(t *testing.T) {
	fx := newFixture(t, "en", springDay, false)
	v := fx.view
	// 1,000 weeks of 16 follow-ups each: 17,000 lines.
	weeks := make([]portfolio.Week, 1000)
	start := time.Date(2008, 1, 7, 0, 0, 0, 0, time.UTC)
	for i := range weeks {
		monday := start.AddDate(0, 0, 7*i)
		weeks[i] = portfolio.Week{Key: portfolio.WeekKey(monday), Start: monday.Format(time.DateOnly)}
		for j := range 16 {
			weeks[i].Items = append(weeks[i].Items, portfolio.FollowUp{
				Company: app.CompanyID(i*16 + j + 1), CompanyName: fmt.Sprintf("Company %d", i*16+j+1),
				Date: monday.Format(time.DateOnly), Kind: portfolio.KindAction, Title: "Call", Overdue: true,
				Step: portfolio.StepActions,
			})
		}
	}
	res := flatten(weeks)
	res.today, res.companies = springDay, 16000
	v.apply(res)
	if n := v.list.Length(); n != 17000 {
		t.Fatalf("the list has %d lines", n)
	}
	last := shownRow(t, fx, 16999)
	if last.name.Text != "Company 16000" || last.late.Text != "Action overdue" {
		t.Errorf("last line: %q %q", last.name.Text, last.late.Text)
	}
	var opened app.CompanyID
	v.OnOpen = func(id app.CompanyID, _ string) { opened = id }
	test.DoubleTap(last)
	if opened != 16000 {
		t.Errorf("double tap on the last line opened %d", opened)
	}
}
