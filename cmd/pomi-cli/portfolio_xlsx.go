package main

import (
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/report/workbook"
)

// writeWorkbook saves the Excel workbook when --xlsx asks for one: with
// --named the table's companies, their assessments and actions in the
// period and the insights; without it the anonymised insights alone.
func (v *portfolioView) writeWorkbook(rows []portfolio.Row) error {
	if v.req.xlsxFile == "" {
		return nil
	}
	in := &workbook.Input{
		Data: v.d, Rows: rows, Clients: v.clients, Period: v.req.period, Named: v.req.named,
		Insights: portfolio.ComputeInsights(v.d, v.clients, v.req.filter, v.req.period, v.req.today),
	}
	err := workbook.WriteFile(v.req.xlsxFile, in, v.report.tr)
	var we *workbook.WriteError
	if errors.As(err, &we) {
		return writeFailure(we.Path, we.Err)
	}
	if err != nil {
		return fmt.Errorf("portfolio: workbook %s: %w", v.req.xlsxFile, err)
	}
	return nil
}

// workbookSaved says where the workbook went and what it holds.
func (v *portfolioView) workbookSaved(companies int) error {
	if v.req.xlsxFile == "" {
		return nil
	}
	data := map[string]any{"Path": v.req.xlsxFile, "Min": portfolio.MinGroup}
	msg := v.l.Tf("cli.portfolio.xlsx_saved_anonymised", data)
	if v.req.named {
		msg = v.l.N("cli.portfolio.xlsx_saved", companies, data)
	}
	_, err := fmt.Fprintln(v.out, msg)
	return err
}
