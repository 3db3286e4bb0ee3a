package store

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store/datadir"
	"github.com/pomi-planner/pomi/server/wire"
)

// pendingKinds returns the kinds of the pending changes, with the
// organisation's own items' company and the branding's id checked.
func pendingKinds(t *testing.T, x *SyncStore) map[wire.Kind]wire.PushRecord {
	t.Helper()
	p, err := x.Pending(context.Background(), 100)
	must(t, err)
	out := map[wire.Kind]wire.PushRecord{}
	for _, r := range p {
		out[r.Kind] = r
	}
	return out
}

func TestOwnItemsAndBrandingStoredBeforeAreSentAfterTheUpgrade(t *testing.T) {
	dir := t.TempDir()
	old := createAtVersion(t, filepath.Join(dir, datadir.DatabaseName), 4)
	_, err := old.Exec(`INSERT INTO custom_actors (id, data, texts) VALUES
			('org_almi', '{"id":"org_almi","url":"https://www.almi.se","tags":["advice"]}', '{"names":{"sv":"Almi"},"offers":{}}');
		INSERT INTO settings (key, value) VALUES ('settings', '{"branding":{"organisation":"Rådgivarna AB","advisor_name":"Anna Berg"}}')`)
	must(t, err)
	old.Close()
	s, err := Open(context.Background(), dir)
	must(t, err)
	t.Cleanup(func() { s.Close() })
	got := pendingKinds(t, s.SyncStore())
	a, b := got[wire.KindActor], got[wire.KindBranding]
	if len(got) != 2 || a.Company != "" || b.ID != wire.BrandingID || b.Company != "" {
		t.Fatalf("pending after the upgrade = %+v", got)
	}
	var actor map[string]any
	must(t, json.Unmarshal(a.Doc, &actor))
	if actor["id"] != "org_almi" || actor["names"].(map[string]any)["sv"] != "Almi" {
		t.Errorf("actor document %s", a.Doc)
	}
	if string(b.Doc) != `{"organisation":"Rådgivarna AB"}` {
		t.Errorf("branding document %s: the advisor's own name must not travel", b.Doc)
	}
}

func TestUnbrandedComputerSendsNoBranding(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	must(t, s.SaveSettings(ctx, &app.Settings{ReportLanguage: "en", Branding: app.Branding{AdvisorName: "Bo Ek"}}))
	if got := pendingKinds(t, s.SyncStore()); len(got) != 0 {
		t.Errorf("pending = %+v", got)
	}
	must(t, s.SaveSettings(ctx, &app.Settings{Branding: app.Branding{PrimaryColor: "#123456", Logo: []byte{1, 2, 3}}}))
	b := pendingKinds(t, s.SyncStore())[wire.KindBranding]
	if string(b.Doc) != `{"logo":"AQID","primary_color":"#123456"}` {
		t.Errorf("branding document %s", b.Doc)
	}
}

func TestALargeLogoIsPushedAlone(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	must(t, s.SaveSettings(ctx, &app.Settings{Branding: app.Branding{Logo: make([]byte, 5<<20)}}))
	_, err := s.CreateCompany(ctx, &app.Company{Name: "Svensson Bygg AB"})
	must(t, err)
	x := s.SyncStore()
	first, err := x.Pending(ctx, 100)
	must(t, err)
	if len(first) != 1 {
		t.Fatalf("first push holds %d changes, want 1", len(first))
	}
	must(t, x.Applied(ctx, first[0], 1))
	second, err := x.Pending(ctx, 100)
	must(t, err)
	if len(second) != 1 || second[0].Kind == first[0].Kind {
		t.Errorf("second push = %d changes", len(second))
	}
}
