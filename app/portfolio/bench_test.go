package portfolio

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

// BenchmarkViews10000 measures the portfolio's views on 10,000 fictional
// companies with three assessments each, held in memory as the window
// keeps them once loaded: the table (Rows, and Rows then sorted by name),
// the follow-ups and the insights (anonymised, as the window shows them),
// beside Scan, a plain pass over every assessment's actions that computes
// nothing, the floor of any view. Analyze is one company's analysis, the
// richest example's. No SQLite: about 3 s to set up.
//
//	go test -run '^$' -bench Views10000 -benchmem ./app/portfolio/
func BenchmarkViews10000(b *testing.B) {
	clients := memoryPortfolio(b, 10000, 3)
	today := time.Now()
	b.Run("Scan", func(b *testing.B) { // the baseline
		n := 0
		for b.Loop() {
			n = 0
			for i := range clients {
				for j := range clients[i].Assessments {
					n += len(clients[i].Assessments[j].Actions)
				}
			}
		}
		b.ReportMetric(float64(n), "actions")
	})
	b.Run("Rows", func(b *testing.B) {
		for b.Loop() {
			Rows(refData, clients, today)
		}
	})
	b.Run("Table", func(b *testing.B) {
		for b.Loop() {
			SortRows(Rows(refData, clients, today), ColName, false)
		}
	})
	// The window's table: the rows made once when the portfolio is read,
	// then sorted and filtered by position on every click of a heading or
	// change of a filter, text in Swedish alphabetical order.
	rows := Rows(refData, clients, today)
	b.Run("WindowSortByName", func(b *testing.B) {
		for b.Loop() {
			OrderIn("sv", rows, ColName, false)
		}
	})
	b.Run("WindowSortByGap", func(b *testing.B) {
		for b.Loop() {
			OrderIn("sv", rows, ColGap, true)
		}
	})
	b.Run("WindowFilter", func(b *testing.B) {
		f := Filter{Search: "glas", DueForFollowUp: true}
		order := OrderIn("sv", rows, ColChanged, true)
		n := 0
		for b.Loop() {
			n = len(f.Keep(rows, order))
		}
		b.ReportMetric(float64(n), "rows")
	})
	b.Run("FollowUps", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n = 0
			for _, w := range FollowUps(clients, today) {
				n += len(w.Items)
			}
		}
		b.ReportMetric(float64(n), "items")
	})
	b.Run("Insights", func(b *testing.B) {
		n := 0
		for b.Loop() {
			n = Anonymise(ComputeInsights(refData, clients, Filter{}, Period{}, today)).Companies
		}
		b.ReportMetric(float64(n), "companies")
	})
	b.Run("Analyze", func(b *testing.B) {
		c := &clients[0]
		a := &c.Assessments[len(c.Assessments)-1].Assessment
		for b.Loop() {
			app.Analyze(refData, &c.Company, a)
		}
	})
}

// memoryPortfolio makes n fictional clients of k assessments each
// (fakeco.WithHistory), each document sent through JSON as the store
// decodes it, so no two clients share a map.
func memoryPortfolio(b *testing.B, n, k int) []Client {
	b.Helper()
	docs, err := fakeco.WithHistory(n, k, 1, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	clients := make([]Client, n)
	for i, doc := range docs {
		raw, err := json.Marshal(doc)
		if err != nil {
			b.Fatal(err)
		}
		var back app.Document
		if err := json.Unmarshal(raw, &back); err != nil {
			b.Fatal(err)
		}
		c := Client{ID: app.CompanyID(i + 1), Company: back.Company}
		for j, a := range back.Assessments {
			c.Assessments = append(c.Assessments, app.StoredAssessment{
				ID: app.AssessmentID(i*k + j + 1), CompanyID: c.ID, Assessment: a,
			})
		}
		clients[i] = c
	}
	return clients
}
