package ref

import (
	"regexp"
	"strings"
	"testing"
)

func TestCitedWorksNamesEachWorkOnceWithoutPages(t *testing.T) {
	got := CitedWorks(
		Citation{Refs: "Unlisted 2001: 264; Another 2006: 94"},
		Citation{Refs: "Unlisted 2001: 265"},
		Citation{Table: "11"},
	)
	if strings.Join(got, "|") != "Another 2006|Unlisted 2001" {
		t.Errorf("CitedWorks = %q", got)
	}
}

func TestCitedWorksGivesTheFullReference(t *testing.T) {
	got := CitedWorks(Citation{Refs: "Johnson et al. 2006: 530"}, Citation{Refs: "Johnson, Lenartowicz & Apud 2006"})
	want := "Johnson, J. P., Lenartowicz, T. & Apud, S. (2006). Cross-cultural competence in international business: " +
		"toward a definition and a model. Journal of International Business Studies 37(4), 525–543."
	if len(got) != 1 || got[0] != want {
		t.Errorf("CitedWorks = %q, want one full reference %q", got, want)
	}
}

// unverifiedWorks are cited works whose full reference could not yet be
// checked against the report's own reference list (the source text here
// ends before it): they print as the citation writes them. Issue 13 wants
// every one full; this list may only shrink.
var unverifiedWorks = map[string]bool{
	"Bel Habib 2010":                        true,
	"Laurell, Achtenhagen & Andersson 2010": true, "Achtenhagen, Andersson & Laurell 2011": true,
	"Chaudhry & Crick 2002": true, "Crick & Czinkota 1994": true,
	"Evers 2010, 2011": true,
}

var (
	pagesPattern = regexp.MustCompile(`^\d+(–\d+)?$`)
	yearPattern  = regexp.MustCompile(`\d{4}`) // a citation without one is "forthcoming"
)

// TestEveryCitedWorkHasAFullReference: every work a citation in the data
// names has authors, year, title, and a journal with pages or a publisher.
func TestEveryCitedWorkHasAFullReference(t *testing.T) {
	cs := MustLoad().Citations()
	for _, key := range citedKeys(cs...) {
		if _, ok := Bibliography[key]; !ok && !unverifiedWorks[key] {
			t.Errorf("%q is cited but has no full reference", key)
		}
	}
	for key, w := range Bibliography {
		if unverifiedWorks[key] {
			t.Errorf("%q has a full reference now: take it off unverifiedWorks", key)
		}
		if w.Authors == "" || w.Title == "" || !regexp.MustCompile(`^\d{4}$`).MatchString(w.Year) {
			t.Errorf("%q: authors %q, year %q, title %q", key, w.Authors, w.Year, w.Title)
		}
		if yearPattern.MatchString(key) && !strings.Contains(key, w.Year) {
			t.Errorf("%q: year %s differs from the citation", key, w.Year)
		}
		switch {
		case w.Journal != "":
			if !pagesPattern.MatchString(w.Pages) {
				t.Errorf("%q: an article needs its pages, got %q", key, w.Pages)
			}
		case w.Publisher == "":
			t.Errorf("%q: neither journal nor publisher", key)
		case w.InBook != "" && !pagesPattern.MatchString(w.Pages):
			t.Errorf("%q: a chapter needs its pages, got %q", key, w.Pages)
		}
	}
}
