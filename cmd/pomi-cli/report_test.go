package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
)

func TestReportWritesABrandedPlanInTheChosenLanguage(t *testing.T) {
	dir := t.TempDir()
	dd := []string{"--data-dir", dir}
	runOK(t, append([]string{"demo"}, dd...)...)
	brand(t, dir)
	for _, c := range []struct{ lang, paper, title string }{
		{"sv", "a4", "Handlingsplan för internationalisering"},
		{"en", "letter", "Internationalisation action plan"},
		{"", "", "Internationalisation action plan"}, // the saved report language
	} {
		out := filepath.Join(dir, "plan-"+c.lang+".pdf")
		args := []string{"report", "--company", "1", "--out", out}
		if c.lang != "" {
			args = append(args, "--lang", c.lang, "--paper", c.paper)
		}
		msg := runOK(t, append(args, dd...)...)
		if !strings.Contains(string(msg), out) {
			t.Errorf("output %q does not name the file", msg)
		}
		pdf, err := os.ReadFile(out)
		if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
			t.Fatalf("%s: no PDF (%v)", c.lang, err)
		}
		ctx, err := api.ReadContextFile(out)
		if err != nil {
			t.Fatal(err)
		}
		if ctx.Author != "Per Holm, Exportkontoret Syd" || !strings.HasPrefix(ctx.Title, c.title) {
			t.Errorf("%s: author %q, title %q", c.lang, ctx.Author, ctx.Title)
		}
	}
}

// brand saves an organisation's branding the way the settings screen will.
func brand(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	st := &app.Settings{Branding: app.Branding{Organisation: "Exportkontoret Syd", PrimaryColor: "#7a1f3d",
		AdvisorName: "Per Holm"}, ReportLanguage: "en"}
	if err := s.SaveSettings(ctx, st); err != nil {
		t.Fatal(err)
	}
}

func TestReportRefusesWhatItCannotDo(t *testing.T) {
	dir := t.TempDir()
	dd := []string{"--data-dir", dir}
	runOK(t, append([]string{"demo"}, dd...)...)
	cases := []struct {
		args  []string
		usage bool
		want  string
	}{
		{[]string{"report", "--out", "x.pdf"}, true, "--company ID is required"},
		{[]string{"report", "--company", "1"}, true, "--out FILE is required"},
		{[]string{"report", "--company", "1", "--out", "x.pdf", "--lang", "de"}, true, `language "de"`},
		{[]string{"report", "--company", "1", "--out", "x.pdf", "--paper", "a5"}, false, "paper size"},
		{[]string{"report", "--company", "99", "--out", "x.pdf"}, false, "not found"},
		{[]string{"report", "--company", "1", "--out", "x.pdf", "--date", "1999-01-01"}, false, ": no assessment dated 1999-01-01"},
		{[]string{"report", "--company", "1", "--out", filepath.Join(dir, "missing", "x.pdf")}, false, "save plan to"},
	}
	for _, c := range cases {
		err := run(append(c.args, dd...), &bytes.Buffer{})
		if err == nil || errors.Is(err, errUsage) != c.usage || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v (usage=%v), want %q", c.args, err, errors.Is(err, errUsage), c.want)
		}
	}
}

func TestSettingsSetsWhoUsesTheAppAndTheWindowLanguage(t *testing.T) {
	dir := t.TempDir()
	var got struct {
		UILanguage string `json:"ui_language"`
		UsedBy     string `json:"used_by"`
	}
	out := runOK(t, "settings", "--data-dir", dir, "--used-by", "company", "--ui-lang", "sv")
	if err := json.Unmarshal(out, &got); err != nil || got.UsedBy != "company" || got.UILanguage != "sv" {
		t.Fatalf("settings = %+v (%v)", got, err)
	}
	var buf bytes.Buffer
	if err := run([]string{"settings", "--data-dir", dir, "--used-by", "everyone"}, &buf); !errors.Is(err, errUsage) {
		t.Errorf("--used-by everyone: %v", err)
	}
}
