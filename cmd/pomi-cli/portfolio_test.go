package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// demoFolder is a data folder with the three demo companies (two
// assessments each).
func demoFolder(t *testing.T) []string {
	t.Helper()
	dd := []string{"--data-dir", t.TempDir()}
	runOK(t, append([]string{"demo"}, dd...)...)
	return dd
}

// runCLI runs pomi-cli as main does and returns the exit code, stdout and stderr.
func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli(args, &out, &errOut, func(string) string { return "" })
	return code, out.String(), errOut.String()
}

func TestPortfolioTableInBothLanguages(t *testing.T) {
	dd := demoFolder(t)
	for lang, want := range map[string][]string{
		"sv": {"Företag", "Senaste bedömning", "Nästa uppföljning", "3 av 3 företag", "Holavedens Möbelsnickeri AB", "Försök"},
		"en": {"Company", "Latest assessment", "Next review", "3 of 3 companies", "Holavedens Möbelsnickeri AB", "Trial"},
	} {
		out := string(runOK(t, append([]string{"portfolio", "--lang", lang, "--today", "2026-12-07"}, dd...)...))
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s table lacks %q:\n%s", lang, w, out)
			}
		}
		lines := strings.Split(out, "\n")
		if len(lines) < 4 || len([]rune(lines[1])) != len([]rune(lines[2])) {
			t.Errorf("%s: rows not aligned:\n%s", lang, out)
		}
	}
}

func TestPortfolioFiltersSortAndJSON(t *testing.T) {
	dd := demoFolder(t)
	rows := func(args ...string) []string {
		t.Helper()
		var doc struct {
			Rows []struct {
				Name       string `json:"name"`
				LatestDate string `json:"latest_date"`
			} `json:"rows"`
		}
		raw := runOK(t, append(append([]string{"portfolio", "--json", "--today", "2026-12-07"}, args...), dd...)...)
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, r := range doc.Rows {
			names = append(names, r.Name)
		}
		return names
	}
	if got := rows(); len(got) != 3 {
		t.Fatalf("no filter: %v", got)
	}
	if got := rows("--stage", "trial"); len(got) != 1 || !strings.HasPrefix(got[0], "Holavedens") {
		t.Errorf("--stage trial: %v", got)
	}
	if got := rows("--search", "pasta"); len(got) != 1 || !strings.HasPrefix(got[0], "Möllevångens") {
		t.Errorf("--search pasta: %v", got)
	}
	if got := rows("--county", "f,m"); len(got) != 2 {
		t.Errorf("--county f,m (Jönköping and Skåne): %v", got)
	}
	if got := rows("--sort", "latest", "--desc"); len(got) != 3 || !strings.HasPrefix(got[0], "Möllevångens") {
		t.Errorf("--sort latest --desc: %v, want the one assessed last (Möllevångens, November) first", got)
	}
}

