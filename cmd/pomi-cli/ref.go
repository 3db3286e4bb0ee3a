package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

// refModeOut is an entry mode in `ref --json`: ids first, then words.
type refModeOut struct {
	ID              string       `json:"id"`
	Competences     []string     `json:"competences"`
	Source          string       `json:"source"`
	Name            string       `json:"name"`
	Description     string       `json:"description"`
	Basis           string       `json:"basis,omitempty"`
	CompetenceNames []string     `json:"competence_names"`
	Citation        ref.Citation `json:"citation"`
}

type refItemOut struct {
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Text      string        `json:"text,omitempty"`
	Dimension ref.Dimension `json:"dimension,omitempty"`
	Rank      int           `json:"rank,omitempty"`
	URL       string        `json:"url,omitempty"`
	Tags      []string      `json:"tags,omitempty"`
	Citation  *ref.Citation `json:"citation,omitempty"`
}

type refOut struct {
	Language        string                 `json:"language"`
	Version         int                    `json:"version"`
	Dimensions      []refItemOut           `json:"dimensions"`
	EntryModes      []refModeOut           `json:"entry_modes"`
	Competences     []refItemOut           `json:"competences"`
	Statements      []refItemOut           `json:"statements"`
	Barriers        []refItemOut           `json:"barriers"`
	Recommendations []refRecommendationOut `json:"recommendations"`
	Actors          []refItemOut           `json:"actors"`
	Checklist       []refItemOut           `json:"checklist"`
	Context         ref.ContextFigures     `json:"context"`
}

type refRecommendationOut struct {
	ref.Recommendation
	Title string `json:"title"`
	Body  string `json:"body"`
}

func runRef(args []string, out io.Writer) error {
	fs := newFlags("ref", out)
	asJSON := fs.Bool("json", false, "print JSON")
	langFlag(fs)
	l, err := fs.parseLocalized(args)
	if err != nil {
		return err
	}
	d, err := ref.Load()
	if err != nil {
		return err
	}
	doc := buildRef(d, l)
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	return writeRefText(out, doc, l)
}

func buildRef(d *ref.Data, l *locales.Localizer) *refOut {
	o := &refOut{Language: l.Lang(), Version: d.Version, Context: d.Context}
	for _, dim := range ref.Dimensions {
		o.Dimensions = append(o.Dimensions, refItemOut{ID: string(dim), Name: l.T(ref.DimensionName(dim)), Text: l.T(ref.DimensionDesc(dim))})
	}
	for _, m := range d.EntryModes {
		mo := refModeOut{ID: m.ID, Competences: m.Competences, Source: m.Source, Name: l.T(ref.ModeName(m.ID)),
			Description: l.T(ref.ModeDesc(m.ID)), Citation: m.Citation}
		if m.Source == ref.SourceProject {
			mo.Basis = l.T(ref.ModeBasis(m.ID))
		}
		for _, c := range m.Competences {
			mo.CompetenceNames = append(mo.CompetenceNames, l.T(ref.CompetenceName(c)))
		}
		o.EntryModes = append(o.EntryModes, mo)
	}
	for _, c := range d.Competences {
		o.Competences = append(o.Competences, refItemOut{ID: c.ID, Name: l.T(ref.CompetenceName(c.ID)),
			Text: l.T(ref.CompetenceWhy(c.ID)), Dimension: c.Dimension, Citation: &c.Citation})
	}
	for _, s := range d.Statements {
		o.Statements = append(o.Statements, refItemOut{ID: s.ID, Name: l.T(ref.StatementText(s.ID)),
			Text: l.T(ref.StatementWhy(s.ID)), Dimension: s.Dimension, Citation: &s.Citation})
	}
	for _, b := range d.Barriers {
		o.Barriers = append(o.Barriers, refItemOut{ID: b.ID, Name: l.T(ref.BarrierName(b.ID)), Rank: b.Rank, Tags: b.Tags})
	}
	for _, r := range d.Recommendations {
		o.Recommendations = append(o.Recommendations, refRecommendationOut{r, l.T(ref.RecommendationTitle(r.ID)), l.T(ref.RecommendationBody(r.ID))})
	}
	for _, a := range d.Actors {
		o.Actors = append(o.Actors, refItemOut{ID: a.ID, Name: l.T(ref.ActorName(a.ID)), Text: l.T(ref.ActorOffer(a.ID)), URL: a.URL, Tags: a.Tags})
	}
	for _, c := range d.Checklist {
		o.Checklist = append(o.Checklist, refItemOut{ID: c.ID, Name: l.T(ref.ChecklistName(c.ID)), Citation: &c.Citation})
	}
	return o
}

// writeRefText prints the entry modes and their competences, Table 11 first.
func writeRefText(out io.Writer, doc *refOut, l *locales.Localizer) error {
	fmt.Fprintln(out, l.T("window.modes.heading"))
	for _, m := range doc.EntryModes {
		note := l.T("window.modes.katwalo")
		if m.Source == ref.SourceProject {
			note = m.Basis
		}
		fmt.Fprintf(out, "\n%s — %s\n  %s\n", m.Name, m.Description, note)
		for _, c := range m.CompetenceNames {
			fmt.Fprintf(out, "  • %s\n", c)
		}
	}
	return nil
}
