// Command benchsummary prints the table of `make bench` as Markdown, ready for
// docs/performance.md: each figure beside its baseline, the ratio and the
// aim, with the machine described. It reads what .ci/bench.sh left in DIR:
//
//	benchsummary bin/bench
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: benchsummary DIR")
		os.Exit(2)
	}
	if err := run(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "benchsummary:", err)
		os.Exit(1)
	}
}

func run(dir string) error {
	launches := map[string][]launch{}
	for _, v := range []string{"bare", "pomi", "pomi-empty", "pomi-backup"} {
		ls, err := readLaunches(filepath.Join(dir, "launch-"+v+".jsonl"))
		if err != nil {
			return err
		}
		launches[v] = ls
	}
	report, err := readGoBench(filepath.Join(dir, "bench-report.txt"))
	if err != nil {
		return err
	}
	search, err := readGoBench(filepath.Join(dir, "bench-store.txt"))
	if err != nil {
		return err
	}
	folio, err := readGoBench(filepath.Join(dir, "bench-portfolio.txt"))
	if err != nil {
		return err
	}
	fmt.Print(machine(dir, launches["pomi"]))
	fmt.Println()
	fmt.Println("| Measure | Baseline | POMI Planner | Ratio | Aim |")
	fmt.Println("|---|---|---|---|---|")
	launchRows(launches)
	memoryRows(launches)
	sizeRows(dir)
	benchRows(report, search)
	portfolioRows(folio)
	fmt.Printf("\nLaunch figures: median of %d starts (fastest–slowest in brackets), alternating; Go benchmarks: median of the runs' ns/op.\n",
		len(launches["pomi"]))
	return nil
}

func launchRows(l map[string][]launch) {
	bare := l["bare"]
	bareMapped, bareDone := median(bare, mapped), median(bare, complete)
	row("Launch → window mapped, 10,000 companies", spread(bare, mapped, "bare window "), spread(l["pomi"], mapped, ""),
		ratio(median(l["pomi"], mapped), bareMapped), "≤ 1.3×")
	row("Launch → window complete (list filled), 10,000 companies", spread(bare, complete, "bare window "),
		spread(l["pomi"], complete, ""), ratio(median(l["pomi"], complete), bareDone), "≤ 1.3×")
	row("Launch → window complete, empty database", spread(bare, complete, "bare window "),
		spread(l["pomi-empty"], complete, ""), ratio(median(l["pomi-empty"], complete), bareDone), "")
	row("Launch → window complete, first start of the day (daily backup), 10,000 companies", spread(bare, complete, "bare window "),
		spread(l["pomi-backup"], complete, ""), ratio(median(l["pomi-backup"], complete), bareDone), "")
}

func memoryRows(l map[string][]launch) {
	bare, pomi := l["bare"], l["pomi"]
	row("Idle memory (RSS) 3 s after the window settled, 10,000 companies", "bare window "+mb(median(bare, rss)),
		mb(median(pomi, rss)), ratio(median(pomi, rss), median(bare, rss)), "≤ 150 MB")
	row("… of which the program's own (RssAnon; the rest is shared libraries)", "bare window "+mb(median(bare, anon)),
		mb(median(pomi, anon)), ratio(median(pomi, anon), median(bare, anon)), "")
}

func sizeRows(dir string) {
	size := func(name string) float64 {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil {
			return 0
		}
		return float64(info.Size())
	}
	pomi, bare := size("pomi"), size("barewindow")
	row("Release binary (`-trimpath -ldflags \"-s -w\"`, linux/amd64)", fmt.Sprintf("bare window %.1f MB", bare/1e6),
		fmt.Sprintf("%.1f MB (%s bytes)", pomi/1e6, thousands(int64(pomi))), ratio(pomi, bare), "≤ 40 MB")
	row("pomi-cli (same flags, no cgo)", "", fmt.Sprintf("%.1f MB", size("pomi-cli")/1e6), "", "")
}

func benchRows(report, search map[string]map[string]float64) {
	plan, base := report["BenchmarkDemoPlan"]["ns/op"], report["BenchmarkBaselineFpdf"]["ns/op"]
	row("PDF: the demo plan (analysis, layout, fonts, radar), Swedish", "fpdf text dump "+dur(base), dur(plan), ratio(plan, base), "")
	list := func(name string) (ns, matches float64) {
		m := search["BenchmarkCompanies10000/"+name]
		return m["ns/op"], m["matches"]
	}
	count, _ := list("Count")
	all, _ := list("ListAll")
	row("Company list: first 500 of 10,000 companies, as the window opens", "SQL count(*) "+dur(count), dur(all), ratio(all, count), "")
	for _, b := range []struct{ name, what string }{
		{"Search_möb", `search "möb"`},
		{"Search_möb_tranås", `search "möb tranås"`},
		{"Search_orgnr", "search one org.nr"},
	} {
		ns, matches := list(b.name)
		row(fmt.Sprintf("Company list: %s → %.0f found, up to 500 listed", b.what, matches), "first 500, no search "+dur(all),
			dur(ns), ratio(ns, all), "")
	}
}

// portfolioRows are the portfolio's views, each from the database, beside
// reading the same rows with plain SQL; then the domain's part alone.
func portfolioRows(folio map[string]map[string]float64) {
	get := func(name string) map[string]float64 { return folio["BenchmarkPortfolio10000/"+name] }
	scan := get("SQLScan")["ns/op"]
	base := "SQL scan, not decoded " + dur(scan)
	for _, b := range []struct{ name, unit, what string }{
		{"Load", "companies", "Portfolio: load %.0f companies × 3 assessments with their actions"},
		{"Table", "rows", "Portfolio table: load + %.0f rows, sorted by name"},
		{"FollowUps", "items", "Follow-up view: load + %.0f reviews and overdue actions by week"},
		{"Insights", "companies", "Insights: load + insights over %.0f companies, anonymised"},
	} {
		m := get(b.name)
		row(fmt.Sprintf(b.what, m[b.unit]), base, dur(m["ns/op"]), ratio(m["ns/op"], scan), "≤ 100 ms")
	}
	for _, b := range []struct{ name, what string }{
		{"TableOnly", "… the table alone, portfolio loaded"},
		{"FollowUpsOnly", "… the follow-ups alone, portfolio loaded"},
		{"InsightsOnly", "… the insights alone, portfolio loaded"},
	} {
		row(b.what, "", dur(get(b.name)["ns/op"]), "", "")
	}
}

func row(cells ...string) { fmt.Println("| " + strings.Join(cells, " | ") + " |") }

func ratio(a, b float64) string {
	if a <= 0 || b <= 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}

func mb(kb float64) string { return fmt.Sprintf("%.0f MB", kb*1024/1e6) }

func dur(ns float64) string {
	switch {
	case ns <= 0:
		return "–"
	case ns < 1e6:
		return fmt.Sprintf("%.3f ms", ns/1e6)
	default:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	}
}

func thousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