func TestPortfolioFilterMatchingNothingPrintsAnEmptyTable(t *testing.T) {
	dd := demoFolder(t)
	code, out, errOut := runCLI(t, append([]string{"portfolio", "--lang", "sv", "--county", "BD"}, dd...)...)
	if code != 0 || errOut != "" {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	if !strings.HasPrefix(out, "ID  Företag") || !strings.Contains(out, "Inget av de 3 företagen matchar filtret.") {
		t.Errorf("empty result:\n%s", out)
	}
}

func TestPortfolioRefusesBadInputWithExitCode2(t *testing.T) {
	dd := demoFolder(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--sort", "colour"}, "ingen kolumn ”colour” att sortera efter; välj name, place"},
		{[]string{"--stage", "export"}, "”export” är inte ett giltigt värde för --stage; välj awareness, intention, trial, evaluation eller acceptance"},
		{[]string{"--size", "huge"}, "för --size"},
		{[]string{"--mode", "teleport"}, "för --mode"},
		{[]string{"--county", "XX"}, "för --county"},
		{[]string{"--insights", "--from", "2026-13-01"}, "--from ”2026-13-01” är inget datum; skriv det som ÅÅÅÅ-MM-DD"},
		{[]string{"--insights", "--from", "2026-06-01", "--to", "2026-01-01"}, "--to 2026-01-01 ligger före --from 2026-06-01"},
		{[]string{"--today", "igår"}, "--today ”igår” är inget datum"},
		{[]string{"--follow-up", "--insights"}, "välj --follow-up eller --insights"},
		{[]string{"--named"}, "--named används tillsammans med --insights"},
		{[]string{"--insights", "--csv", "x.csv"}, "--csv sparar tabellen"},
	} {
		code, out, errOut := runCLI(t, append(append([]string{"portfolio", "--lang", "sv"}, c.args...), dd...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", c.args, code, out, errOut, c.want)
		}
	}
	code, _, errOut := runCLI(t, append([]string{"portfolio", "--lang", "en", "--sort", "colour"}, dd...)...)
	if code != 2 || !strings.Contains(errOut, "there is no column “colour” to sort by") {
		t.Errorf("in English: exit %d, %q", code, errOut)
	}
}

func TestPortfolioCSVReadsBackWithNumbersAndISODates(t *testing.T) {
	dd := demoFolder(t)
	file := filepath.Join(t.TempDir(), "portfölj.csv")
	out := string(runOK(t, append([]string{"portfolio", "--lang", "sv", "--csv", file, "--sort", "name"}, dd...)...))
	if !strings.Contains(out, "3 företag sparade i "+file) {
		t.Errorf("after --csv: %s", out)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := bytes.CutPrefix(raw, []byte(utf8BOM))
	if !ok {
		t.Fatal("the CSV does not start with a UTF-8 BOM, so Excel on Windows would garble å, ä and ö")
	}
	records, err := csv.NewReader(bytes.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(records) != 4 {
		t.Fatalf("%d records, want a header and 3 rows", len(records))
	}
	col := map[string]int{}
	for i, h := range records[0] {
		col[h] = i
	}
	for _, h := range []string{"ID", "Företag", "Ort", "Senaste bedömning", "P", "O", "M", "I", "Gap (poäng)", "Klar (%)"} {
		if _, ok := col[h]; !ok {
			t.Fatalf("header lacks %q: %v", h, records[0])
		}
	}
	names := ""
	for _, r := range records[1:] {
		names += r[col["Företag"]] + ";"
		if _, err := time.Parse("2006-01-02", r[col["Senaste bedömning"]]); err != nil {
			t.Errorf("latest date %q is not ISO: %v", r[col["Senaste bedömning"]], err)
		}
		for _, h := range []string{"P", "O", "M", "I", "Gap (poäng)", "Klar (%)", "Bedömningar"} {
			v, err := strconv.ParseFloat(r[col[h]], 64)
			if err != nil || v < 0 || v > 100 {
				t.Errorf("%s = %q is not a number 0–100: %v", h, r[col[h]], err)
			}
		}
	}
	if !strings.Contains(names, "Älvsense Medical AB") || !strings.Contains(names, "Möllevångens Pastafabrik AB") {
		t.Errorf("names did not survive as UTF-8: %s", names)
	}
}

func TestPortfolioCSVToAPathThatCannotBeWrittenSaysSo(t *testing.T) {
	dd := demoFolder(t)
	file := filepath.Join(t.TempDir(), "no such folder", "p.csv")
	code, _, errOut := runCLI(t, append([]string{"portfolio", "--lang", "en", "--csv", file}, dd...)...)
	if code != 1 || !strings.Contains(errOut, file+" cannot be written: it does not exist.") {
		t.Errorf("exit %d, %q", code, errOut)
	}
}

func TestPortfolioFollowUpsByWeek(t *testing.T) {
	dd := demoFolder(t)
	var doc struct {
		Weeks []struct {
			Key   string `json:"key"`
			Items []struct {
				Kind    string `json:"kind"`
				Overdue bool   `json:"overdue"`
			} `json:"items"`
		} `json:"weeks"`
	}
	// A year after the demo's latest assessments every review is past.
	raw := runOK(t, append([]string{"portfolio", "--follow-up", "--json", "--today", "2027-12-01"}, dd...)...)
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	reviews := 0
	for _, w := range doc.Weeks {
		for _, it := range w.Items {
			if it.Kind == "review" && it.Overdue {
				reviews++
			}
		}
	}
	if reviews != 3 {
		t.Errorf("%d overdue reviews in %+v, want 3", reviews, doc.Weeks)
	}
	text := string(runOK(t, append([]string{"portfolio", "--follow-up", "--lang", "sv", "--today", "2027-12-01"}, dd...)...))
	for _, w := range []string{"Vecka " + doc.Weeks[0].Key, "Uppföljande bedömning", "försenad"} {
		if !strings.Contains(text, w) {
			t.Errorf("follow-up text lacks %q:\n%s", w, text)
		}
	}
	none := string(runOK(t, append([]string{"portfolio", "--follow-up", "--lang", "en", "--county", "BD"}, dd...)...))
	if !strings.Contains(none, "Nothing to follow up") {
		t.Errorf("nothing due: %q", none)
	}
}

func TestPortfolioInsightsAreAnonymisedUnlessNamed(t *testing.T) {
	dd := demoFolder(t)
	anon := string(runOK(t, append([]string{"portfolio", "--insights", "--lang", "sv"}, dd...)...))
	if !strings.Contains(anon, "Anonymiserad") || strings.Contains(anon, "Holavedens") {
		t.Errorf("anonymised insights:\n%s", anon)
	}
	if !strings.Contains(anon, "Färre än 5 företag") {
		t.Errorf("three companies are fewer than five, yet something is shown:\n%s", anon)
	}
	named := string(runOK(t, append([]string{"portfolio", "--insights", "--named", "--lang", "en"}, dd...)...))
	for _, w := range []string{"Companies assessed in the period: 3. Assessments: 6.", "Competence gaps by entry mode",
		"Holavedens Möbelsnickeri AB", "median"} {
		if !strings.Contains(named, w) {
			t.Errorf("named insights lack %q:\n%s", w, named)
		}
	}
	var doc struct {
		Insights struct {
			Companies int `json:"companies"`
		} `json:"insights"`
		Companies []string `json:"companies"`
	}
	raw := runOK(t, append([]string{"portfolio", "--insights", "--named", "--json", "--from", "2026-09-01", "--to", "2026-09-30"}, dd...)...)
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Insights.Companies != len(doc.Companies) {
		t.Errorf("September: %d companies counted, %d named (%v)", doc.Insights.Companies, len(doc.Companies), doc.Companies)
	}
	empty := string(runOK(t, append([]string{"portfolio", "--insights", "--named", "--lang", "en", "--from", "1999-01-01", "--to", "1999-12-31"}, dd...)...))
	if !strings.Contains(empty, "None of the companies has an assessment in the period.") {
		t.Errorf("a period with no assessments:\n%s", empty)
	}
}
