package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Finding is one function whose cyclomatic complexity is over the limit.
type Finding struct {
	Pos        token.Position // where the func keyword is
	Name       string         // "F", "T.M" or "(*T).M"
	Complexity int
}

// String formats the finding as "file:line function complexity", the form
// editors and CI logs turn into a link.
func (f Finding) String() string {
	return fmt.Sprintf("%s:%d %s %d", f.Pos.Filename, f.Pos.Line, f.Name, f.Complexity)
}

// Complexity counts the cyclomatic complexity of a function body the way
// gocyclo does: 1, plus one for every if, for, range, non-default case of a
// switch or select, && and ||. Function literals inside the body count
// towards it, since a closure's branches are read as part of the function
// that holds them.
func Complexity(body ast.Node) int {
	c := 1
	ast.Inspect(body, func(n ast.Node) bool {
		c += branches(n)
		return true
	})
	return c
}

// branches is how many paths one node adds.
func branches(n ast.Node) int {
	switch n := n.(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt:
		return 1
	case *ast.CaseClause:
		return boolInt(n.List != nil) // nil List is default
	case *ast.CommClause:
		return boolInt(n.Comm != nil) // nil Comm is default
	case *ast.BinaryExpr:
		return boolInt(n.Op == token.LAND || n.Op == token.LOR)
	}
	return 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FileFindings parses one Go source and returns its functions over limit.
// Only declared functions and methods are measured; a function literal at
// package level is rare here and would be caught by review.
func FileFindings(fset *token.FileSet, name string, src any, limit int) ([]Finding, error) {
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	var out []Finding
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Body == nil {
			continue
		}
		if c := Complexity(fn.Body); c > limit {
			out = append(out, Finding{fset.Position(fn.Pos()), funcName(fn), c})
		}
	}
	return out, nil
}

// funcName names a function as a reader searches for it: F, T.M or (*T).M.
func funcName(fn *ast.FuncDecl) string {
	if fn.Recv == nil || len(fn.Recv.List) == 0 {
		return fn.Name.Name
	}
	return recvName(fn.Recv.List[0].Type) + "." + fn.Name.Name
}

// recvName spells a receiver type without its type parameters.
func recvName(t ast.Expr) string {
	switch t := t.(type) {
	case *ast.StarExpr:
		return "(*" + recvName(t.X) + ")"
	case *ast.IndexExpr:
		return recvName(t.X)
	case *ast.IndexListExpr:
		return recvName(t.X)
	case *ast.Ident:
		return t.Name
	}
	return "?"
}

// skipDir reports whether a directory holds no code of ours to measure:
// testdata and vendor, as the go command ignores them, and "." or "_"
// directories (.git, .ci, _build), which the go command ignores as well.
func skipDir(path string, d fs.DirEntry, root string) bool {
	if path == root {
		return false
	}
	n := d.Name()
	return n == "testdata" || n == "vendor" || strings.HasPrefix(n, ".") || strings.HasPrefix(n, "_")
}

// measured reports whether a file is measured. Tests are not: a test reads
// top to bottom as a list of checks, and each `if got != want` adds a path
// without adding logic to follow, so the gate would push tests to be split
// for no reader's benefit.
func measured(name string) bool {
	return strings.HasSuffix(name, ".go") && !strings.HasSuffix(name, "_test.go")
}

// Walk measures every Go file under the roots and returns the functions
// over limit, sorted by file and line.
func Walk(roots []string, limit int) ([]Finding, error) {
	fset := token.NewFileSet()
	var all []Finding
	for _, root := range roots {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if skipDir(path, d, root) {
					return filepath.SkipDir
				}
				return nil
			}
			if !measured(d.Name()) {
				return nil
			}
			found, err := FileFindings(fset, path, nil, limit)
			all = append(all, found...)
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return less(all[i].Pos, all[j].Pos) })
	return all, nil
}

func less(a, b token.Position) bool {
	if a.Filename != b.Filename {
		return a.Filename < b.Filename
	}
	return a.Line < b.Line
}

// report prints the findings and returns the exit status: 1 when any.
func report(found []Finding, limit int) int {
	for _, f := range found {
		fmt.Println(f)
	}
	if len(found) == 0 {
		return 0
	}
	fmt.Fprintf(os.Stderr, "complexity: %d function(s) over %d; split them into named steps\n", len(found), limit)
	return 1
}
