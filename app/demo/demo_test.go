package demo

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/ref"
)

func TestExampleCompaniesDecodeWithHistory(t *testing.T) {
	docs, err := Companies(ref.MustLoad(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 3 {
		t.Fatalf("%d example companies, want 3", len(docs))
	}
	for _, d := range docs {
		if len(d.Assessments) < 2 || d.Assessments[0].Date >= d.Assessments[1].Date {
			t.Errorf("%s: assessments %d, want two in date order", d.Company.Name, len(d.Assessments))
		}
	}
}

// The embedded examples and testdata/ are the same files, so the CLI examples
// in the README and the demo the app loads never drift apart.
func TestEmbeddedExamplesEqualTestdata(t *testing.T) {
	names, _ := filepath.Glob("companies/*.json")
	for _, name := range names {
		embedded, _ := os.ReadFile(name)
		shared, err := os.ReadFile(filepath.Join("..", "..", "testdata", filepath.Base(name)))
		if err != nil || !bytes.Equal(embedded, shared) {
			t.Errorf("%s differs from testdata/ (%v): copy one over the other", name, err)
		}
	}
}
