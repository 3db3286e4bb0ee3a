package main

import (
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestComplexityCountsEachBranchOnce measures snippets whose complexity is
// known by hand: 1 plus one for each if, for, range, non-default case or
// comm clause, && and ||; else, default, goto and plain blocks add nothing.
func TestComplexityCountsEachBranchOnce(t *testing.T) {
	cases := []struct {
		name string
		body string
		want int
	}{
		{"empty", ``, 1},
		{"if", `if a { return }`, 2},
		{"if else adds only the if", `if a { x() } else { y() }`, 2},
		{"else if", `if a { x() } else if b { y() } else { z() }`, 3},
		{"for", `for i := 0; i < 3; i++ {}`, 2},
		{"bare for", `for {}`, 2},
		{"range", `for range xs {}`, 2},
		{"and or", `_ = a && b || c`, 3},
		{"other operators", `_ = a + b == c`, 1},
		{"switch with default", `switch x { case 1: ; case 2, 3: ; default: }`, 3},
		{"type switch", `switch x.(type) { case int: ; case string: }`, 3},
		{"select with default", `select { case <-c: ; case d <- 1: ; default: }`, 3},
		{"closure counts for its holder", `f := func() { if a { return } }; f()`, 2},
		{"nested", `for _, v := range xs { if v > 0 && v < 9 { switch v { case 1: ; case 2: } } }`, 6},
	}
	for _, c := range cases {
		src := "package p\nfunc F() {\n" + c.body + "\n}\n"
		got, err := FileFindings(token.NewFileSet(), "p.go", src, 0)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if len(got) != 1 || got[0].Complexity != c.want {
			t.Errorf("%s: got %v, want complexity %d", c.name, got, c.want)
		}
	}
}

// TestFindingsNameMethodsAndKeepOnlyThoseOverTheLimit checks the names a
// reader searches for and that a function at the limit passes.
func TestFindingsNameMethodsAndKeepOnlyThoseOverTheLimit(t *testing.T) {
	src := `package p
func Simple() {}
func Two(a bool) { if a {} }
type T struct{}
func (T) Val(a bool) { if a {} }
func (t *T) Ptr(a bool) { if a {} }
type G[K any] struct{}
func (g *G[K]) Gen(a bool) { if a {} }
func Decl()
`
	got, err := FileFindings(token.NewFileSet(), "p.go", src, 1)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, f := range got {
		lines = append(lines, f.String())
	}
	want := []string{"p.go:3 Two 2", "p.go:5 T.Val 2", "p.go:6 (*T).Ptr 2", "p.go:8 (*G).Gen 2"}
	if !reflect.DeepEqual(lines, want) {
		t.Errorf("got %q, want %q", lines, want)
	}
}

// TestWalkSkipsTestsTestdataVendorAndHiddenDirs lays out a tree with a
// complex function in every place the gate must skip and one it must not.
func TestWalkSkipsTestsTestdataVendorAndHiddenDirs(t *testing.T) {
	root := t.TempDir()
	complex := "package p\nfunc Busy(a, b, c bool) { if a && b || c {} }\n" // 4
	for _, name := range []string{
		"p/busy.go", "p/busy_test.go", "p/testdata/x.go", "vendor/v/x.go",
		".ci/x.go", "_old/x.go", "p/notes.txt",
	} {
		path := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(complex), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := Walk([]string{root}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || !strings.HasSuffix(got[0].Pos.Filename, filepath.Join("p", "busy.go")) || got[0].Complexity != 4 {
		t.Errorf("got %v, want only p/busy.go Busy 4", got)
	}
	if report(nil, 3) != 0 || report(got, 3) != 1 {
		t.Error("report must exit 0 without findings and 1 with some")
	}
}

// TestWalkReportsAParseError keeps a broken file from passing the gate.
func TestWalkReportsAParseError(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "bad.go"), []byte("package p\nfunc {"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Walk([]string{root}, 15); err == nil {
		t.Error("a file that does not parse passed")
	}
}
