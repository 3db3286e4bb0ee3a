package ref

import (
	"net/url"
	"strings"
	"testing"
)

// Facts checked against the source report (issue 13, "Facts and citations").

// TestMedicalDeviceAdviceReachesLakemedelsverket: under the EU MDR, Swedish
// notified bodies for medical devices are designated and supervised by
// Läkemedelsverket, so the medtech advice must lead there, and the agency
// must not be offered for advice that has nothing to do with medical devices.
func TestMedicalDeviceAdviceReachesLakemedelsverket(t *testing.T) {
	d := MustLoad()
	lmv := d.Actor("lakemedelsverket")
	if lmv == nil {
		t.Fatal("Läkemedelsverket is not a support actor")
	}
	if lmv.URL != "https://www.lakemedelsverket.se" {
		t.Errorf("Läkemedelsverket URL %q", lmv.URL)
	}
	for _, r := range d.Recommendations {
		shares := sharesTag(r.Tags, lmv.Tags)
		if r.ID == "industry_medtech" && !shares {
			t.Errorf("the medtech advice shares no need tag with Läkemedelsverket: %v vs %v", r.Tags, lmv.Tags)
		}
		if r.ID != "industry_medtech" && shares {
			t.Errorf("%s would name Läkemedelsverket though it is not about medical devices", r.ID)
		}
	}
}

func sharesTag(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// TestActorsLinkToTheirOwnPages: each actor has its own page (the regional
// export centres are not Tillväxtverket's home page) and the chambers of
// commerce link to their joint site.
func TestActorsLinkToTheirOwnPages(t *testing.T) {
	d := MustLoad()
	seen := map[string]string{}
	for _, a := range d.Actors {
		u, err := url.Parse(a.URL)
		if err != nil || u.Scheme != "https" || u.Host == "" {
			t.Errorf("%s: URL %q is not an https address", a.ID, a.URL)
		}
		key := strings.TrimSuffix(u.Host+u.Path, "/")
		if other, ok := seen[key]; ok {
			t.Errorf("%s and %s link to the same page %s", other, a.ID, a.URL)
		}
		seen[key] = a.ID
	}
	if got := d.Actor("chambers_of_commerce").URL; got != "https://www.swedishchambers.se" {
		t.Errorf("chambers of commerce link to %q, want their joint site https://www.swedishchambers.se", got)
	}
}

// TestCitationsSayWhatTheReportSays pins citations that once named the wrong work.
func TestCitationsSayWhatTheReportSays(t *testing.T) {
	d := MustLoad()
	refsOf := func(what string, c Citation) string { return what + ": " + c.Refs + " / table " + c.Table }
	// M6: the field-survey example is Knight & Kim 2009: 261, not Liesch & Knight 1999.
	for _, c := range []Citation{d.Statement("M6").Citation, d.Recommendation("stmt_m6").Citation} {
		if !strings.Contains(c.Refs, "Knight & Kim 2009: 261") || strings.Contains(c.Refs, "Liesch") {
			t.Errorf("M6 %s", refsOf("cites", c))
		}
	}
	// O9: the report names the export manager without citing Bijmolt & Zwart.
	if c := d.Statement("O9").Citation; strings.Contains(c.Refs, "Bijmolt") {
		t.Errorf("O9 %s", refsOf("cites", c))
	}
	// I7: Table 2 argues that red tape is not the barrier, so it cannot back
	// a statement about knowing customs rules.
	for _, c := range []Citation{d.Statement("I7").Citation, d.Recommendation("stmt_i7").Citation} {
		if c.Table == "2" || strings.Contains(c.Refs, "SBA") {
			t.Errorf("I7 %s", refsOf("cites", c))
		}
	}
	// M8: the predictor of internationalisation is Manolova et al. 2002.
	for _, c := range []Citation{d.Statement("M8").Citation, d.Recommendation("stmt_m8").Citation} {
		if !strings.Contains(c.Refs, "Cavusgil & Naor 1987") || !strings.Contains(c.Refs, "Manolova et al. 2002") {
			t.Errorf("M8 %s", refsOf("cites", c))
		}
	}
	// Table 2 gives costs in USD, not per container.
	for _, tf := range d.Context.Trade {
		if strings.Contains(tf.Unit, "container") {
			t.Errorf("trade figure %s unit %q", tf.ID, tf.Unit)
		}
	}
}
