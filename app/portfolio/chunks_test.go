package portfolio

import (
	"reflect"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/tools/fakeco"
)

// TestInsightsInChunksEqualOneAfterAnother proves that counting the
// clients in chunks on several processors and merging them gives exactly
// what counting them one after another gives: the same lists of members,
// the same sums.
func TestInsightsInChunksEqualOneAfterAnother(t *testing.T) {
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	docs, err := fakeco.WithHistory(2000, 3, 5, now)
	if err != nil {
		t.Fatal(err)
	}
	clients := handPortfolio()
	for i, doc := range docs {
		c := client(100+i, doc.Company.Name, doc.Assessments...)
		c.Company = doc.Company
		clients = append(clients, c)
	}
	for _, p := range []Period{{}, {From: now.AddDate(-1, 0, 0)}} {
		one := newAccumulator()
		for i := range clients {
			one.addClient(refData, &clients[i], p, i)
		}
		want := one.insights(p)
		got := ComputeInsights(refData, clients, Filter{}, p, now)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("period %v: the chunked insights differ from one company after another", p)
		}
		if got.Companies == 0 || len(got.Recommendations) == 0 {
			t.Errorf("period %v: nothing counted", p)
		}
	}
}
