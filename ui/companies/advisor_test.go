package companies

import (
	"context"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/server/wire"
)

// attribute gives the company named name the authors the server would
// name in a pull, through the store's own sync.
func attribute(t *testing.T, s *store.Store, name string, created, changed int64) {
	t.Helper()
	ctx := context.Background()
	list, _, err := s.ListCompanies(ctx, app.ListQuery{Search: name})
	if err != nil || len(list) != 1 {
		t.Fatalf("%d companies named %s (%v)", len(list), name, err)
	}
	x := s.SyncStore()
	gid, err := x.GlobalID(ctx, wire.KindCompany, int64(list[0].ID))
	if err != nil {
		t.Fatal(err)
	}
	page := wire.PullResponse{Advisor: 1, Advisors: map[int64]string{1: "Anna Berg", 2: "Bo Ek"},
		Changes: []wire.Record{{ID: gid, Kind: wire.KindCompany, Version: 1, CreatedBy: created, ChangedBy: changed, ChangedAt: time.Now()}}}
	if err := x.Attribute(ctx, page); err != nil {
		t.Fatal(err)
	}
}

func TestTheAdvisorFilterShowsOnlyInTeamMode(t *testing.T) {
	scr, st, _ := onStore(t, "en")
	scr.LoadExamples()
	if scr.filters.advisorBox.Visible() {
		t.Fatal("the advisor filter shows without a team server")
	}
	attribute(t, st, "Möllevångens", 2, 2)
	attribute(t, st, "Holavedens", 1, 2)
	scr.Reload()
	if !scr.filters.advisorBox.Visible() {
		t.Fatal("the advisor filter is hidden although companies name advisors")
	}
	sel := scr.filters.advisor.sel
	if got := sel.Options; len(got) != 3 || got[0] != "All advisors" || got[1] != "Anna Berg" || got[2] != "Bo Ek" {
		t.Fatalf("advisor options = %q", got)
	}
	sel.SetSelected("Anna Berg")
	if rows := scr.Rows(); len(rows) != 1 || rows[0].CreatedBy != "Anna Berg" {
		t.Errorf("Anna Berg's companies = %+v", rows)
	}
	sel.SetSelected("Bo Ek")
	if rows := scr.Rows(); len(rows) != 2 {
		t.Errorf("Bo Ek handles %d companies, want 2", len(rows))
	}
	if f := scr.Filter(); len(f.Advisors) != 1 || f.Advisors[0] != "Bo Ek" || scr.filters.clear.Disabled() {
		t.Errorf("filter = %+v, clear disabled %v", f, scr.filters.clear.Disabled())
	}
	scr.filters.reset()
	if len(scr.Rows()) != 3 || sel.SelectedIndex() != 0 {
		t.Errorf("after clearing: %d rows, advisor choice %d", len(scr.Rows()), sel.SelectedIndex())
	}
}
