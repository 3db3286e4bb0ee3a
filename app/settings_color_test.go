package app_test

import (
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/report"
)

// FuzzValidateColorAgreesWithThePlans: a colour the settings accept is one
// the plans print, never replaced by the default colour unasked.
func FuzzValidateColorAgreesWithThePlans(f *testing.F) {
	for _, s := range []string{"", "#1f4e79", "1F4E79", "#abc", "#12", " #abc ", "#abc\n", "##abc", "red"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		err := app.ValidateColor(s)
		if (err == nil) != (app.ValidateColor(s) == nil) {
			t.Fatalf("two answers for %q", s)
		}
		_, ok := report.ParseColor(s)
		blank := strings.TrimSpace(s) == ""
		if err == nil && !blank && !ok {
			t.Fatalf("ValidateColor(%q) accepted what the plans cannot print", s)
		}
		if err != nil && ok && strings.Trim(s, " ") == strings.TrimSpace(s) {
			t.Fatalf("ValidateColor(%q) = %v, but the plans print it", s, err)
		}
	})
}
