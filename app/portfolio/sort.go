package portfolio

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pomi-planner/pomi/app/ref"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// Column names a column of the portfolio table to sort by.
type Column string

// The table's columns.
const (
	ColName           Column = "name"
	ColPlace          Column = "place"
	ColIndustry       Column = "industry"
	ColSize           Column = "size"
	ColStage          Column = "stage"
	ColLatest         Column = "latest"
	ColScoreP         Column = "score_p"
	ColScoreO         Column = "score_o"
	ColScoreM         Column = "score_m"
	ColScoreI         Column = "score_i"
	ColGap            Column = "gap"
	ColNextReview     Column = "next_review"
	ColOpenActions    Column = "open_actions"
	ColOverdueActions Column = "overdue_actions"
	ColCompleteness   Column = "completeness"
	// ColChanged orders by the last change; the window's default, newest first.
	ColChanged Column = "changed"
)

// Columns lists the sortable columns in the table's order.
var Columns = []Column{ColName, ColPlace, ColIndustry, ColSize, ColStage, ColLatest,
	ColScoreP, ColScoreO, ColScoreM, ColScoreI, ColGap, ColNextReview,
	ColOpenActions, ColOverdueActions, ColCompleteness, ColChanged}

// sizeOrder ranks the size classes from small to large.
var sizeOrder = map[string]int{"micro": 1, "small": 2, "medium": 3, "large": 4}

// key is a row's sort value in one column: text or a number; missing
// values (no score, no date, no place) sort last in either direction.
type key struct {
	missing bool
	text    string
	num     float64
}

// keyFunc returns how to read col's sort key off a row, text made
// comparable by text; the name column for an unknown column.
func keyFunc(col Column, text func(string) string) func(r *Row) key {
	textKey := func(s string) key { return key{missing: s == "", text: text(s)} }
	switch col {
	case ColPlace:
		return func(r *Row) key { return textKey(strings.TrimSpace(r.City + " " + r.County)) }
	case ColIndustry:
		return func(r *Row) key { return textKey(r.Industry) }
	case ColSize:
		return func(r *Row) key { n, ok := sizeOrder[r.SizeClass]; return key{missing: !ok, num: float64(n)} }
	case ColStage:
		return func(r *Row) key {
			n := slices.Index(ref.ExportStages, r.Stage)
			return key{missing: n < 0, num: float64(n)}
		}
	case ColLatest:
		return func(r *Row) key { return key{missing: r.LatestDate == "", text: r.LatestDate} }
	case ColScoreP, ColScoreO, ColScoreM, ColScoreI:
		return scoreKey(scoreColumns[col])
	case ColGap:
		return func(r *Row) key { return key{missing: r.GapDimension == "", num: r.GapPoints} }
	case ColNextReview:
		return func(r *Row) key { return key{missing: r.NextReview == "", text: r.NextReview} }
	}
	return numberKeys(col, textKey)
}

// numberKeys covers the count columns and, for anything else, the name.
func numberKeys(col Column, textKey func(string) key) func(r *Row) key {
	switch col {
	case ColOpenActions:
		return func(r *Row) key { return key{num: float64(r.OpenActions)} }
	case ColOverdueActions:
		return func(r *Row) key { return key{num: float64(r.OverdueActions)} }
	case ColCompleteness:
		return func(r *Row) key { return key{missing: r.Latest == 0 && r.LatestDate == "", num: r.Completeness} }
	case ColChanged:
		return func(r *Row) key { return key{missing: r.Updated.IsZero(), num: float64(r.Updated.UnixNano())} }
	}
	return func(r *Row) key { return textKey(r.Name) }
}

var scoreColumns = map[Column]ref.Dimension{
	ColScoreP: ref.Personal, ColScoreO: ref.Organizational, ColScoreM: ref.Market, ColScoreI: ref.Institutional,
}

func scoreKey(dim ref.Dimension) func(r *Row) key {
	return func(r *Row) key {
		s, ok := r.Score(dim)
		return key{missing: !ok, num: s}
	}
}

func (a key) compare(b key) int {
	if c := cmp.Compare(a.text, b.text); c != 0 {
		return c
	}
	return cmp.Compare(a.num, b.num)
}

// SortRows sorts rows in place by col, descending when desc. Rows without
// a value in the column come last either way; ties are broken by name
// (ascending) and then by id, so the order is stable across calls. Text is
// compared folded, so "Ängelholm" sorts among the a's as the search treats
// it; SortRowsIn sorts text as a language does.
func SortRows(rows []Row, col Column, desc bool) {
	SortRowsIn("", rows, col, desc)
}

// SortRowsIn is SortRows with text in lang's alphabetical order: in
// Swedish Å, Ä and Ö come after Z. An empty lang compares text folded.
func SortRowsIn(lang string, rows []Row, col Column, desc bool) {
	order := OrderIn(lang, rows, col, desc)
	sorted := make([]Row, len(rows))
	for i, j := range order {
		sorted[i] = rows[j]
	}
	copy(rows, sorted)
}

// Order returns the positions of rows in SortRows' order, leaving rows as
// they are: the window sorts its 10,000 rows by position, not by moving
// them.
func Order(rows []Row, col Column, desc bool) []int {
	return OrderIn("", rows, col, desc)
}

// OrderIn is Order with text in lang's alphabetical order (SortRowsIn).
func OrderIn(lang string, rows []Row, col Column, desc bool) []int {
	text := textOrder(lang)
	get := keyFunc(col, text)
	type item struct {
		k    key
		name string
		at   int
	}
	items := make([]item, len(rows))
	for i := range rows {
		items[i] = item{get(&rows[i]), text(rows[i].Name), i}
	}
	slices.SortFunc(items, func(a, b item) int {
		if a.k.missing != b.k.missing {
			if a.k.missing {
				return 1
			}
			return -1
		}
		c := a.k.compare(b.k)
		if desc {
			c = -c
		}
		if c != 0 {
			return c
		}
		if c = cmp.Compare(a.name, b.name); c != 0 {
			return c
		}
		if c = cmp.Compare(rows[a.at].ID, rows[b.at].ID); c != 0 {
			return c
		}
		return cmp.Compare(a.at, b.at)
	})
	out := make([]int, len(items))
	for i := range items {
		out[i] = items[i].at
	}
	return out
}

// textOrder returns what makes text comparable as plain strings: lang's
// collation key ignoring case, or the folded text for no language.
func textOrder(lang string) func(string) string {
	tag, err := language.Parse(lang)
	if lang == "" || err != nil {
		return Fold
	}
	c := collate.New(tag, collate.IgnoreCase)
	var buf collate.Buffer
	return func(s string) string {
		k := string(c.KeyFromString(&buf, s))
		buf.Reset()
		return k
	}
}
