package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
)

// utf8BOM starts the CSV file: Excel on Windows reads a CSV without it in
// the system's ANSI code page (Windows-1252), turning å, ä and ö into
// "Ã¥"; with it, Excel and LibreOffice read UTF-8, and most other tools
// (pandas with utf-8-sig, R's readr) skip it.
const utf8BOM = "\uFEFF"

// tableColumn is a column of the text table: its header and its cell.
type tableColumn struct {
	header string
	right  bool // numbers are right-aligned
	cell   func(*portfolio.Row) string
}

// textColumns are the text table's columns in l's language.
func (v *portfolioView) textColumns() []tableColumn {
	l := v.l
	cols := []tableColumn{
		{"ID", true, func(r *portfolio.Row) string { return strconv.FormatInt(int64(r.ID), 10) }},
		{l.T("cli.portfolio.col.name"), false, func(r *portfolio.Row) string { return r.Name }},
		{l.T("cli.portfolio.col.place"), false, func(r *portfolio.Row) string { return r.City }},
		{l.T("cli.portfolio.col.industry"), false, func(r *portfolio.Row) string { return clip(r.Industry, 24) }},
		{l.T("cli.portfolio.col.size"), false, func(r *portfolio.Row) string { return v.vocab("sizeclass", r.SizeClass) }},
		{l.T("cli.portfolio.col.stage"), false, func(r *portfolio.Row) string { return v.vocab("stage", r.Stage) }},
		{l.T("cli.portfolio.col.latest"), false, func(r *portfolio.Row) string { return r.LatestDate }},
	}
	for _, dim := range ref.Dimensions {
		cols = append(cols, tableColumn{string(dim), true, func(r *portfolio.Row) string { return scoreText(r, dim) }})
	}
	return append(cols,
		tableColumn{l.T("cli.portfolio.col.gap"), false, gapText},
		tableColumn{l.T("cli.portfolio.col.next_review"), false, reviewText},
		tableColumn{l.T("cli.portfolio.col.open_actions"), true, func(r *portfolio.Row) string { return strconv.Itoa(r.OpenActions) }},
		tableColumn{l.T("cli.portfolio.col.overdue_actions"), true, func(r *portfolio.Row) string { return strconv.Itoa(r.OverdueActions) }},
		tableColumn{l.T("cli.portfolio.col.completeness"), true, func(r *portfolio.Row) string {
			if r.Latest == 0 {
				return "–"
			}
			return l.Percent(r.Completeness*100, 0)
		}},
	)
}

// vocab is the short name of a vocabulary code: the words before " – " or
// " (" of its name ("Trial – we are doing…" → "Trial").
func (v *portfolioView) vocab(kind, id string) string {
	if id == "" {
		return ""
	}
	name := v.l.T(ref.VocabName(kind, id))
	for _, sep := range []string{" – ", " ("} {
		name, _, _ = strings.Cut(name, sep)
	}
	return name
}

func scoreText(r *portfolio.Row, dim ref.Dimension) string {
	s, ok := r.Score(dim)
	if !ok {
		return "–"
	}
	return strconv.Itoa(int(math.Round(s)))
}

func gapText(r *portfolio.Row) string {
	if r.GapDimension == "" {
		return ""
	}
	return fmt.Sprintf("%s %.0f", r.GapDimension, r.GapPoints)
}

// reviewText is the review date, marked "!" when it has passed.
func reviewText(r *portfolio.Row) string {
	if r.ReviewOverdue {
		return r.NextReview + " !"
	}
	return r.NextReview
}

// clip shortens s to n characters, ending it with "…".
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// writeTable prints the rows as aligned text with a line under it: how
// many, or that the filter matched none.
func (v *portfolioView) writeTable(rows []portfolio.Row) error {
	cols := v.textColumns()
	cells := make([][]string, 0, len(rows)+1)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.header
	}
	cells = append(cells, head)
	for i := range rows {
		line := make([]string, len(cols))
		for j, c := range cols {
			line[j] = c.cell(&rows[i])
		}
		cells = append(cells, line)
	}
	w := &textWriter{out: v.out}
	right := make([]bool, len(cols))
	for i, c := range cols {
		right[i] = c.right
	}
	for _, line := range align(cells, right) {
		w.line(line)
	}
	w.line("")
	switch {
	case len(rows) == 0 && len(v.clients) == 0:
		w.line(v.l.T("cli.portfolio.empty"))
	case len(rows) == 0:
		w.line(v.l.N("cli.portfolio.none_match", len(v.clients), nil))
	default:
		w.line(v.l.Tf("cli.portfolio.shown", map[string]any{"Shown": len(rows), "Total": len(v.clients)}))
		w.line(v.l.T("cli.portfolio.legend"))
	}
	return w.err
}

// align pads every cell to its column's width in characters, two spaces
// apart; right-aligned columns are padded on the left.
func align(cells [][]string, right []bool) []string {
	width := make([]int, len(right))
	for _, line := range cells {
		for i, c := range line {
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	out := make([]string, len(cells))
	for n, line := range cells {
		var b strings.Builder
		for i, c := range line {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if right[i] {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		out[n] = strings.TrimRight(b.String(), " ")
	}
	return out
}

// writeCSV writes the rows for a spreadsheet: a header in l's language,
// then numbers with a decimal point and dates as YYYY-MM-DD, so that every
// tool reads them as numbers and dates; empty where there is no value.
func (v *portfolioView) writeCSV(w io.Writer, rows []portfolio.Row) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	head := []string{"ID"}
	for _, id := range []string{"name", "org_nr", "place", "county", "industry", "size", "stage", "assessments", "latest"} {
		head = append(head, v.l.T("cli.portfolio.col."+id))
	}
	for _, dim := range ref.Dimensions {
		head = append(head, string(dim))
	}
	for _, id := range []string{"gap", "gap_points", "next_review", "open_actions", "overdue_actions", "completeness_pct"} {
		head = append(head, v.l.T("cli.portfolio.col."+id))
	}
	if err := cw.Write(head); err != nil {
		return err
	}
	for i := range rows {
		if err := cw.Write(v.csvRecord(&rows[i])); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func (v *portfolioView) csvRecord(r *portfolio.Row) []string {
	rec := []string{strconv.FormatInt(int64(r.ID), 10), r.Name, r.OrgNr, r.City, r.County, r.Industry,
		v.vocab("sizeclass", r.SizeClass), v.vocab("stage", r.Stage), strconv.Itoa(r.Assessments), r.LatestDate}
	for _, dim := range ref.Dimensions {
		s, ok := r.Score(dim)
		rec = append(rec, number(s, ok))
	}
	completeness := ""
	if r.Latest != 0 {
		completeness = number(r.Completeness*100, true)
	}
	return append(rec, string(r.GapDimension), number(r.GapPoints, r.GapDimension != ""), r.NextReview,
		strconv.Itoa(r.OpenActions), strconv.Itoa(r.OverdueActions), completeness)
}

// number is v with one decimal and a decimal point, "" when there is none.
func number(v float64, ok bool) string {
	if !ok || math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', -1, 64)
}
