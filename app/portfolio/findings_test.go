package portfolio

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

// TestFindAgreesWithAnalyze proves the insights' lighter analysis
// (app.Find) gives Analyze's scores, gaps and barriers, and the ids of its
// recommendations, for the example companies' assessments and the
// hand-made portfolio's.
func TestFindAgreesWithAnalyze(t *testing.T) {
	docs, err := fakeco.WithHistory(6, 2, 3, time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var clients []Client
	for i, doc := range docs {
		c := client(i+1, doc.Company.Name, doc.Assessments...)
		c.Company = doc.Company
		clients = append(clients, c)
	}
	for _, c := range append(clients, handPortfolio()...) {
		for _, sa := range c.Assessments {
			an := app.Analyze(refData, &c.Company, &sa.Assessment)
			f := app.Find(refData, &c.Company, &sa.Assessment)
			if !reflect.DeepEqual(f.Dimensions, an.Dimensions) || !reflect.DeepEqual(f.Competences, an.Competences) ||
				!reflect.DeepEqual(f.Barriers, an.Barriers) {
				t.Errorf("%s %s: Find's scores, gaps or barriers differ from Analyze's", c.Company.Name, sa.Date)
			}
			var ids []string
			for _, r := range an.Recommendations {
				ids = append(ids, r.ID)
			}
			got := slices.Clone(f.Recommendations)
			slices.Sort(got)
			slices.Sort(ids)
			if !slices.Equal(got, ids) {
				t.Errorf("%s %s: Find recommends %v, Analyze %v", c.Company.Name, sa.Date, got, ids)
			}
		}
	}
}
