package store

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/app"
)

// After an erase, no byte of the live database may hold the company's
// words, not even as the full-text index keeps them: folded to lower case
// without diacritics, in segments that a delete only marks (issue 12,
// finding 3). The WAL is checkpointed away on close.
func TestEraseLeavesNoIndexedWordInTheDatabaseFile(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	id, err := s.ImportDocument(ctx, demoDocument(t, "goteborg-medtech.json"), app.ImportRefuseDuplicate)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportDocument(ctx, demoDocument(t, "malmo-mat.json"), app.ImportRefuseDuplicate); err != nil {
		t.Fatal(err)
	}
	if err := s.EraseCompany(ctx, id); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	if wal, err := os.ReadFile(s.Path() + "-wal"); err == nil {
		raw = append(raw, wal...)
	}
	// Words of the name, org.nr, contact and notes, as unicode61 with
	// remove_diacritics 2 stores them, and as typed.
	// The index rebuilt, the others are still found.
	s2, err := Open(ctx, filepath.Dir(s.Path()))
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if _, n, err := s2.ListCompanies(ctx, app.ListQuery{Search: "möllevång"}); n != 1 || err != nil {
		t.Errorf("search for the kept company: %d (%v)", n, err)
	}
	for _, word := range []string{"alvsense", "Älvsense", "559214", "nystrom", "Nyström", "sahlgrenska", "Sahlgrenska", "sensorplastret", "kontraktstillverkare"} {
		if bytes.Contains(bytes.ToLower(raw), bytes.ToLower([]byte(word))) {
			t.Errorf("the erased company's %q is still in the database file", word)
		}
	}
}
