package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/validate"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// listFlag is a flag that may be given several times or as a
// comma-separated list: --stage trial,evaluation --stage acceptance.
type listFlag []string

func (f *listFlag) String() string { return strings.Join(*f, ",") }

func (f *listFlag) Set(v string) error {
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*f = append(*f, part)
		}
	}
	return nil
}

// portfolioFlags is what pomi-cli portfolio was asked for.
type portfolioFlags struct {
	stages, industries, sizes, counties, modes listFlag
	advisors                                   listFlag
	due, overdue                               *bool
	search, sort                               *string
	desc, asJSON                               *bool
	csv, xlsx, pdf, paper                      *string
	followUp, insights, named                  *bool
	from, to, today                            *string
}

// registerPortfolio registers the portfolio command's own flags.
func registerPortfolio(fs *cmdFlags) *portfolioFlags {
	p := &portfolioFlags{}
	fs.Var(&p.stages, "stage", "export stage: "+strings.Join(ref.ExportStages, ", ")+" (several: comma-separated)")
	fs.Var(&p.industries, "industry", "industry, as written in the profiles (several: comma-separated)")
	fs.Var(&p.sizes, "size", "size class: "+strings.Join(ref.SizeClasses, ", ")+" (several: comma-separated)")
	fs.Var(&p.counties, "county", "county (län letter code, e.g. F or AB; several: comma-separated)")
	fs.Var(&p.modes, "mode", "entry mode id of the latest assessment (pomi-cli ref lists them; several: comma-separated)")
	fs.Var(&p.advisors, "advisor", "in team mode: only companies this advisor made or last changed, by name (several: comma-separated)")
	p.due = fs.Bool("due", false, "only companies whose follow-up is past or within 30 days")
	p.overdue = fs.Bool("overdue", false, "only companies with overdue actions")
	p.search = fs.String("search", "", "words that name, org.nr or city start with")
	p.sort = fs.String("sort", string(portfolio.ColName), "sort by this column: "+columnList())
	p.desc = fs.Bool("desc", false, "sort descending")
	p.asJSON = fs.Bool("json", false, "print JSON")
	p.csv = fs.String("csv", "", "also save the table as CSV (UTF-8 with BOM, comma-separated) to this file")
	p.xlsx = fs.String("xlsx", "", "also save an Excel workbook to this file: the anonymised insights, with --named also the companies, assessments and actions"+
		" (in --lang, else the saved report language, else pomi-cli's)")
	p.pdf = fs.String("pdf", "", "also save the portfolio report as a PDF to this file: the anonymised insights, with --named the figures as they are and the companies"+
		" (in --lang, else the saved report language, else pomi-cli's)")
	p.paper = fs.String("paper", "", "with --pdf: paper size a4 or letter (default: the saved setting, else a4)")
	p.followUp = fs.Bool("follow-up", false, "print the follow-ups due (reviews and overdue actions), by week")
	p.insights = fs.Bool("insights", false, "print what the companies have in common (anonymised unless --named)")
	p.named = fs.Bool("named", false, "with --insights, --xlsx or --pdf: not anonymised, with the companies' names")
	p.from = fs.String("from", "", "with --insights, --xlsx or --pdf: first day of the period, YYYY-MM-DD")
	p.to = fs.String("to", "", "with --insights, --xlsx or --pdf: last day of the period, YYYY-MM-DD")
	p.today = fs.String("today", "", "count due and overdue from this day, YYYY-MM-DD (default: today)")
	return p
}

func columnList() string {
	names := make([]string, len(portfolio.Columns))
	for i, c := range portfolio.Columns {
		names[i] = string(c)
	}
	return strings.Join(names, ", ")
}

// portfolioRequest is a checked command line.
type portfolioRequest struct {
	filter  portfolio.Filter
	sort    portfolio.Column
	desc    bool
	period  portfolio.Period
	today   time.Time
	named   bool
	asJSON  bool
	csvFile string
	// xlsxFile is where to save the Excel workbook, "" for none.
	xlsxFile string
	// pdfFile is where to save the portfolio report, "" for none; paper
	// its paper size, "" for the saved setting.
	pdfFile, paper string
	// lang is --lang, "" when not given: then the report and the workbook
	// are in the saved report language (see useReportLanguage).
	lang string
}

