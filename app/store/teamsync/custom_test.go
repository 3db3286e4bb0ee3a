package teamsync

import (
	"bytes"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/teamtest"
)

func ownActor() *app.CustomActor {
	return &app.CustomActor{
		Actor:  ref.Actor{ID: "org_almi_jonkoping", URL: "https://www.almi.se/jonkoping", Tags: []string{"advice", "funding"}},
		Names:  map[string]string{"sv": "Almi Jönköping – Karin Ek", "en": "Almi Jönköping – Karin Ek"},
		Offers: map[string]string{"sv": "Din rådgivare på Almi i Jönköping."},
	}
}

func ownRecommendation() *app.CustomRecommendation {
	return &app.CustomRecommendation{
		Recommendation: ref.Recommendation{ID: "org_exportcheck", Kind: ref.KindBarrier, Trigger: "managerial_time",
			Dimension: ref.Organizational, Side: ref.SideAgency, Owner: "ceo", Horizon: ref.Horizon0to3, Tags: []string{"advice"}},
		Titles: map[string]string{"sv": "Boka en exportcheck hos oss", "en": "Book an export check with us"},
		Bodies: map[string]string{"sv": "Två timmar med en rådgivare."},
	}
}

// actor returns d's own actor with id, nil when it has none.
func (d *device) actor(id string) *app.CustomActor {
	d.t.Helper()
	list, err := d.s.CustomActors(bg)
	must(d.t, err)
	for i := range list {
		if list[i].ID == id {
			return &list[i]
		}
	}
	return nil
}

func (d *device) recommendations() []app.CustomRecommendation {
	d.t.Helper()
	list, err := d.s.CustomRecommendations(bg)
	must(d.t, err)
	return list
}

func (d *device) settings() *app.Settings {
	d.t.Helper()
	st, err := d.s.Settings(bg)
	must(d.t, err)
	return st
}

func (d *device) saveSettings(change func(*app.Settings)) {
	d.t.Helper()
	st := d.settings()
	change(st)
	must(d.t, d.s.SaveSettings(bg, st))
}

