package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/internal/pdftest"
)

// pdfPages reads a saved PDF back, validated, one flat string per page.
func pdfPages(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return pdftest.Flat(strings.Join(pdftest.PageTexts(t, pdftest.File(t, data)), "\n"))
}

func TestPortfolioPDFIsAnonymisedUnlessNamed(t *testing.T) {
	dd := demoFolder(t)
	runOK(t, append([]string{"settings", "--organisation", "Exportcentrum Jönköping"}, dd...)...)
	file := filepath.Join(t.TempDir(), "portfölj.pdf")
	out := string(runOK(t, append([]string{"portfolio", "--lang", "sv", "--pdf", file, "--from", "2026-01-01"}, dd...)...))
	if !strings.Contains(out, "Den anonymiserade portföljrapporten är sparad i "+file) {
		t.Errorf("after --pdf: %s", out)
	}
	text := pdfPages(t, file)
	for _, w := range []string{"Exportcentrum Jönköping", "Portföljrapport", "Färre än 5 företag har en bedömning i perioden"} {
		if !strings.Contains(text, w) {
			t.Errorf("the anonymised PDF lacks %q:\n%s", w, text)
		}
	}
	for _, w := range []string{"Holavedens", "Möllevångens", "Älvsense"} {
		if strings.Contains(text, w) {
			t.Errorf("the anonymised PDF names %q", w)
		}
	}
}

func TestPortfolioPDFNamedListsTheFilteredCompanies(t *testing.T) {
	dd := demoFolder(t)
	file := filepath.Join(t.TempDir(), "p.pdf")
	out := string(runOK(t, append([]string{"portfolio", "--lang", "en", "--pdf", file, "--named", "--paper", "letter",
		"--county", "f,m", "--today", "2026-12-07"}, dd...)...))
	if !strings.Contains(out, "The portfolio report with the companies' names is saved in "+file) {
		t.Errorf("after --pdf --named: %s", out)
	}
	text := pdfPages(t, file)
	for _, w := range []string{"Holavedens Möbelsnickeri AB", "The companies in this report", "county: "} {
		if !strings.Contains(text, w) {
			t.Errorf("the named PDF lacks %q", w)
		}
	}
	if strings.Contains(text, "Älvsense") {
		t.Error("--county f,m: the named PDF lists Älvsense")
	}
	if info := pdftest.Info(t, file); !strings.Contains(info["Page size"], "612 x 792") {
		t.Errorf("--paper letter: page size %q", info["Page size"])
	}
}

func TestPortfolioPDFToAPathThatCannotBeWrittenSaysSo(t *testing.T) {
	dd := demoFolder(t)
	file := filepath.Join(t.TempDir(), "no such folder", "p.pdf")
	code, _, errOut := runCLI(t, append([]string{"portfolio", "--lang", "sv", "--pdf", file}, dd...)...)
	if code != 1 || !strings.Contains(errOut, file+" går inte att skriva: den finns inte.") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestPortfolioPDFRefusesTheOtherViewsAndABadPaper(t *testing.T) {
	dd := demoFolder(t)
	for _, args := range [][]string{{"--insights"}, {"--follow-up"}, {"--xlsx", "p.xlsx"}} {
		code, _, errOut := runCLI(t, append(append([]string{"portfolio", "--lang", "en", "--pdf", "p.pdf"}, args...), dd...)...)
		if code != 2 || !strings.Contains(errOut, "--pdf saves a portfolio report and cannot be combined") {
			t.Errorf("%v: exit %d, %q", args, code, errOut)
		}
	}
	code, _, errOut := runCLI(t, append([]string{"portfolio", "--lang", "en", "--pdf", "p.pdf", "--paper", "a3"}, dd...)...)
	if code != 2 || !strings.Contains(errOut, "no paper size “a3”") {
		t.Errorf("--paper a3: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI(t, append([]string{"portfolio", "--lang", "en", "--paper", "a4"}, dd...)...)
	if code != 2 || !strings.Contains(errOut, "--paper goes with --pdf") {
		t.Errorf("--paper alone: exit %d, %q", code, errOut)
	}
}

// Without --lang the report is in the report language saved in the
// settings, as the plan is, while pomi-cli itself speaks the window's
// language; --lang chooses for both; with no report language saved the
// report follows pomi-cli's language.
func TestPortfolioPDFIsInTheSavedReportLanguage(t *testing.T) {
	for _, c := range []struct {
		name             string
		uiLang, repLang  string
		flags            []string
		wantPDF, wantOut string
	}{
		{"saved en, window sv", "sv", "en", nil, "en", "sv"},
		{"saved sv, window en", "en", "sv", nil, "sv", "en"},
		{"--lang over the saved", "en", "en", []string{"--lang", "sv"}, "sv", "sv"},
		{"nothing saved: window sv", "sv", "", nil, "sv", "sv"},
		{"nothing saved: window en", "en", "", nil, "en", "en"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dd := demoFolder(t)
			runOK(t, append([]string{"settings", "--ui-lang", c.uiLang, "--report-lang", c.repLang}, dd...)...)
			file := filepath.Join(t.TempDir(), "p.pdf")
			out := string(runOK(t, append(append([]string{"portfolio", "--pdf", file, "--named"}, c.flags...), dd...)...))
			said := map[string]string{"sv": "Portföljrapporten med företagens namn är sparad i", "en": "The portfolio report with the companies' names is saved in"}
			if !strings.Contains(out, said[c.wantOut]) {
				t.Errorf("pomi-cli should speak %s: %s", c.wantOut, out)
			}
			words := map[string][]string{
				"sv": {"Portföljrapport", "Om rapporten", "Företagen i rapporten", "Sida 2 av"},
				"en": {"Portfolio report", "About this report", "The companies in this report", "Page 2 of"},
			}
			other := map[string]string{"sv": "en", "en": "sv"}[c.wantPDF]
			text := pdfPages(t, file)
			for _, w := range words[c.wantPDF] {
				if !strings.Contains(text, w) {
					t.Errorf("the %s PDF lacks %q", c.wantPDF, w)
				}
			}
			for _, w := range words[other] {
				if strings.Contains(text, w) {
					t.Errorf("the %s PDF has the %s %q", c.wantPDF, other, w)
				}
			}
			if info := pdftest.Info(t, file); !strings.HasPrefix(info["Title"], words[c.wantPDF][0]) {
				t.Errorf("PDF title %q", info["Title"])
			}
		})
	}
}
