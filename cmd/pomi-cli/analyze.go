package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/locales"
)

func runAnalyze(args []string, out io.Writer) error {
	fs := newFlags("analyze", out)
	in := fs.String("in", "", "company file (interchange JSON)")
	asJSON := fs.Bool("json", false, "print JSON")
	langFlag(fs)
	date := fs.String("date", "", "analyze the assessment of this date (default: the latest)")
	dataFlags(fs)
	company := fs.Int64("company", 0, "analyze a stored company instead of a file")
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	if (*in == "") == (*company == 0) {
		return usageFailure("cli.error.analyze_source", map[string]any{"Command": "analyze"}, "analyze: --in FILE is required (or --company ID)")
	}
	doc, d, texts, err := loadForAnalysis(*in, fs, app.CompanyID(*company))
	if err != nil {
		return err
	}
	l := fs.loc() // the data folder, if one was opened, may have a saved language
	a, err := pickAssessment(doc.Assessments, *date)
	if err != nil {
		return inCompany(doc.Company.Name, err)
	}
	tr := app.WithTexts(l, texts[l.Lang()])
	e := app.Explain(d, &doc.Company, app.Analyze(d, &doc.Company, a), tr, l.Lang())
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(e)
	}
	return writeAnalysisText(out, e, l)
}

// loadForAnalysis reads the company from a file, or from the store with the
// organisation's own actors and recommendations and their texts by language.
func loadForAnalysis(file string, fs *cmdFlags, company app.CompanyID) (*app.Document, *ref.Data, map[string]map[string]string, error) {
	if file != "" {
		d, err := ref.Load()
		if err != nil {
			return nil, nil, nil, err
		}
		doc, err := readDocument(file, d)
		return doc, d, nil, err
	}
	ctx := context.Background()
	s, err := openStore(ctx, fs)
	if err != nil {
		return nil, nil, nil, err
	}
	defer s.Close()
	d, textsIn, err := s.Reference(ctx)
	if err != nil {
		return nil, nil, nil, err
	}
	texts := map[string]map[string]string{}
	for _, lang := range locales.Languages() {
		texts[lang] = textsIn(lang)
	}
	doc, err := s.ExportCompany(ctx, company, time.Now())
	return doc, d, texts, err
}

func readDocument(path string, d *ref.Data) (*app.Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, failure(err, "cli.error.open_file", map[string]any{"Path": path, "Reason": reasonOf(err)},
			fmt.Sprintf("open company file: %v", err))
	}
	defer f.Close()
	doc, err := app.Decode(f, d, time.Now())
	if err != nil {
		return nil, failure(err, "cli.error.company_file", map[string]any{"Path": path, "Problem": err},
			fmt.Sprintf("%s: %s", path, strings.ReplaceAll(err.Error(), "\n", "; ")))
	}
	return doc, nil
}

// pickAssessment returns the assessment of date, or the latest one.
func pickAssessment(as []app.Assessment, date string) (*app.Assessment, error) {
	a, _, err := app.SelectAssessment(as, date)
	return a, assessmentFailure(err)
}

// assessmentFailure says in the user's words that there is no assessment,
// or none of the date asked for; other errors it returns as they are.
func assessmentFailure(err error) error {
	var none *app.NoAssessmentError
	switch {
	case !errors.As(err, &none):
		return err
	case none.Date == "":
		return failure(nil, "cli.error.no_assessment", map[string]any{}, "the file has no assessment to analyze")
	}
	return failure(nil, "cli.error.no_assessment_dated", map[string]any{"Date": none.Date}, "no assessment dated "+none.Date)
}

// inCompany names the company in an error of pickAssessment.
func inCompany(name string, err error) error {
	var m *msgError
	if !errors.As(err, &m) {
		return fmt.Errorf("%s: %w", name, err)
	}
	data := map[string]any{"Company": name}
	for k, v := range m.data {
		data[k] = v
	}
	return failure(m.cause, m.id, data, name+": "+m.text)
}

