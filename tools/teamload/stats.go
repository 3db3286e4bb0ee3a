package main

import (
	"fmt"
	"slices"
	"time"
)

// latencies are the durations of one kind of operation.
type latencies []time.Duration

// pct is the q-th quantile (0..1), nearest rank; 0 when empty.
func (l latencies) pct(q float64) time.Duration {
	if len(l) == 0 {
		return 0
	}
	s := slices.Clone(l)
	slices.Sort(s)
	i := int(q*float64(len(s))+0.5) - 1
	return s[max(0, min(i, len(s)-1))]
}

// row is one line of the figures table.
type row struct {
	measure, baseline, value string
	ratio                    float64
}

// report is what a run found, ready to print.
type report struct {
	header []string
	rows   []row
	notes  []string
	// used is the CPU time from pomi-server's start to the end.
	used cpu
}

func (r *report) add(measure, baseline string, base time.Duration, value string, v time.Duration) {
	ratio := 0.0
	if base > 0 {
		ratio = float64(v) / float64(base)
	}
	r.rows = append(r.rows, row{measure, baseline, value, ratio})
}

// print writes the report as Markdown.
func (r *report) print() string {
	out := ""
	for _, h := range r.header {
		out += h + "\n"
	}
	out += "\n| Measure | Baseline: plain SELECT of the same rows (pgx) | Through pomi-server | Ratio |\n|---|---|---|---|\n"
	for _, w := range r.rows {
		ratio := ""
		if w.ratio > 0 {
			ratio = fmt.Sprintf("%.1f×", w.ratio)
		}
		out += fmt.Sprintf("| %s | %s | %s | %s |\n", w.measure, w.baseline, w.value, ratio)
	}
	out += "\n"
	for _, n := range r.notes {
		out += "- " + n + "\n"
	}
	return out
}

// ms formats a duration in milliseconds with sensible precision.
func ms(d time.Duration) string {
	f := float64(d) / float64(time.Millisecond)
	switch {
	case f >= 100:
		return fmt.Sprintf("%.0f ms", f)
	case f >= 10:
		return fmt.Sprintf("%.1f ms", f)
	}
	return fmt.Sprintf("%.2f ms", f)
}

// perOp is a total divided by n, as a duration.
func perOp(total time.Duration, n int) time.Duration {
	if n == 0 {
		return 0
	}
	return total / time.Duration(n)
}
