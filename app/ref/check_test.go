package ref

import "testing"

func TestEmbeddedDataIsConsistent(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(d.EntryModes) == 0 || len(d.Competences) != 15 {
		t.Fatalf("got %d entry modes and %d competences, want some and 15", len(d.EntryModes), len(d.Competences))
	}
}
