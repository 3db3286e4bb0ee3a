// Package workbook writes the advisor's portfolio as an Excel workbook
// (.xlsx) for the people who take the numbers on into their own reporting:
// one sheet per table, real dates and numbers, a frozen header row and a
// filter on every sheet, sheet names and headers in the reader's language.
//
// A named workbook has the sheets Companies (the portfolio table),
// Assessments (every assessment with its four scores, targets and gaps),
// Actions (the plan of each company's latest assessment) and Insights (the
// figures of portfolio.ComputeInsights). An anonymised workbook has the
// Insights sheet only, with the figures of portfolio.Anonymise: no row of
// it is one company's, and no figure rests on fewer than
// portfolio.MinGroup companies. Rows of single companies are left out
// whole rather than stripped of their names, since a company's dates,
// scores and free-text actions single it out as surely as its name.
package workbook

import (
	"errors"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/atomicfile"
)

// Input is what a workbook is made from.
type Input struct {
	Data *ref.Data
	// Rows are the portfolio table's rows (filtered and sorted), in the
	// order the sheets list the companies.
	Rows []portfolio.Row
	// Clients hold the rows' companies with their assessments, in any
	// order; a client without a row is left out.
	Clients []portfolio.Client
	// Period picks the assessments the Assessments and Actions sheets list
	// (the one Insights was computed for); zero lists them all.
	Period portfolio.Period
	// Insights are portfolio.ComputeInsights's figures for the same
	// filter and period, not anonymised: Write anonymises them itself
	// unless Named.
	Insights portfolio.Insights
	// Named asks for the sheets that name the companies; without it the
	// workbook is anonymised.
	Named bool
}

// WriteError means the workbook could not be saved where the user asked:
// the folder is missing or read-only, or the file is open in a program that
// locks it.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("save workbook to %s: %v", e.Path, e.Err) }

// Unwrap returns the cause.
func (e *WriteError) Unwrap() error { return e.Err }

// Write writes the workbook of in to w, in tr's language.
func Write(w io.Writer, in *Input, tr app.Translator) error {
	f, err := build(in, tr)
	if err != nil {
		return err
	}
	defer f.Close()
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("workbook: write: %w", err)
	}
	return nil
}

// WriteFile writes the workbook of in to path whole or not at all
// (internal/atomicfile, as report.WriteFile saves a plan). A file that
// cannot be saved gives a *WriteError.
func WriteFile(path string, in *Input, tr app.Translator) error {
	f, err := build(in, tr)
	if err != nil {
		return err
	}
	defer f.Close()
	err = atomicfile.Write(path, ".pomi-workbook-*.tmp", func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
	if ioErr := (*atomicfile.IOError)(nil); errors.As(err, &ioErr) {
		err = ioErr.Err
	}
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	return nil
}

// build makes the workbook in memory.
func build(in *Input, tr app.Translator) (*excelize.File, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("workbook: styles: %w", err)
	}
	b := newBuilder(in, tr)
	var sheets []sheet
	if in.Named {
		sheets = append(sheets, b.companies(), b.assessments(), b.actions())
	}
	sheets = append(sheets, b.insights())
	for i := range sheets {
		if err := writeSheet(f, i, &sheets[i], st); err != nil {
			f.Close()
			return nil, fmt.Errorf("workbook: sheet %s: %w", sheets[i].name, err)
		}
	}
	f.SetActiveSheet(0)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: tr.T("workbook.title"), Creator: "POMI Planner", Language: tr.T("workbook.language"),
	}); err != nil {
		f.Close()
		return nil, fmt.Errorf("workbook: properties: %w", err)
	}
	return f, nil
}
