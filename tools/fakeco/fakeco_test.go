package fakeco

import (
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

func TestOrgNrsPassTheAppsCheckAndAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for i := range 20000 {
		nr := OrgNr(i)
		got, err := validate.NormalizeOrgNr(nr)
		if err != nil || got != nr {
			t.Fatalf("OrgNr(%d) = %q: normalized %q, %v", i, nr, got, err)
		}
		if seen[nr] {
			t.Fatalf("OrgNr(%d) = %q repeats", i, nr)
		}
		seen[nr] = true
	}
}

func TestCompaniesAreValidAndRepeatable(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	docs, err := Companies(300, 1, now)
	if err != nil {
		t.Fatal(err)
	}
	again, _ := Companies(300, 1, now)
	d := ref.MustLoad()
	furniture := 0
	for i, doc := range docs {
		c := doc.Company
		if err := c.Validate(now); err != nil {
			t.Fatalf("company %d %q: %v", i, c.Name, err)
		}
		if len(doc.Assessments) != 1 {
			t.Fatalf("company %d has %d assessments, want 1", i, len(doc.Assessments))
		}
		if err := doc.Assessments[0].Validate(d); err != nil {
			t.Fatalf("assessment of company %d: %v", i, err)
		}
		if again[i].Company.Name != c.Name || again[i].Assessments[0].Date != doc.Assessments[0].Date {
			t.Fatalf("company %d differs between two runs with the same seed", i)
		}
		if strings.Contains(c.Name, "Möbler") {
			furniture++
		}
	}
	if furniture == 0 {
		t.Error("no furniture maker among 300: a search for \"möb\" would find nothing")
	}
}

func TestWithHistoryGivesKAssessmentsHalfAYearApartOldestFirst(t *testing.T) {
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)
	docs, err := WithHistory(30, 3, 1, now)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := Companies(30, 1, now)
	d := ref.MustLoad()
	for i, doc := range docs {
		if len(doc.Assessments) != 3 {
			t.Fatalf("company %d has %d assessments, want 3", i, len(doc.Assessments))
		}
		if doc.Company.Name != plain[i].Company.Name || doc.Assessments[2].Date != plain[i].Assessments[0].Date {
			t.Errorf("company %d: the latest assessment is not the one Companies gives", i)
		}
		for j, a := range doc.Assessments {
			if err := a.Validate(d); err != nil {
				t.Fatalf("assessment %d of company %d: %v", j, i, err)
			}
			if j > 0 && a.Date <= doc.Assessments[j-1].Date {
				t.Errorf("company %d: assessment %d dated %s after %s", i, j, a.Date, doc.Assessments[j-1].Date)
			}
		}
	}
}
