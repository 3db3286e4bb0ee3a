package store

import (
	"encoding/json"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// openWork is what a workspace holds on b: the company and its latest
// assessment as read, the base of its working copies.
func openWork(t *testing.T, s *Store, id app.CompanyID) (app.Work, app.AssessmentID) {
	t.Helper()
	c, err := s.Company(bg, id)
	must(t, err)
	list, err := s.Assessments(bg, id)
	must(t, err)
	latest := list[len(list)-1]
	return app.Work{Company: c.Company, Assessment: &latest.Assessment}, latest.ID
}

// copyWork deep-copies a work, as the session's snapshots are copies.
func copyWork(t *testing.T, w app.Work) app.Work {
	t.Helper()
	raw, err := json.Marshal(w)
	must(t, err)
	var out app.Work
	must(t, json.Unmarshal(raw, &out))
	return out
}

// openOnBWhileAMoves shares a's company with b, opens it on b (the base
// of b's working copies) and then moves it to Kungsbacka on a, not yet
// relayed to b.
func openOnBWhileAMoves(t *testing.T) (a *Store, aid app.CompanyID, b *Store, bid app.CompanyID, base app.Work, assessment app.AssessmentID) {
	t.Helper()
	a, b, aid = twoStores(t)
	relay(t, a.SyncStore(), b.SyncStore(), nil)
	bid = onlyCompany(t, b)
	base, assessment = openWork(t, b, bid)
	ca, err := a.Company(bg, aid)
	must(t, err)
	ca.Address.City = "Kungsbacka"
	must(t, a.UpdateCompany(bg, aid, &ca.Company))
	return a, aid, b, bid, base, assessment
}

// A company open on b while a's changes are pulled: b's save of its stale
// working copies keeps a's changes to other fields, of the profile and of
// the assessment's actions alike, and the two stores agree afterwards.
func TestSaveWorkOntoKeepsTheTeamsChangesToOtherFields(t *testing.T) {
	a, aid, b, bid, base, assessment := openOnBWhileAMoves(t)
	mine := copyWork(t, base)

	// a's colleague also changes the first action's status.
	la, err := a.Assessments(bg, aid)
	must(t, err)
	latest := la[len(la)-1]
	latest.Assessment.Actions[0].Status = "done"
	must(t, a.UpdateAssessment(bg, latest.ID, &latest.Assessment))
	relay(t, a.SyncStore(), b.SyncStore(), nil)

	// b's advisor meanwhile typed notes into the stale copies.
	mine.Company.Notes = "Ringde vd i morse."
	mine.Assessment.Notes = "Vill börja i Norge."
	_, err = b.SaveWorkOnto(bg, bid, &base, &mine.Company, assessment, mine.Assessment)
	must(t, err)

	got, err := b.Company(bg, bid)
	must(t, err)
	if got.Address.City != "Kungsbacka" || got.Notes != "Ringde vd i morse." {
		t.Errorf("city %q, notes %q: one side's change is lost", got.Address.City, got.Notes)
	}
	stored, err := b.Assessment(bg, assessment)
	must(t, err)
	if stored.Actions[0].Status != "done" || stored.Notes != "Vill börja i Norge." {
		t.Errorf("action status %q, notes %q: one side's change is lost", stored.Actions[0].Status, stored.Notes)
	}
	if n, err := b.SyncStore().ConflictCount(bg); err != nil || n != 0 {
		t.Errorf("%d conflicts (%v), want none: the sides changed different fields", n, err)
	}
	relay(t, b.SyncStore(), a.SyncStore(), nil)
	assertSameWork(t, a, aid, b, bid)
}

// Both sides changed the same field: the advisor's value is saved, and the
// colleague's is kept as an open conflict for the conflict view, not lost.
func TestSaveWorkOntoKeepsASameFieldChangeAsConflict(t *testing.T) {
	a, _, b, bid, base, assessment := openOnBWhileAMoves(t)
	mine := copyWork(t, base)
	relay(t, a.SyncStore(), b.SyncStore(), nil)

	mine.Company.Address.City = "Mölndal"
	_, err := b.SaveWorkOnto(bg, bid, &base, &mine.Company, assessment, mine.Assessment)
	must(t, err)
	got, err := b.Company(bg, bid)
	must(t, err)
	if got.Address.City != "Mölndal" {
		t.Errorf("city %q, want the advisor's Mölndal", got.Address.City)
	}
	gid, err := b.SyncStore().GlobalID(bg, wire.KindCompany, int64(bid))
	must(t, err)
	cs, err := b.SyncStore().Conflicts(bg, gid)
	must(t, err)
	if len(cs) != 1 || cs[0].Pointer() != "/address/city" || string(cs[0].Remote) != `"Kungsbacka"` || string(cs[0].Local) != `"Mölndal"` {
		t.Fatalf("conflicts %+v, want /address/city Mölndal against Kungsbacka", cs)
	}
	// Choosing the colleague's value in the conflict view brings it back.
	must(t, b.SyncStore().Resolve(bg, gid, []merge.Side{merge.Remote}))
	if got, _ = b.Company(bg, bid); got.Address.City != "Kungsbacka" {
		t.Errorf("after choosing theirs the city is %q", got.Address.City)
	}
}

// Without a change in between, saving onto the base is a plain save, and a
// later save of the same session carries on from what it saved last.
func TestSaveWorkOntoWithoutTeamChangesSavesTheCopies(t *testing.T) {
	a, _, aid := twoStores(t)
	base, assessment := openWork(t, a, aid)
	mine := copyWork(t, base)
	mine.Company.Notes = "Första anteckningen."
	_, err := a.SaveWorkOnto(bg, aid, &base, &mine.Company, assessment, mine.Assessment)
	must(t, err)
	next := copyWork(t, mine)
	next.Company.Notes = ""
	next.Assessment.Notes = "Andra."
	_, err = a.SaveWorkOnto(bg, aid, &mine, &next.Company, assessment, next.Assessment)
	must(t, err)
	got, err := a.Company(bg, aid)
	must(t, err)
	stored, err := a.Assessment(bg, assessment)
	must(t, err)
	if got.Notes != "" || stored.Notes != "Andra." {
		t.Errorf("notes %q and %q: the second save was not taken as is", got.Notes, stored.Notes)
	}
}
