package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// runReport writes a stored company's action plan as a PDF.
func runReport(args []string, out io.Writer) error {
	fs := newFlags("report", out)
	company := companyFlag(fs)
	lang := fs.String("lang", "", "language of the plan: "+joinLanguages()+" (default: the saved report language, else your locale's)")
	file := fs.String("out", "", "PDF file to write")
	paper := fs.String("paper", "", "paper size: a4 or letter (default: the saved setting, else a4)")
	date := fs.String("date", "", "the assessment of this date (default: the latest)")
	dataFlags(fs)
	if err := fs.parse(args); err != nil {
		return err
	}
	id, err := company()
	if err != nil {
		return err
	}
	if *paper != "" && *paper != report.PaperA4 && *paper != report.PaperLetter {
		return failure(nil, "cli.error.paper", map[string]any{"Value": *paper, "Allowed": choices{report.PaperA4, report.PaperLetter}},
			fmt.Sprintf("report: unknown paper size %q (a4 or letter)", *paper))
	}
	if *file == "" {
		return usageFailure("cli.error.out_required", map[string]any{"Command": "report"}, "report: --out FILE is required")
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		in, l, err := reportInput(ctx, s, id, *lang, *date)
		if err != nil {
			return err
		}
		if *paper != "" {
			in.Paper = *paper
		}
		warnings, err := report.Generate(in, l, *file)
		for _, w := range warnings {
			warn(l, w.MessageID(), nil)
		}
		var write *report.WriteError
		if errors.As(err, &write) {
			return fmt.Errorf("report for company %d: %w", id, err)
		} else if err != nil {
			return failure(err, "cli.error.render", map[string]any{"ID": id, "Detail": oneLine(err.Error())},
				fmt.Sprintf("report for company %d: %v", id, err))
		}
		fmt.Fprintf(out, "%s: %s\n", in.Company.Name, *file)
		return nil
	})
}

// reportInput reads the plan with app.MakePlan: the flag's language, else
// the saved report language, else the user's locale's.
func reportInput(ctx context.Context, s *store.Store, id app.CompanyID, lang, date string) (*report.Input, *locales.Localizer, error) {
	if lang != "" {
		if _, err := localizer(lang); err != nil {
			return nil, nil, err
		}
	}
	plan, err := app.MakePlan(ctx, s, app.PlanRequest{
		Company: id, Date: date, Language: lang,
		Fallback: locales.FromEnvironment(os.Getenv), Supported: locales.Supported,
	})
	var none *app.NoAssessmentError
	if errors.As(err, &none) {
		return nil, nil, inCompany(none.Company, assessmentFailure(none))
	} else if err != nil {
		return nil, nil, err
	}
	l, err := localizer(plan.Language)
	if err != nil {
		return nil, nil, err
	}
	return report.InputFor(plan, time.Now()), l, nil
}

func joinLanguages() string {
	langs := locales.Languages()
	if len(langs) == 2 {
		return langs[0] + " or " + langs[1]
	}
	return fmt.Sprint(langs)
}
