package portfolio

import (
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

// refData is loaded once for all tests.
var refData = ref.MustLoad()

// day parses a yyyy-mm-dd date or fails the test binary.
func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// rated returns an assessment dated date whose first statement of P, O, M
// and I is rated p, o, m, i (0 leaves the dimension unrated), so each
// dimension scores (rating−1)×25 against the default target 75: rating 1
// scores 0 (gap 75), 2 → 25 (gap 50), 3 → 50 (gap 25), 4 → 75 (gap 0),
// 5 → 100 (gap 0).
func rated(date string, p, o, m, i int) app.Assessment {
	a := app.Assessment{Date: date, StatementRatings: map[string]int{}}
	for k, dim := range ref.Dimensions {
		if r := []int{p, o, m, i}[k]; r > 0 {
			a.StatementRatings[refData.StatementsOf(dim)[0].ID] = r
		}
	}
	return a
}

// client makes a client whose assessments get ids id*100+1, id*100+2, …
func client(id int, name string, as ...app.Assessment) Client {
	c := Client{ID: app.CompanyID(id), Company: app.Company{Name: name}}
	for k, a := range as {
		c.Assessments = append(c.Assessments, app.StoredAssessment{
			ID: app.AssessmentID(id*100 + k + 1), CompanyID: c.ID, Assessment: a,
		})
	}
	return c
}

// with sets the latest assessment's modes, competence ratings and barriers.
func with(c Client, modes []string, comps map[string]int, barriers map[string]int) Client {
	a := &c.Assessments[len(c.Assessments)-1]
	for _, m := range modes {
		a.Modes = append(a.Modes, app.ModeChoice{Mode: m, Status: app.ModeCurrent})
	}
	a.CompetenceRatings, a.Barriers = comps, barriers
	return c
}

// handPortfolio is the portfolio whose insights are worked out by hand in
// TestInsightsOfAHandMadePortfolio. Latest scores (P, O, M, I):
//
//	A  0  25  50  75   3 assessments: 2025-01-10 (1,1,1,1), 2025-06-10 (5,5,5,5), 2026-01-10
//	B 25  50  75 100   2: 2025-03-01 (3,3,3,3), 2026-02-01
//	C 50  50  50  50   2: 2025-12-31 (5,5,5,5), 2026-03-01
//	D 75  75  75  75   1: 2026-01-15
//	E 100 100 100 100  1: 2026-01-15
//	F  0   0   0   –   1: 2026-01-15
//	G 50  75 100   –   1: 2026-01-15
//	H no assessment
func handPortfolio() []Client {
	a := with(client(1, "A", rated("2025-01-10", 1, 1, 1, 1), rated("2025-06-10", 5, 5, 5, 5), rated("2026-01-10", 1, 2, 3, 4)),
		[]string{"export_direct"}, map[string]int{"production": 2, "distribution": 4},
		map[string]int{"working_capital": 3, "personnel": 1})
	b := with(client(2, "B", rated("2025-03-01", 3, 3, 3, 3), rated("2026-02-01", 2, 3, 4, 5)),
		[]string{"export_direct", "ecommerce"},
		map[string]int{"production": 3, "distribution": 1, "sales_marketing": 5, "after_sales": 2, "brand_image": 4},
		map[string]int{"working_capital": 2})
	c := with(client(3, "C", rated("2025-12-31", 5, 5, 5, 5), rated("2026-03-01", 3, 3, 3, 3)),
		[]string{"ecommerce"},
		map[string]int{"after_sales": 3, "brand_image": 1, "sales_marketing": app.DontKnow, "distribution": 4},
		map[string]int{"price_competition": 2, "working_capital": 1})
	e := with(client(5, "E", rated("2026-01-15", 5, 5, 5, 5)), nil, nil, map[string]int{"personnel": 2})
	f := with(client(6, "F", rated("2026-01-15", 1, 1, 1, 0)), nil, nil, map[string]int{"working_capital": 1})
	return []Client{a, b, c, client(4, "D", rated("2026-01-15", 4, 4, 4, 4)), e, f,
		client(7, "G", rated("2026-01-15", 3, 4, 5, 0)), client(8, "H")}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

func checkNear(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}
