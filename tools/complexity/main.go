// Command complexity is POMI Planner's complexity gate: it measures the
// cyclomatic complexity of every function under the given directories and
// fails when one is over the limit (15, as gocyclo -over 15 in the projects
// we model ours on), so a long function is split while it is still easy to.
//
//	go run ./tools/complexity [-over 15] DIR...
//
// It prints "file:line function complexity" for each function over the
// limit and exits with status 1 if there is any, 2 on a parse error. It
// skips testdata, vendor, directories starting with "." or "_", and
// _test.go files (see measured). It needs no module beyond the standard
// library, so the gate costs no dependency.
package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	over := flag.Int("over", 15, "report functions whose complexity is over this")
	flag.Parse()
	roots := flag.Args()
	if len(roots) == 0 {
		roots = []string{"."}
	}
	found, err := Walk(roots, *over)
	if err != nil {
		fmt.Fprintln(os.Stderr, "complexity:", err)
		os.Exit(2)
	}
	os.Exit(report(found, *over))
}