// writeAnalysisText prints the analysis for a person to read.
func writeAnalysisText(out io.Writer, e *app.Explanation, l *locales.Localizer) error {
	w := &textWriter{out: out}
	w.heading(e.Company + " — " + dateText(e.Date, l))
	w.section(l.T("cli.summary"))
	for _, s := range e.Summary {
		w.line("  " + s)
	}
	w.section(l.T("cli.dimensions"))
	for _, dim := range ref.Dimensions {
		s := e.Dimensions[string(dim)]
		if !s.Assessed() {
			w.line(fmt.Sprintf("  %-45s %s", s.Name, l.T("cli.not_assessed")))
			continue
		}
		w.line(fmt.Sprintf("  %-45s %s", s.Name, l.Tf("cli.score_line", map[string]any{
			"Score": l.Number(*s.Score, 0), "Target": l.Number(s.Target, 0), "Gap": l.Number(*s.Gap, 0),
			"Answered": s.Answered, "Total": s.Total,
		})))
	}
	writeCompetencesText(w, e, l)
	if len(e.Barriers) > 0 {
		w.section(l.T("cli.barriers"))
		for _, b := range e.Barriers {
			w.line(fmt.Sprintf("  %d/3  %s", b.Weight, b.Name))
		}
	}
	writeRecommendationsText(w, e, l)
	w.section(l.T("cli.actions"))
	for i, a := range e.Actions {
		w.line(fmt.Sprintf("  %2d. %s", i+1, a.Title))
		w.line("      " + l.Tf("cli.action_line", map[string]any{
			"Owner": a.Owner, "Due": dateText(a.Due, l), "Priority": l.T("priority." + a.Priority + ".name"),
		}))
	}
	return w.err
}

func writeCompetencesText(w *textWriter, e *app.Explanation, l *locales.Localizer) {
	if len(e.RequiredCompetences) == 0 {
		return
	}
	w.section(l.T("cli.competences"))
	for _, c := range e.RequiredCompetences {
		modes := joinNamed(c.ModeNames)
		if c.Unrated {
			w.line(fmt.Sprintf("  %-45s %s", c.Name, l.Tf("cli.competence_unrated", map[string]any{"Modes": modes})))
			continue
		}
		w.line(fmt.Sprintf("  %-45s %s", c.Name, l.Tf("cli.competence_line", map[string]any{
			"Rating": *c.Rating, "Required": c.Required, "Gap": *c.Gap, "Modes": modes,
		})))
	}
}

func writeRecommendationsText(w *textWriter, e *app.Explanation, l *locales.Localizer) {
	w.section(l.T("cli.recommendations"))
	for i, r := range e.Recommendations {
		if i == 8 {
			break
		}
		w.line(fmt.Sprintf("  %d. %s", i+1, r.Title))
		w.line("     " + r.Body)
		w.line("     " + l.T("cli.why") + ": " + app.JoinReasons(r.Why))
		if len(r.Helpers) > 0 {
			names := make([]string, len(r.Helpers))
			for j, h := range r.Helpers {
				names[j] = h.Name + " (" + h.URL + ")"
			}
			w.line("     " + l.T("cli.help") + ": " + strings.Join(names, ", "))
		}
		w.line("     " + l.T("cli.source") + ": " + r.Source)
	}
}

func dateText(s string, l *locales.Localizer) string {
	t, err := validate.ParseDate(s)
	if err != nil {
		return s
	}
	return l.DateShort(t)
}

func joinNamed(ns []app.Named) string {
	names := make([]string, len(ns))
	for i, n := range ns {
		names[i] = n.Name
	}
	return strings.Join(names, ", ")
}

// textWriter writes lines and keeps the first error.
type textWriter struct {
	out io.Writer
	err error
}

func (w *textWriter) line(s string) {
	if w.err == nil {
		_, w.err = fmt.Fprintln(w.out, s)
	}
}

func (w *textWriter) heading(s string) { w.line(s); w.line(strings.Repeat("=", len([]rune(s)))) }

func (w *textWriter) section(s string) {
	w.line("")
	w.line(s)
	w.line(strings.Repeat("-", len([]rune(s))))
}
