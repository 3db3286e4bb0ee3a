package team

import (
	"bytes"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/internal/uitest"
)

func (d *device) brand(change func(*app.Branding)) {
	d.t.Helper()
	st, err := d.st.Settings(bg)
	if err != nil {
		d.t.Fatal(err)
	}
	change(&st.Branding)
	if err := d.st.SaveSettings(bg, st); err != nil {
		d.t.Fatal(err)
	}
}

func TestBrandingConflictsAreShownAndResolved(t *testing.T) {
	_, anna, bo := twoAdvisors(t)
	annaLogo, boLogo := bytes.Repeat([]byte{1}, 3000), bytes.Repeat([]byte{2}, 5000)
	anna.brand(func(b *app.Branding) { b.Organisation, b.Logo = "Rådgivarna AB", annaLogo })
	bo.brand(func(b *app.Branding) {
		b.Organisation, b.Logo, b.FooterText = "Rådgivarna i Väst AB", boLogo, "Storgatan 1"
	})
	anna.svc.SyncNow()
	bo.svc.SyncNow()
	var v *ConflictView
	bo.svc.ShowConflicts(bo.win, bo.st, bo.loc, func(cv *ConflictView) { v = cv })
	if v == nil || len(v.Records) != 1 || len(v.Records[0].Conflicts) != 2 {
		t.Fatalf("conflict view: %+v", v)
	}
	overlay := bo.win.Canvas().Overlays().Top()
	for _, want := range []string{"Profil i planerna", "Organisation", "Rådgivarna i Väst AB", "Rådgivarna AB",
		"Logotyp", "Logotyp (5 kB)", "Logotyp (3 kB)"} {
		if !uitest.ContainsText(overlay, want) {
			t.Errorf("the conflict view lacks %q: %q", want, uitest.AllTexts(overlay))
		}
	}
	for _, p := range v.Choices[0] {
		p.Theirs.SetSelected(p.Theirs.Options[0])
	}
	test.Tap(v.Apply)
	st, err := bo.st.Settings(bg)
	if err != nil || st.Branding.Organisation != "Rådgivarna AB" || !bytes.Equal(st.Branding.Logo, annaLogo) ||
		st.Branding.FooterText != "Storgatan 1" {
		t.Fatalf("bo's branding after taking the server's version: %+v %v", st.Branding, err)
	}
	bo.svc.SyncNow()
	anna.svc.SyncNow()
	st, err = anna.st.Settings(bg)
	if err != nil || st.Branding.Organisation != "Rådgivarna AB" || st.Branding.FooterText != "Storgatan 1" {
		t.Errorf("anna's branding after bo's choice: %+v %v", st.Branding, err)
	}
}