func runPortfolio(args []string, out io.Writer) error {
	fs := newFlags("portfolio", out)
	dataFlags(fs)
	langFlag(fs)
	p := registerPortfolio(fs)
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	req, err := p.request()
	if err != nil {
		return err
	}
	req.lang = *fs.lang
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		v, err := loadView(ctx, s, fs.loc(), req, out)
		if err != nil {
			return err
		}
		switch {
		case *p.followUp:
			return v.followUps()
		case *p.insights:
			return v.insights()
		}
		return v.table()
	})
}

// request checks the flags: known codes, dates, column and views.
func (p *portfolioFlags) request() (portfolioRequest, error) {
	req := portfolioRequest{
		filter: portfolio.Filter{
			Stages: p.stages, Industries: p.industries, SizeClasses: p.sizes, Counties: upper(p.counties),
			Modes: p.modes, Advisors: p.advisors, DueForFollowUp: *p.due, HasOverdueActions: *p.overdue, Search: *p.search,
		},
		sort: portfolio.Column(*p.sort), desc: *p.desc, named: *p.named, asJSON: *p.asJSON, csvFile: *p.csv,
		xlsxFile: *p.xlsx, pdfFile: *p.pdf, paper: *p.paper,
	}
	if err := p.checkViews(); err != nil {
		return req, err
	}
	if err := p.checkPDF(); err != nil {
		return req, err
	}
	if err := checkFilter(&req.filter); err != nil {
		return req, err
	}
	if !slices.Contains(portfolio.Columns, req.sort) {
		return req, usageFailure("cli.error.portfolio_sort", map[string]any{"Value": *p.sort, "Allowed": columnChoices()},
			"portfolio: no column %q to sort by", *p.sort)
	}
	var err error
	if req.period, err = period(*p.from, *p.to); err != nil {
		return req, err
	}
	req.today, err = dateFlag("today", *p.today)
	if req.today.IsZero() {
		req.today = time.Now()
	}
	return req, err
}

// checkViews refuses flags that belong to a view not asked for.
func (p *portfolioFlags) checkViews() error {
	only := func(flag string) error {
		views := choices{"--insights", "--xlsx", "--pdf"}
		return usageFailure("cli.error.portfolio_only_with", map[string]any{"Flag": flag, "View": views},
			"portfolio: %s goes with %s", flag, strings.Join(views, " or "))
	}
	switch {
	case *p.followUp && *p.insights:
		return usageFailure("cli.error.portfolio_views", nil, "portfolio: choose --follow-up or --insights, not both")
	case *p.csv != "" && (*p.followUp || *p.insights):
		return usageFailure("cli.error.portfolio_csv", nil, "portfolio: --csv saves the table, without --follow-up or --insights")
	case *p.xlsx != "" && (*p.followUp || *p.insights):
		return usageFailure("cli.error.portfolio_xlsx", nil, "portfolio: --xlsx saves a workbook, without --follow-up or --insights")
	}
	if *p.insights || *p.xlsx != "" || *p.pdf != "" {
		return nil
	}
	switch {
	case *p.named:
		return only("--named")
	case *p.from != "" || *p.to != "":
		return only("--from/--to")
	}
	return nil
}

func upper(list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = strings.ToUpper(s)
	}
	return out
}

func columnChoices() choices {
	out := make(choices, len(portfolio.Columns))
	for i, c := range portfolio.Columns {
		out[i] = string(c)
	}
	return out
}

// checkFilter refuses a stage, size class, county or entry mode that is not
// one of the reference data's codes; industries are free text.
func checkFilter(f *portfolio.Filter) error {
	var modes []string
	for _, m := range ref.MustLoad().EntryModes {
		modes = append(modes, m.ID)
	}
	for _, c := range []struct {
		flag         string
		given, known []string
	}{
		{"--stage", f.Stages, ref.ExportStages}, {"--size", f.SizeClasses, ref.SizeClasses},
		{"--county", f.Counties, ref.Counties}, {"--mode", f.Modes, modes},
	} {
		for _, v := range c.given {
			if !slices.Contains(c.known, v) {
				return usageFailure("cli.error.portfolio_value", map[string]any{"Flag": c.flag, "Value": v, "Allowed": choices(c.known)},
					"portfolio: %q is not a valid value for %s", v, c.flag)
			}
		}
	}
	return nil
}

// period reads --from and --to; a period that ends before it starts is a
// mistake.
func period(from, to string) (portfolio.Period, error) {
	var p portfolio.Period
	var err error
	if p.From, err = dateFlag("from", from); err != nil {
		return p, err
	}
	if p.To, err = dateFlag("to", to); err != nil {
		return p, err
	}
	if !p.From.IsZero() && !p.To.IsZero() && p.To.Before(p.From) {
		return p, usageFailure("cli.error.portfolio_period", map[string]any{"From": from, "To": to},
			"portfolio: --to %s is before --from %s", to, from)
	}
	return p, nil
}

