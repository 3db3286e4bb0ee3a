package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
	"github.com/pomi-planner/pomi/report/portfolioreport"
)

// reportLanguage is the language of the report and the workbook, with
// the organisation's own texts in it.
type reportLanguage struct {
	l     *locales.Localizer
	tr    app.Translator
	texts map[string]string
}

// chooseReportLanguage picks the files' language as the plan's is picked
// (app.PlanLanguage): --lang, else the report language saved in the
// settings, else the language pomi-cli speaks (cli: the one saved for the
// window, else the system's).
func chooseReportLanguage(flag, saved string, cli *locales.Localizer, texts func(lang string) map[string]string) reportLanguage {
	l, err := locales.New(app.PlanLanguage(flag, saved, cli.Lang(), locales.Supported))
	if err != nil {
		l = cli
	}
	own := texts(l.Lang())
	return reportLanguage{l: l, tr: app.WithTexts(l, own), texts: own}
}

// writePDF saves the portfolio report when --pdf asks for one, in the
// organisation's branding: anonymised unless --named, which also lists the
// companies included.
func (v *portfolioView) writePDF() error {
	if v.req.pdfFile == "" {
		return nil
	}
	in := &portfolioreport.Input{
		Insights: portfolio.ComputeInsights(v.d, v.clients, v.req.filter, v.req.period, v.req.today),
		Filter:   v.req.filter, Named: v.req.named, Texts: v.report.texts,
		Branding: v.settings.Branding, Paper: v.settings.PaperSize, Created: time.Now(), Version: app.Version,
	}
	if v.req.paper != "" {
		in.Paper = v.req.paper
	}
	if v.req.named {
		in.Companies = v.companiesInPeriod()
	}
	doc, err := portfolioreport.Build(in, v.report.l)
	if err != nil {
		return failure(err, "cli.error.portfolio_pdf_build", map[string]any{"Detail": oneLine(err.Error())},
			fmt.Sprintf("portfolio: report: %v", err))
	}
	err = report.WriteFile(v.req.pdfFile, doc)
	var we *report.WriteError
	if errors.As(err, &we) {
		return writeFailure(we.Path, we.Err)
	}
	if err != nil {
		return fmt.Errorf("portfolio: report %s: %w", v.req.pdfFile, err)
	}
	return nil
}

// companiesInPeriod is the filtered companies with an assessment in the
// period, for the named report and insights.
func (v *portfolioView) companiesInPeriod() []app.Company {
	var out []app.Company
	for _, c := range v.filtered() {
		for _, a := range c.Assessments {
			if v.req.period.Contains(a.Date) {
				out = append(out, c.Company)
				break
			}
		}
	}
	return out
}

// pdfSaved says where the report went and whether it names the companies.
func (v *portfolioView) pdfSaved() error {
	if v.req.pdfFile == "" {
		return nil
	}
	msg := v.l.Tf("cli.portfolio.pdf_saved_anonymised", map[string]any{"Path": v.req.pdfFile, "Min": portfolio.MinGroup})
	if v.req.named {
		msg = v.l.Tf("cli.portfolio.pdf_saved", map[string]any{"Path": v.req.pdfFile})
	}
	_, err := fmt.Fprintln(v.out, msg)
	return err
}
