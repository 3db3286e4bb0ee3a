package profile

// What the profile says about an invalid org.nr, in both languages, for
// docs/reliability.md.

import (
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
)

func TestAnInvalidOrgNrIsExplainedInBothLanguagesAndNotStored(t *testing.T) {
	for _, lang := range locales.Languages() {
		loc := locales.MustNew(lang)
		v, s, st, _ := onSession(t, lang, false, "Orgnr "+lang)
		e, note := v.Entries["org_nr"], v.Notes["org_nr"]
		e.SetText("556036-0793")
		for in, id := range map[string]string{
			"556036-079":    "error.orgnr_format",
			"55603607AB":    "error.orgnr_format",
			"556036-0794":   "error.orgnr_checksum",
			"16556036-0794": "error.orgnr_checksum",
		} {
			e.SetText(in)
			e.FocusLost() // the reason shows once the user leaves the field
			if want := loc.T(id); note.Text != want || e.Validate() == nil {
				t.Errorf("%s %q: the note says %q, want %q", lang, in, note.Text, want)
			}
		}
		if got := uitest.StoredCompany(t, s, st).OrgNr; got != "556036-0793" {
			t.Errorf("%s: stored org.nr %q, want the last valid one", lang, got)
		}
	}
}
