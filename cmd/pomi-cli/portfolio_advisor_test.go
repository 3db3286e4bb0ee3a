package main

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
)

// advisorRows runs pomi-cli portfolio --json on d with args and returns
// each row's name with who made and who last changed the company.
func (d *device) advisorRows(args ...string) map[string][2]string {
	d.t.Helper()
	var doc struct {
		Rows []struct {
			Name      string `json:"name"`
			CreatedBy string `json:"created_by"`
			ChangedBy string `json:"changed_by"`
		} `json:"rows"`
	}
	if err := json.Unmarshal([]byte(d.run(append([]string{"portfolio", "--json"}, args...)...)), &doc); err != nil {
		d.t.Fatal(err)
	}
	out := map[string][2]string{}
	for _, r := range doc.Rows {
		out[r.Name] = [2]string{r.CreatedBy, r.ChangedBy}
	}
	return out
}

// add makes a company on the device, as the window does.
func (d *device) add(name string) {
	d.t.Helper()
	d.with(func(s *store.Store) {
		if _, err := s.CreateCompany(context.Background(), &app.Company{Name: name}); err != nil {
			d.t.Fatal(err)
		}
	})
}

func TestPortfolioFiltersByAdvisorInTeamMode(t *testing.T) {
	e := newTeamEnv(t)
	anna, bo := e.device("anna@example.se"), e.device("bo@example.se")
	anna.add("Svensson Bygg AB")
	anna.add("Almgrens Mekaniska AB")
	anna.sync()
	bo.sync()
	bo.edit("Almgrens", func(c *app.Company) { c.Contact.Name = "Per Almgren" })
	bo.add("Ekdahls Trä AB")

	all := bo.advisorRows()
	want := map[string][2]string{
		"Svensson Bygg AB":      {"Anna Berg", "Anna Berg"},
		"Almgrens Mekaniska AB": {"Anna Berg", "Bo Ek"},
		"Ekdahls Trä AB":        {"Bo Ek", "Bo Ek"},
	}
	for name, w := range want {
		if all[name] != w {
			t.Errorf("%s made/changed by %q, want %q", name, all[name], w)
		}
	}
	for advisor, names := range map[string][]string{
		"Anna Berg":       {"Almgrens Mekaniska AB", "Svensson Bygg AB"},
		"bo ek":           {"Almgrens Mekaniska AB", "Ekdahls Trä AB"},
		"Anna Berg,Bo Ek": {"Almgrens Mekaniska AB", "Ekdahls Trä AB", "Svensson Bygg AB"},
		"Cecilia Dahl":    nil,
	} {
		var got []string
		for name := range bo.advisorRows("--advisor", advisor) {
			got = append(got, name)
		}
		slices.Sort(got)
		if !slices.Equal(got, names) {
			t.Errorf("--advisor %q = %q, want %q", advisor, got, names)
		}
	}
}

func TestPortfolioWithoutServerNamesNoAdvisors(t *testing.T) {
	dd := demoFolder(t)
	out := string(runOK(t, append([]string{"portfolio", "--json"}, dd...)...))
	var doc struct {
		Rows []map[string]any `json:"rows"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Rows) != 3 {
		t.Fatalf("rows = %v (%v)", doc.Rows, err)
	}
	for _, r := range doc.Rows {
		if _, ok := r["created_by"]; ok {
			t.Errorf("a row names an advisor without a server: %v", r)
		}
	}
	if out := string(runOK(t, append([]string{"portfolio", "--json", "--advisor", "Anna Berg"}, dd...)...)); !json.Valid([]byte(out)) {
		t.Fatalf("not JSON: %s", out)
	}
}
