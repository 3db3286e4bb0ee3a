package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestReadGoBenchTakesTheMedianOfEachUnit(t *testing.T) {
	out := `goos: linux
BenchmarkCompanies10000/Search_möb-2    	     244	   4000000 ns/op	  326527 B/op	    8562 allocs/op	       624.0 matches
BenchmarkCompanies10000/Search_möb-2    	     254	   9000000 ns/op	  326505 B/op	    8562 allocs/op	       624.0 matches
BenchmarkCompanies10000/Search_möb-2    	     246	   5000000 ns/op	  326504 B/op	    8562 allocs/op	       624.0 matches
BenchmarkDemoPlan-16	20	50000000 ns/op
BenchmarkDemoPlan-16	20	52000000 ns/op
PASS
`
	path := filepath.Join(t.TempDir(), "bench.txt")
	if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readGoBench(path)
	if err != nil {
		t.Fatal(err)
	}
	search := got["BenchmarkCompanies10000/Search_möb"]
	if search["ns/op"] != 5e6 || search["matches"] != 624 || search["allocs/op"] != 8562 {
		t.Errorf("search: %v, want median 5e6 ns/op, 624 matches, 8562 allocs/op", search)
	}
	if plan := got["BenchmarkDemoPlan"]["ns/op"]; plan != 51e6 {
		t.Errorf("demo plan: %v ns/op, want 51e6 (the mean of the middle two)", plan)
	}
	if len(got) != 2 {
		t.Errorf("read %d benchmarks, want 2: %v", len(got), got)
	}
}

func TestSpreadShowsMedianAndRange(t *testing.T) {
	ls := []launch{{MappedMS: 300}, {MappedMS: 100}, {MappedMS: 250}}
	if got := spread(ls, mapped, "bare "); got != "bare 250 ms (100–300)" {
		t.Errorf("spread = %q", got)
	}
	if got := spread(nil, mapped, ""); got != "–" {
		t.Errorf("spread of nothing = %q", got)
	}
}
