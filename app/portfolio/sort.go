package portfolio

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pomi-planner/pomi/app/ref"
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
)

// Columns lists the sortable columns in the table's order.
var Columns = []Column{ColName, ColPlace, ColIndustry, ColSize, ColStage, ColLatest,
	ColScoreP, ColScoreO, ColScoreM, ColScoreI, ColGap, ColNextReview,
	ColOpenActions, ColOverdueActions, ColCompleteness}

// sizeOrder ranks the size classes from small to large.
var sizeOrder = map[string]int{"micro": 1, "small": 2, "medium": 3, "large": 4}

// key is a row's sort value in one column: text or a number; missing
// values (no score, no date, no place) sort last in either direction.
type key struct {
	missing bool
	text    string
	num     float64
}

// keyFunc returns how to read col's sort key off a row; the name column
// for an unknown column.
func keyFunc(col Column) func(r *Row) key {
	switch col {
	case ColPlace:
		return func(r *Row) key { return textKey(strings.TrimSpace(r.City + " " + r.County)) }
	case ColIndustry:
		return func(r *Row) key { return textKey(r.Industry) }
	case ColSize:
		return func(r *Row) key { n, ok := sizeOrder[r.SizeClass]; return key{missing: !ok, num: float64(n)} }
	case ColStage:
		return func(r *Row) key { return textKey(r.Stage) }
	case ColLatest:
		return func(r *Row) key { return key{missing: r.LatestDate == "", text: r.LatestDate} }
	case ColScoreP, ColScoreO, ColScoreM, ColScoreI:
		return scoreKey(scoreColumns[col])
	case ColGap:
		return func(r *Row) key { return key{missing: r.GapDimension == "", num: r.GapPoints} }
	case ColNextReview:
		return func(r *Row) key { return key{missing: r.NextReview == "", text: r.NextReview} }
	}
	return numberKeys(col)
}

// numberKeys covers the count columns and, for anything else, the name.
func numberKeys(col Column) func(r *Row) key {
	switch col {
	case ColOpenActions:
		return func(r *Row) key { return key{num: float64(r.OpenActions)} }
	case ColOverdueActions:
		return func(r *Row) key { return key{num: float64(r.OverdueActions)} }
	case ColCompleteness:
		return func(r *Row) key { return key{missing: r.Latest == 0 && r.LatestDate == "", num: r.Completeness} }
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

// textKey compares text folded, so "Ängelholm" sorts among the a's as the
// search treats it; empty text is missing.
func textKey(s string) key {
	return key{missing: s == "", text: Fold(s)}
}

func (a key) compare(b key) int {
	if c := cmp.Compare(a.text, b.text); c != 0 {
		return c
	}
	return cmp.Compare(a.num, b.num)
}

// SortRows sorts rows in place by col, descending when desc. Rows without
// a value in the column come last either way; ties are broken by name
// (folded, ascending) and then by id, so the order is stable across calls.
func SortRows(rows []Row, col Column, desc bool) {
	get := keyFunc(col)
	type item struct {
		k    key
		name string
		row  Row
	}
	items := make([]item, len(rows))
	for i := range rows {
		items[i] = item{get(&rows[i]), Fold(rows[i].Name), rows[i]}
	}
	slices.SortStableFunc(items, func(a, b item) int {
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
		return cmp.Compare(a.row.ID, b.row.ID)
	})
	for i := range items {
		rows[i] = items[i].row
	}
}
