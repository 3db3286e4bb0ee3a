package portfolio

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

// TestInsightsEqualReference proves the fast counting (items numbered by
// a catalogue, marks turned into members at the end, chunks on every
// CPU) gives exactly what the straightforward count gives
// (referenceInsights: app.Find per company, maps keyed by id), members
// included, plain and anonymised, for 2,500 fictional companies with
// three assessments each and the hand-made portfolio, under several
// filters and periods, with the built-in and an organisation's own
// reference data, and for no companies at all.
func TestInsightsEqualReference(t *testing.T) {
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	docs, err := fakeco.WithHistory(2500, 3, 11, now)
	if err != nil {
		t.Fatal(err)
	}
	clients := handPortfolio()
	for i, doc := range docs {
		c := client(100+i, doc.Company.Name, doc.Assessments...)
		c.Company = doc.Company
		if i%10 == 0 { // a mode chosen twice still counts the company once
			latest := &c.Assessments[len(c.Assessments)-1]
			latest.Modes = append(slices.Clone(latest.Modes), latest.Modes...)
		}
		clients = append(clients, c)
	}
	filters := []Filter{{}, {Counties: []string{"F", "M", "AB"}}, {Modes: []string{"export_direct", "ecommerce"}},
		{Search: "möb"}, {DueForFollowUp: true}, {SizeClasses: []string{"micro", "small"}}}
	periods := []Period{{}, {From: now.AddDate(-1, 0, 0)}, {To: now.AddDate(-1, 0, 0)},
		{From: now.AddDate(-2, 0, 0), To: now.AddDate(0, -9, 0)}, {From: now.AddDate(1, 0, 0)}}
	for _, f := range filters {
		for _, p := range periods {
			compareWithReference(t, refData, clients, f, p, now)
		}
	}
	// An organisation's own advice is counted like the built-in advice.
	own := ownData(t)
	for _, p := range periods[:2] {
		if got := compareWithReference(t, own, clients, Filter{}, p, now); !slices.ContainsFunc(got.Recommendations,
			func(c Count) bool { return c.ID == "org_extra" }) {
			t.Errorf("period %v: the organisation's own advice is not counted", p)
		}
	}
	compareWithReference(t, refData, nil, Filter{}, Period{}, now)
}

// compareWithReference compares ComputeInsights with referenceInsights,
// plain and anonymised, and returns ComputeInsights'.
func compareWithReference(t *testing.T, d *ref.Data, clients []Client, f Filter, p Period, now time.Time) Insights {
	t.Helper()
	want := referenceInsights(d, clients, f, p, now)
	got := ComputeInsights(d, clients, f, p, now)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("filter %+v, period %v: the insights differ from the straightforward count", f, p)
	}
	if !reflect.DeepEqual(Anonymise(got), Anonymise(want)) {
		t.Errorf("filter %+v, period %v: the anonymised insights differ", f, p)
	}
	sameJSON(t, got, want)
	return got
}

// ownData is the built-in reference data with an organisation's own
// recommendation for the first barrier and the first entry mode.
func ownData(t *testing.T) *ref.Data {
	t.Helper()
	d, err := refData.WithCustom(nil, []ref.Recommendation{{ID: "org_extra", Kind: ref.KindBarrier,
		Trigger: refData.Barriers[0].ID, Dimension: ref.Market, Side: ref.SideAgency,
		Owner: refData.Recommendations[0].Owner, Horizon: ref.Horizon0to3, Tags: refData.Actors[0].Tags,
		Also: []ref.Trigger{{Kind: ref.KindMode, ID: refData.EntryModes[0].ID}}}})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sameJSON compares what reports and the window see: nil and empty lists
// apart, which DeepEqual of members alone might not show.
func sameJSON(t *testing.T, got, want Insights) {
	t.Helper()
	g, err1 := json.Marshal(got)
	w, err2 := json.Marshal(want)
	if err1 != nil || err2 != nil || string(g) != string(w) {
		t.Errorf("JSON differs:\n got %.300s\nwant %.300s", g, w)
	}
}
