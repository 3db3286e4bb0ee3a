package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func openWorkbook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestPortfolioXLSXNamedHoldsTheFilteredCompanies(t *testing.T) {
	dd := demoFolder(t)
	file := filepath.Join(t.TempDir(), "portfölj.xlsx")
	out := string(runOK(t, append([]string{"portfolio", "--lang", "sv", "--xlsx", file, "--named", "--county", "f,m", "--today", "2026-12-07"}, dd...)...))
	if !strings.Contains(out, "2 företag med sina bedömningar och åtgärder sparade som arbetsbok i "+file) {
		t.Errorf("after --xlsx --named: %s", out)
	}
	f := openWorkbook(t, file)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Företag", "Bedömningar", "Åtgärder", "Insikter"}) {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows("Företag")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][1] == "Älvsense Medical AB" || rows[2][1] == "Älvsense Medical AB" {
		t.Errorf("--county f,m: %v, want Holavedens and Möllevångens", rows)
	}
}

func TestPortfolioXLSXIsAnonymisedUnlessNamed(t *testing.T) {
	dd := demoFolder(t)
	file := filepath.Join(t.TempDir(), "p.xlsx")
	out := string(runOK(t, append([]string{"portfolio", "--lang", "en", "--xlsx", file, "--from", "2026-01-01"}, dd...)...))
	if !strings.Contains(out, "The anonymised summary is saved as a workbook in "+file) {
		t.Errorf("after --xlsx: %s", out)
	}
	f := openWorkbook(t, file)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Insights"}) {
		t.Errorf("sheets %v, want the insights only", got)
	}
	rows, err := f.GetRows("Insights")
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows {
		if strings.Contains(strings.Join(row, " "), "Holavedens") {
			t.Errorf("the anonymised workbook names a company: %v", row)
		}
	}
}

func TestPortfolioXLSXToAPathThatCannotBeWrittenSaysSo(t *testing.T) {
	dd := demoFolder(t)
	file := filepath.Join(t.TempDir(), "no such folder", "p.xlsx")
	code, _, errOut := runCLI(t, append([]string{"portfolio", "--lang", "sv", "--xlsx", file, "--named"}, dd...)...)
	if code != 1 || !strings.Contains(errOut, file+" går inte att skriva: den finns inte.") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestPortfolioXLSXRefusesTheOtherViews(t *testing.T) {
	dd := demoFolder(t)
	for _, args := range [][]string{{"--insights"}, {"--follow-up"}} {
		code, _, errOut := runCLI(t, append(append([]string{"portfolio", "--lang", "en", "--xlsx", "p.xlsx"}, args...), dd...)...)
		if code != 2 || !strings.Contains(errOut, "--xlsx saves a workbook of the table") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	code, _, errOut := runCLI(t, append([]string{"portfolio", "--lang", "en", "--named"}, dd...)...)
	if code != 2 || !strings.Contains(errOut, "--named goes with --insights, --xlsx or --pdf") {
		t.Errorf("--named alone: exit %d, %q", code, errOut)
	}
}

// The workbook follows the report's language rule: without --lang the
// saved report language, not pomi-cli's.
func TestPortfolioXLSXIsInTheSavedReportLanguage(t *testing.T) {
	dd := demoFolder(t)
	runOK(t, append([]string{"settings", "--ui-lang", "sv", "--report-lang", "en"}, dd...)...)
	file := filepath.Join(t.TempDir(), "p.xlsx")
	out := string(runOK(t, append([]string{"portfolio", "--xlsx", file}, dd...)...))
	if !strings.Contains(out, "sparad som arbetsbok") {
		t.Errorf("pomi-cli should speak Swedish: %s", out)
	}
	if got := openWorkbook(t, file).GetSheetList(); !slices.Equal(got, []string{"Insights"}) {
		t.Errorf("sheets %v, want the English insights", got)
	}
}
