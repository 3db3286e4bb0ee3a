package locales

import (
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/ref"
)

// Texts checked against the source report (issue 13, "Facts and citations").

// reportHeadings are the source report's own section headings (its body is
// in English); a citation quotes one of them, in both languages.
var reportHeadings = []string{
	"Introduction", "Barriers for SME internationalization",
	"Processes and patterns of SME internationalization", "Gradual SME internationalization",
	"Importing as antecedent to exporting", "Important factors for SME internationalization",
	"Internationalization competences", "Personal international orientation", "International experience",
	"Cross-cultural competence", "Identifying international business opportunities", "International orientation",
	"Organizational capabilities and resources", "International innovativeness", "International marketing skills",
	"Market knowledge", "International market orientation", "Perceptions of the environment",
	"Institutional knowledge", "Does the same internationalization approach suit all SMEs?",
	"Industry differences", "Competence development", "Conclusions",
	"Relevant aspects related to export policy", "Standardized versus customized services",
	"Indirect internationalization", "Access to information", "Implications for practitioners",
}

func TestQuotedSectionNamesAreTheReportsHeadings(t *testing.T) {
	d := ref.MustLoad()
	var sections []string
	add := func(c ref.Citation) {
		if c.Section != "" {
			sections = append(sections, c.Section)
		}
	}
	for _, s := range d.Statements {
		add(s.Citation)
	}
	for _, r := range d.Recommendations {
		add(r.Citation)
	}
	for _, m := range d.EntryModes {
		add(m.Citation)
	}
	for _, c := range d.Checklist {
		add(c.Citation)
	}
	for _, lang := range Languages() {
		l := MustNew(lang)
		for _, id := range sections {
			name := l.T(ref.SectionName(id))
			found := false
			for _, h := range reportHeadings {
				found = found || h == name
			}
			if !found {
				t.Errorf("%s: section %s is quoted as %q, which is not a heading of the report", lang, id, name)
			}
		}
	}
}

func TestFactTextsFollowTheSource(t *testing.T) {
	for _, lang := range Languages() {
		l := MustNew(lang)
		has := func(id string, want ...string) {
			t.Helper()
			for _, w := range want {
				if !strings.Contains(l.T(id), w) {
					t.Errorf("%s %s lacks %q: %q", lang, id, w, l.T(id))
				}
			}
		}
		hasNot := func(id string, bad ...string) {
			t.Helper()
			for _, b := range bad {
				if strings.Contains(strings.ToLower(l.T(id)), strings.ToLower(b)) {
					t.Errorf("%s %s says %q: %q", lang, id, b, l.T(id))
				}
			}
		}
		// Medtech: notified bodies are designated and supervised by Läkemedelsverket.
		has("rec.industry_medtech.body", "Läkemedelsverket", "MDR")
		hasNot("rec.industry_medtech.body", "Swedac")
		has("actor.lakemedelsverket.name", "Läkemedelsverket")
		has("actor.lakemedelsverket.offer", "Box 26, 751 03 Uppsala", "Dag Hammarskjölds väg 42")
		// P5: 27 % "had a multilingual export strategy" (Bel Habib 2010).
		has("statement.P5.why", "27")
		hasNot("statement.P5.why", "work in several languages", "arbetar på flera språk")
		hasNot("rec.stmt_p5.body", "plan for languages", "plan för språk")
		// M8: the report says exporters perceive less risk (Cavusgil & Naor
		// 1987), not that those who can judge risks see them as smaller.
		hasNot("statement.M8.why", "can judge the risks", "kan bedöma riskerna")
		hasNot("rec.stmt_m8.body", "know their risks", "känner sina risker")
		// Table 2 gives costs in USD, with no container.
		for _, id := range []string{"trade.import_cost.name", "trade.export_cost.name"} {
			has(id, "USD")
			hasNot(id, "container")
		}
		// Table 1: the export figures are for 2006, its share of all companies for 2004/05.
		has("report.method.benchmark", "2006", "2004/05")
		has("report.benchmark.source", "2004/05")
	}
}