func TestOwnActorsRecommendationsAndBrandingSync(t *testing.T) {
	srv := teamtest.NewServer(t)
	anna, bo := newDevice(t, srv, "anna@example.se"), newDevice(t, srv, "bo@example.se")
	logo := bytes.Repeat([]byte{0x89, 'P', 'N', 'G', 0, 0xff}, 1000)
	must(t, anna.s.SaveCustomActor(bg, ownActor()))
	must(t, anna.s.SaveCustomRecommendation(bg, ownRecommendation()))
	anna.saveSettings(func(st *app.Settings) {
		st.Branding = app.Branding{Organisation: "Rådgivarna AB", PrimaryColor: "#1f5f8b", Logo: logo,
			AdvisorName: "Anna Berg", AdvisorEmail: "anna@example.se"}
	})
	bo.saveSettings(func(st *app.Settings) { st.Branding.AdvisorName, st.ReportLanguage = "Bo Ek", "en" })
	anna.sync()
	bo.sync()

	if a := bo.actor("org_almi_jonkoping"); a == nil || a.URL != ownActor().URL || a.Names["sv"] != ownActor().Names["sv"] {
		t.Fatalf("bo's own actor = %+v", a)
	}
	if rs := bo.recommendations(); len(rs) != 1 || rs[0].Titles["en"] != "Book an export check with us" || rs[0].Trigger != "managerial_time" {
		t.Fatalf("bo's own recommendations = %+v", rs)
	}
	b := bo.settings()
	if b.Branding.Organisation != "Rådgivarna AB" || b.Branding.PrimaryColor != "#1f5f8b" || !bytes.Equal(b.Branding.Logo, logo) {
		t.Errorf("bo's branding = %+v (logo %d bytes)", b.Branding, len(b.Branding.Logo))
	}
	if b.Branding.AdvisorName != "Bo Ek" || b.Branding.AdvisorEmail != "" || b.ReportLanguage != "en" {
		t.Errorf("bo's own settings were taken: %+v", b)
	}
	if _, _, err := bo.s.Reference(bg); err != nil {
		t.Errorf("bo's reference data with the pulled own items: %v", err)
	}
	if n, err := bo.x.PendingCount(bg); err != nil || n != 0 {
		t.Errorf("bo has %d changes pending after pulling (%v)", n, err)
	}

	// Different fields changed on both computers at once merge.
	anna.saveSettings(func(st *app.Settings) { st.Branding.PrimaryColor = "#aa3300" })
	bo.saveSettings(func(st *app.Settings) { st.Branding.FooterText = "Rådgivarna AB, Storgatan 1, Jönköping" })
	a := ownActor()
	a.URL = "https://www.almi.se/jonkoping/export"
	must(t, anna.s.SaveCustomActor(bg, a))
	a = bo.actor("org_almi_jonkoping")
	a.Offers["en"] = "Your advisor at Almi in Jönköping."
	must(t, bo.s.SaveCustomActor(bg, a))
	anna.sync()
	st := bo.sync()
	anna.sync()
	if st.Conflicts != 0 || st.Merged == 0 {
		t.Errorf("bo's round = %+v, want a merge without conflicts", st)
	}
	for _, d := range []*device{anna, bo} {
		br := d.settings().Branding
		if br.PrimaryColor != "#aa3300" || br.FooterText != "Rådgivarna AB, Storgatan 1, Jönköping" || !bytes.Equal(br.Logo, logo) {
			t.Errorf("merged branding = %+v", br)
		}
		a := d.actor("org_almi_jonkoping")
		if a == nil || a.URL != "https://www.almi.se/jonkoping/export" || a.Offers["en"] != "Your advisor at Almi in Jönköping." ||
			a.Offers["sv"] != "Din rådgivare på Almi i Jönköping." {
			t.Errorf("merged actor = %+v", a)
		}
	}

	// Deletions propagate; the logo removed on one computer goes on the other.
	must(t, bo.s.DeleteCustomRecommendation(bg, "org_exportcheck"))
	must(t, anna.s.DeleteCustomActor(bg, "org_almi_jonkoping"))
	anna.saveSettings(func(st *app.Settings) { st.Branding.Logo = nil })
	bo.sync()
	anna.sync()
	bo.sync()
	for name, d := range map[string]*device{"anna": anna, "bo": bo} {
		if rs := d.recommendations(); len(rs) != 0 {
			t.Errorf("%s still has own recommendations %+v", name, rs)
		}
		if a := d.actor("org_almi_jonkoping"); a != nil {
			t.Errorf("%s still has the own actor %+v", name, a)
		}
		if br := d.settings().Branding; br.Logo != nil || br.PrimaryColor != "#aa3300" {
			t.Errorf("%s's branding after the logo was removed = %+v", name, br)
		}
	}

	// An own item made again after its deletion is a new record.
	must(t, bo.s.SaveCustomActor(bg, ownActor()))
	bo.sync()
	anna.sync()
	if a := anna.actor("org_almi_jonkoping"); a == nil || a.URL != ownActor().URL {
		t.Errorf("the actor made again = %+v", a)
	}
}

func TestAnOwnActorMadeOnTwoComputersWithOneIDEndsTheSameOnBoth(t *testing.T) {
	srv := teamtest.NewServer(t)
	anna, bo := newDevice(t, srv, "anna@example.se"), newDevice(t, srv, "bo@example.se")
	a := ownActor()
	must(t, anna.s.SaveCustomActor(bg, a))
	a.URL = "https://www.almi.se/jonkoping/bo"
	must(t, bo.s.SaveCustomActor(bg, a))
	for range 2 {
		anna.sync()
		bo.sync()
	}
	x, y := anna.actor("org_almi_jonkoping"), bo.actor("org_almi_jonkoping")
	if x == nil || y == nil || x.URL != y.URL {
		t.Fatalf("anna's actor %+v, bo's %+v", x, y)
	}
	for name, d := range map[string]*device{"anna": anna, "bo": bo} {
		if n, err := d.x.PendingCount(bg); err != nil || n != 0 {
			t.Errorf("%s has %d changes pending (%v)", name, n, err)
		}
		if _, _, err := d.s.Reference(bg); err != nil {
			t.Errorf("%s's reference data: %v", name, err)
		}
	}
	// The computers keep editing the one row they agree on.
	a = bo.actor("org_almi_jonkoping")
	a.Offers["en"] = "Ask for Karin."
	must(t, bo.s.SaveCustomActor(bg, a))
	bo.sync()
	anna.sync()
	if got := anna.actor("org_almi_jonkoping"); got == nil || got.Offers["en"] != "Ask for Karin." {
		t.Errorf("bo's later edit on anna's computer = %+v", got)
	}
}