// dateFlag parses a YYYY-MM-DD flag; empty gives the zero time.
func dateFlag(name, value string) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	t, err := validate.ParseDate(value)
	if err != nil {
		return time.Time{}, usageFailure("cli.error.portfolio_date", map[string]any{"Flag": "--" + name, "Value": value},
			"portfolio: --%s %q is not a date (YYYY-MM-DD)", name, value)
	}
	return t, nil
}

// portfolioView is the loaded portfolio and how to print it: l and tr
// speak pomi-cli's language, report the language of the files.
type portfolioView struct {
	out     io.Writer
	l       *locales.Localizer
	tr      app.Translator
	d       *ref.Data
	clients []portfolio.Client
	req     portfolioRequest
	// settings are read only for --pdf and --xlsx (the branding, the
	// paper and the report language).
	settings *app.Settings
	report   reportLanguage
}

// checkPDF refuses --pdf beside another view or file of the insights, and
// --paper without --pdf or with an unknown size.
func (p *portfolioFlags) checkPDF() error {
	switch {
	case *p.pdf != "" && (*p.followUp || *p.insights || *p.xlsx != ""):
		return usageFailure("cli.error.portfolio_pdf", nil, "portfolio: --pdf saves a report, without --follow-up, --insights or --xlsx")
	case *p.paper != "" && *p.pdf == "":
		return usageFailure("cli.error.portfolio_only_with", map[string]any{"Flag": "--paper", "View": choices{"--pdf"}},
			"portfolio: --paper goes with --pdf")
	case *p.paper != "" && *p.paper != report.PaperA4 && *p.paper != report.PaperLetter:
		return usageFailure("cli.error.portfolio_paper", map[string]any{"Value": *p.paper, "Allowed": choices{report.PaperA4, report.PaperLetter}},
			"portfolio: unknown paper size %q (a4 or letter)", *p.paper)
	}
	return nil
}

// loadView reads the portfolio and the reference data with the
// organisation's own recommendations.
func loadView(ctx context.Context, s *store.Store, l *locales.Localizer, req portfolioRequest, out io.Writer) (*portfolioView, error) {
	clients, err := s.Portfolio(ctx)
	if err != nil {
		return nil, err
	}
	d, texts, err := s.Reference(ctx)
	if err != nil {
		return nil, err
	}
	v := &portfolioView{out: out, l: l, tr: app.WithTexts(l, texts(l.Lang())), d: d, clients: clients, req: req}
	if req.pdfFile != "" || req.xlsxFile != "" {
		if v.settings, err = s.Settings(ctx); err != nil {
			return nil, err
		}
		v.report = chooseReportLanguage(req.lang, v.settings.ReportLanguage, l, texts)
	}
	return v, nil
}

// rows is the table: every client's row that passes the filter, sorted
// in the alphabetical order of the language pomi-cli speaks.
func (v *portfolioView) rows() []portfolio.Row {
	rows := v.req.filter.Apply(portfolio.Rows(v.d, v.clients, v.req.today))
	portfolio.SortRowsIn(v.l.Lang(), rows, v.req.sort, v.req.desc)
	return rows
}

// table prints the table as text or JSON, and saves it as CSV when asked.
func (v *portfolioView) table() error {
	rows := v.rows()
	if v.req.csvFile != "" {
		if err := writeFileAtomic(v.req.csvFile, func(w io.Writer) error { return v.writeCSV(w, rows) }); err != nil {
			return err
		}
	}
	if err := v.writeWorkbook(rows); err != nil {
		return err
	}
	if err := v.writePDF(); err != nil {
		return err
	}
	if v.req.asJSON {
		return writeJSON(v.out, map[string]any{"filter": v.req.filter, "sort": v.req.sort, "desc": v.req.desc, "rows": rows})
	}
	if err := v.writeTable(rows); err != nil {
		return err
	}
	if v.req.csvFile != "" {
		if _, err := fmt.Fprintln(v.out, v.l.N("cli.portfolio.csv_saved", len(rows), map[string]any{"Path": v.req.csvFile})); err != nil {
			return err
		}
	}
	if err := v.workbookSaved(len(rows)); err != nil {
		return err
	}
	return v.pdfSaved()
}
