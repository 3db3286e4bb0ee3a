package ref

import (
	"strings"
	"testing"
)

func TestCitedWorksNamesEachWorkOnceWithoutPages(t *testing.T) {
	got := CitedWorks(
		Citation{Refs: "Knight & Kim 2006: 264; Katwalo 2006: 94"},
		Citation{Refs: "Knight & Kim 2006: 265"},
		Citation{Table: "11"},
	)
	if strings.Join(got, "|") != "Katwalo 2006|Knight & Kim 2006" {
		t.Errorf("CitedWorks = %q", got)
	}
}
