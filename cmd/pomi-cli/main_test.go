package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func runOK(t *testing.T, args ...string) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := run(args, &out); err != nil {
		t.Fatalf("pomi-cli %s: %v", strings.Join(args, " "), err)
	}
	return out.Bytes()
}

func TestRefJSONReproducesTable11(t *testing.T) {
	var doc struct {
		EntryModes []struct {
			ID          string   `json:"id"`
			Competences []string `json:"competences"`
			Source      string   `json:"source"`
			Name        string   `json:"name"`
		} `json:"entry_modes"`
	}
	if err := json.Unmarshal(runOK(t, "ref", "--json", "--lang", "sv"), &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"importing":           "purchasing,contract_negotiation",
		"export_direct":       "production,distribution,sales_marketing",
		"export_agents":       "production,marketing,after_sales",
		"collaboration":       "reputation,processing_technology,quality",
		"joint_venture":       "reputation,technical_skills,creativity_innovation",
		"overseas_production": "management,brand_image,financial_strength",
	}
	katwalo := 0
	for _, m := range doc.EntryModes {
		if m.Source != "katwalo" {
			continue
		}
		katwalo++
		if got := strings.Join(m.Competences, ","); got != want[m.ID] {
			t.Errorf("%s: %s, want %s", m.ID, got, want[m.ID])
		}
	}
	if katwalo != len(want) {
		t.Errorf("%d Katwalo modes, want %d", katwalo, len(want))
	}
	if doc.EntryModes[0].Name != "Import" {
		t.Errorf("Swedish name of importing = %q", doc.EntryModes[0].Name)
	}
}

// messageID matches a string that is only a message id: a lookup that fell through.
var messageID = regexp.MustCompile(`^[a-z0-9_]+(\.[A-Za-z0-9_]+)+$`)

func TestAnalyzeGivesWordsInBothLanguagesForEveryDemoCompany(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/*.json")
	if len(files) < 3 {
		t.Fatalf("demo companies: %v", files)
	}
	for _, f := range files {
		for _, lang := range []string{"sv", "en"} {
			t.Run(filepath.Base(f)+"/"+lang, func(t *testing.T) {
				raw := runOK(t, "analyze", "--in", f, "--lang", lang, "--json")
				var doc map[string]any
				if err := json.Unmarshal(raw, &doc); err != nil {
					t.Fatal(err)
				}
				dims := doc["dimensions"].(map[string]any)
				for _, d := range []string{"P", "O", "M", "I"} {
					if _, ok := dims[d].(map[string]any)["score"]; !ok {
						t.Errorf("dimensions.%s.score missing", d)
					}
				}
				for _, key := range []string{"required_competences", "competence_gaps", "recommendations", "actions", "summary"} {
					if _, ok := doc[key].([]any); !ok {
						t.Errorf("%s missing or not a list", key)
					}
				}
				titles := map[string]bool{}
				for _, r := range doc["recommendations"].([]any) {
					title := r.(map[string]any)["title"].(string)
					if titles[title] {
						t.Errorf("the same advice twice: %q", title)
					}
					titles[title] = true
				}
				walkStrings(doc, func(s string) {
					if messageID.MatchString(s) && strings.Count(s, ".") >= 2 {
						t.Errorf("untranslated message id in output: %q", s)
					}
				})
				text := string(runOK(t, "analyze", "--in", f, "--lang", lang))
				if lang == "sv" && !strings.Contains(text, "Rekommendationer") {
					t.Error("Swedish text output lacks its headings")
				}
			})
		}
	}
}

func walkStrings(v any, fn func(string)) {
	switch v := v.(type) {
	case string:
		fn(v)
	case []any:
		for _, x := range v {
			walkStrings(x, fn)
		}
	case map[string]any:
		for _, x := range v {
			walkStrings(x, fn)
		}
	}
}

func TestErrorsAreOneLineWithTheRightKind(t *testing.T) {
	cases := []struct {
		args  []string
		usage bool
		want  string
	}{
		{nil, true, "usage"},
		{[]string{"fly"}, true, "unknown command"},
		{[]string{"ref", "--lang", "fi"}, true, `language "fi" is not available`},
		{[]string{"analyze"}, true, "--in FILE is required"},
		{[]string{"analyze", "--in", "/no/such/file.json"}, false, systemSays(t, "/no/such/file.json")},
		{[]string{"analyze", "--in", "../../go.mod"}, false, "not a POMI Planner company file"},
		{[]string{"analyze", "--in", "../../testdata/malmo-mat.json", "--date", "1999-01-01"}, false, "no assessment dated"},
	}
	for _, c := range cases {
		err := run(c.args, &bytes.Buffer{})
		if err == nil {
			t.Errorf("%v: no error", c.args)
			continue
		}
		if errors.Is(err, errUsage) != c.usage || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%v: %q (usage=%v), want one line with %q, usage=%v", c.args, err, errors.Is(err, errUsage), c.want, c.usage)
		}
	}
}

func TestHelpGoesToStdoutAndIsNotAFailure(t *testing.T) {
	var out bytes.Buffer
	err := run([]string{"analyze", "-h"}, &out)
	if !errors.Is(err, errHelpShown) || !strings.Contains(out.String(), "-in") {
		t.Errorf("err %v, help %q", err, out.String())
	}
}
