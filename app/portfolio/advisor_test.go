package portfolio

import (
	"slices"
	"testing"
	"time"
)

func TestFilterByAdvisorKeepsTheCompaniesTheyHandle(t *testing.T) {
	rows := []Row{
		{Name: "Made by Anna", CreatedBy: "Anna Berg", ChangedBy: "Anna Berg"},
		{Name: "Made by Anna, changed by Bo", CreatedBy: "Anna Berg", ChangedBy: "Bo Ek"},
		{Name: "Made by Bo, changed by Åsa", CreatedBy: "Bo Ek", ChangedBy: "Åsa Öberg"},
		{Name: "Without a server"},
	}
	for _, c := range []struct {
		advisors []string
		want     []string
	}{
		{nil, []string{"Made by Anna", "Made by Anna, changed by Bo", "Made by Bo, changed by Åsa", "Without a server"}},
		{[]string{"Anna Berg"}, []string{"Made by Anna", "Made by Anna, changed by Bo"}},
		{[]string{" bo ek "}, []string{"Made by Anna, changed by Bo", "Made by Bo, changed by Åsa"}},
		{[]string{"asa oberg"}, []string{"Made by Bo, changed by Åsa"}},
		{[]string{"Anna Berg", "Åsa Öberg"}, []string{"Made by Anna", "Made by Anna, changed by Bo", "Made by Bo, changed by Åsa"}},
		{[]string{"Cecilia"}, []string{}},
	} {
		f := Filter{Advisors: c.advisors}
		var got []string
		for _, r := range f.Apply(rows) {
			got = append(got, r.Name)
		}
		if got == nil {
			got = []string{}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("advisors %q keep %q, want %q", c.advisors, got, c.want)
		}
		if f.IsZero() != (len(c.advisors) == 0) {
			t.Errorf("advisors %q: IsZero %v", c.advisors, f.IsZero())
		}
	}
	if got, want := Advisors(rows), []string{"Anna Berg", "Åsa Öberg", "Bo Ek"}; !slices.Equal(got, want) {
		t.Errorf("Advisors = %q, want %q", got, want)
	}
	if got := Advisors(rows[3:]); len(got) != 0 {
		t.Errorf("Advisors without a server = %q", got)
	}
}

func TestRowsCarryTheClientsAdvisors(t *testing.T) {
	r := MakeRow(nil, &Client{CreatedBy: "Anna Berg", ChangedBy: "Bo Ek"}, time.Now())
	if r.CreatedBy != "Anna Berg" || r.ChangedBy != "Bo Ek" {
		t.Errorf("row = %+v", r)
	}
}
