package report

import (
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/report/layout"
)

// planActions returns the actions the plan lists: the assessment's own,
// without the dismissed ones, or the engine's suggestions when it has none
// yet. They are ordered by due date (undated last), then priority.
func planActions(in *Input, an *app.Analysis, tr app.Translator) ([]app.ExplainedAction, bool) {
	source, suggested := in.Assessment.Actions, false
	if len(source) == 0 {
		source, suggested = an.SuggestedActions, true
	}
	out := make([]app.ExplainedAction, 0, len(source))
	for _, a := range source {
		if a.Status != app.ActionDismissed {
			out = append(out, app.ExplainAction(a, tr))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		di, dj := out[i].Due, out[j].Due
		if (di == "") != (dj == "") {
			return dj == ""
		}
		if di != dj {
			return di < dj
		}
		return priorityRank(out[i].Priority) < priorityRank(out[j].Priority)
	})
	return out, suggested
}

func priorityRank(p string) int {
	switch p {
	case app.PriorityHigh:
		return 0
	case app.PriorityMedium:
		return 1
	}
	return 2
}

// summarySection is the page that stands alone: who, what was found, what
// happens next, by whom and by when.
func (b *builder) summarySection() layout.Section {
	blocks := []layout.Block{{Kind: layout.KindKeyValue, Pairs: b.profileFacts()}}
	if len(b.words.Summary) > 0 {
		blocks = append(blocks, layout.Block{Kind: layout.KindCallout, Text: b.t("report.summary.found"), Items: b.words.Summary})
	}
	blocks = append(blocks, heading(b.t("report.summary.largest_gaps")), b.largestGaps())
	blocks = append(blocks, heading(b.t("report.summary.first_actions")), b.firstActions())
	if review, ok := b.in.Assessment.ReviewDate(); ok {
		blocks = append(blocks, layout.Block{Kind: layout.KindKeyValue, Pairs: []layout.Pair{
			{Key: b.t("report.summary.next_review"), Value: b.loc.DateLong(review)},
		}})
	}
	s := b.section("summary", true, blocks...)
	s.OnePage = true // the page that stands alone
	return s
}

// profileFacts are the company's key facts; unknown ones are left out, and a
// company with only a name still gets its entry modes line. Name, org.nr and
// place are on the cover and in every footer, so the summary keeps to one page.
func (b *builder) profileFacts() []layout.Pair {
	c := b.in.Company
	var pairs []layout.Pair
	add := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			pairs = append(pairs, layout.Pair{Key: b.t("report.fact." + key), Value: value})
		}
	}
	add("industry", joinNonEmpty(" – ", b.vocab("sector", c.Sector), c.Industry))
	add("size", b.sizeText())
	if c.TurnoverSEK != nil {
		add("turnover", b.tf("report.fact.turnover_value", map[string]any{"Value": b.loc.Number(float64(*c.TurnoverSEK)/1e6, 1)}))
	}
	if c.ExportShare != nil {
		add("export_share", b.loc.Percent(*c.ExportShare, 0))
	}
	add("current_markets", countryNames(c.CurrentMarkets, b.loc.Lang()))
	add("target_markets", countryNames(c.TargetMarkets, b.loc.Lang()))
	add("stage", b.vocab("stage", c.ExportStage))
	modes := b.modeList()
	if modes == "" {
		modes = b.t("report.fact.no_modes")
	}
	add("modes", modes)
	add("contact", joinNonEmpty(", ", c.Contact.Name, c.Contact.Role))
	return pairs
}

func (b *builder) vocab(kind, id string) string {
	if id == "" {
		return ""
	}
	return b.t(ref.VocabName(kind, id))
}

func (b *builder) sizeText() string {
	e := b.in.Company.Employees
	if e == nil {
		return ""
	}
	text := b.n("report.fact.employees_value", *e, map[string]any{"Count": b.num(float64(*e))})
	if sc := b.in.Company.SizeClass(); sc != "" {
		text += " – " + b.vocab("sizeclass", sc)
	}
	return text
}

// modeList names the chosen entry modes with their status.
func (b *builder) modeList() string {
	var parts []string
	for _, m := range b.in.Assessment.Modes {
		parts = append(parts, b.tf("report.mode_with_status", map[string]any{
			"Name": b.t(ref.ModeName(m.Mode)), "Status": b.t("report.mode_status." + m.Status),
		}))
	}
	return strings.Join(parts, ", ")
}

// countryNames writes ISO country codes as names in the plan's language;
// CLDR's names come with golang.org/x/text.
func countryNames(codes []string, lang string) string {
	namer := display.Regions(language.Make(lang))
	names := make([]string, 0, len(codes))
	for _, code := range codes {
		name := code
		if r, err := language.ParseRegion(code); err == nil && namer.Name(r) != "" {
			name = namer.Name(r)
		}
		names = append(names, name)
	}
	return strings.Join(names, ", ")
}

// largestGaps lists up to three assessed dimensions furthest below target.
func (b *builder) largestGaps() layout.Block {
	var dims []app.DimensionScore
	for _, s := range b.analysis.Dimensions {
		if s.Gap != nil && *s.Gap > 0 {
			dims = append(dims, s)
		}
	}
	sort.SliceStable(dims, func(i, j int) bool { return *dims[i].Gap > *dims[j].Gap })
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.dimension"), Width: 5},
		{Title: b.t("report.col.score"), Width: 1.3, Align: layout.AlignRight},
		{Title: b.t("report.col.target"), Width: 1.3, Align: layout.AlignRight},
		{Title: b.t("report.col.gap"), Width: 1.3, Align: layout.AlignRight},
	}, Empty: b.gapsEmptyText()}
	for i, s := range dims {
		if i == 3 {
			break
		}
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: b.t(ref.DimensionName(s.Dimension)), Bold: true},
			{Text: b.num(*s.Score)}, {Text: b.num(s.Target)},
			{Text: b.num(*s.Gap), Tone: scoreGapTone(*s.Gap)},
		})
	}
	return table(t)
}

func (b *builder) gapsEmptyText() string {
	if b.analysis.AnyAssessed() {
		return b.t("report.summary.no_gaps")
	}
	return b.t("report.summary.not_assessed")
}

// firstActions lists the first open actions: who does what by when.
func (b *builder) firstActions() layout.Block {
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.action"), Width: 6},
		{Title: b.t("report.col.owner"), Width: 2.4},
		{Title: b.t("report.col.due"), Width: 1.8},
	}, Empty: b.t("report.actions.none")}
	for _, a := range b.actions {
		if len(t.Rows) == FirstActions {
			break
		}
		if a.Status == app.ActionDone {
			continue
		}
		t.Rows = append(t.Rows, []layout.Cell{{Text: a.Title, Bold: true}, {Text: b.ownerText(a)}, {Text: b.dueText(a.Due)}})
	}
	if b.suggested && len(t.Rows) > 0 {
		t.Legend = []string{b.t("report.actions.suggested_note")}
	}
	return table(t)
}

func (b *builder) ownerText(a app.ExplainedAction) string {
	if a.Owner == "" {
		return b.t("report.actions.no_owner")
	}
	return a.Owner
}

func (b *builder) dueText(due string) string {
	if due == "" {
		return b.t("report.actions.no_due")
	}
	return b.tableDate(due)
}

// scoreGapTone colours a gap in points of 0–100.
func scoreGapTone(gap float64) string {
	switch {
	case gap <= 0:
		return layout.ToneGood
	case gap < 10:
		return layout.ToneSmall
	case gap < 25:
		return layout.ToneMedium
	}
	return layout.ToneLarge
}
