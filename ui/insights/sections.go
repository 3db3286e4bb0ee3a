package insights

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
)

// topN is how many lines a ranked list shows; the rest are counted.
const topN = 8

// sections are the figures in the portfolio report's order.
func (v *View) sections(in *portfolio.Insights) []fyne.CanvasObject {
	return []fyne.CanvasObject{
		v.figuresSection(in), widget.NewSeparator(),
		v.scoresSection(in), widget.NewSeparator(),
		v.gapsSection(in), widget.NewSeparator(),
		v.rankedSection("barriers", in.Barriers, ref.BarrierName, in.Companies), widget.NewSeparator(),
		v.rankedSection("recommendations", in.Recommendations, ref.RecommendationTitle, in.Companies),
		widget.NewSeparator(), v.movementsSection(in),
	}
}

// count writes a whole number as the language does: "1 234" or "1,234".
func (v *View) count(n int) string { return v.loc.Number(float64(n), 0) }

// countShare is "12 (34 %)": n and its share of of.
func (v *View) countShare(n, of int) string {
	return v.loc.Tf("ui.insights.count_share", map[string]any{"Count": v.count(n), "Share": v.loc.Percent(share(n, of)*100, 0)})
}

func share(n, of int) float64 {
	if of <= 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// t is the message id's text, the organisation's own when it has one.
func (v *View) t(id string) string {
	if s, ok := v.texts[id]; ok && s != "" {
		return s
	}
	return v.loc.T(id)
}

func (v *View) section(id string) *widget.Label {
	return heading(v.loc.T("portfolioreport.section." + id))
}

func (v *View) dimension(d ref.Dimension) string {
	return string(d) + " " + v.loc.T(ref.DimensionName(d))
}

// figuresSection is the key figures and how often the companies were assessed.
func (v *View) figuresSection(in *portfolio.Insights) fyne.CanvasObject {
	tiles := container.New(newColumns(10))
	v.figures = map[string]*figure{}
	for _, f := range []struct {
		id string
		n  int
	}{{"companies", in.Companies + in.Unassessed}, {"assessed", in.Companies}, {"assessments", in.Assessments}, {"unassessed", in.Unassessed}} {
		v.figures[f.id] = newFigure(v.count(f.n), v.loc.T("ui.insights.figure."+f.id))
		tiles.Add(v.figures[f.id])
	}
	items := make([]rankItem, 0, len(in.Frequency))
	for _, r := range in.Frequency {
		times := v.count(r.From)
		if r.To != r.From {
			times = fmt.Sprintf("%s–%s", v.count(r.From), v.count(r.To))
		}
		items = append(items, rankItem{name: v.loc.N("portfolioreport.figures.times", max(r.To, r.From), map[string]any{"Times": times}),
			share: share(r.Companies, in.Companies), text: v.countShare(r.Companies, in.Companies)})
	}
	return container.NewVBox(v.section("figures"), tiles,
		subheading(v.loc.T("portfolioreport.figures.frequency")), muted(v.loc.T("ui.insights.frequency.lead")), rankList(items))
}

// scoresSection is each POMI score's distribution.
func (v *View) scoresSection(in *portfolio.Insights) fyne.CanvasObject {
	blocks := make([]fyne.CanvasObject, 0, len(in.Scores))
	for _, d := range in.Scores {
		blocks = append(blocks, v.scoreBlock(d))
	}
	return container.NewVBox(v.section("scores"), muted(v.loc.T("ui.insights.scores.lead")), container.New(newColumns(22), blocks...))
}

// scoreBlock is one dimension's name, chart and figures in words.
func (v *View) scoreBlock(d portfolio.Distribution) fyne.CanvasObject {
	name := subheading(v.dimension(d.Dimension))
	if d.Count == 0 {
		return container.NewVBox(name, muted(v.loc.T("ui.insights.scores.none")))
	}
	counts := make([]string, len(d.Bands))
	for i, b := range d.Bands {
		counts[i] = v.count(b.Companies)
	}
	ticks := make([]string, 0, 6)
	for s := 0; s <= 100; s += 20 {
		ticks = append(ticks, v.count(s))
	}
	target := v.loc.Tf("ui.insights.target", map[string]any{"Target": v.loc.Number(app.DefaultTarget, 0)})
	num := func(x *float64) string {
		if x == nil {
			return "–"
		}
		return v.loc.Number(*x, 0)
	}
	stats := v.loc.N("ui.insights.scores.count", d.Count, map[string]any{"Total": v.count(d.Count)}) + " · " +
		v.loc.Tf("ui.insights.scores.stats", map[string]any{"Min": num(d.Min), "Q1": num(&d.Q1), "Median": num(&d.Median),
			"Q3": num(&d.Q3), "Max": num(d.Max), "Mean": v.loc.Number(d.Mean, 1)})
	return container.NewVBox(name, newScoreChart(d, counts, ticks, app.DefaultTarget, target), muted(stats))
}

// gapsSection is the competence gaps most often found, per entry mode.
func (v *View) gapsSection(in *portfolio.Insights) fyne.CanvasObject {
	box := container.NewVBox(v.section("gaps"), muted(v.loc.T("portfolioreport.gaps.intro")))
	if len(in.CompetenceGaps) == 0 {
		box.Add(wrapped(v.loc.T("ui.insights.gaps.no_modes"), fyne.TextStyle{}))
		return box
	}
	box.Add(muted(v.loc.T("ui.insights.gaps.share")))
	blocks := make([]fyne.CanvasObject, 0, len(in.CompetenceGaps))
	for _, m := range in.CompetenceGaps {
		title := v.loc.N("portfolioreport.gaps.mode", m.Companies, map[string]any{
			"Mode": v.name(m.Mode, ref.ModeName), "Count": v.count(m.Companies)})
		blocks = append(blocks, container.NewVBox(subheading(title),
			v.topList(m.Gaps, ref.CompetenceName, m.Companies, "ui.insights.gaps.none_in_mode")))
	}
	box.Add(container.New(newColumns(30), blocks...))
	return box
}

// rankedSection is the barriers or the recommendations most often found.
func (v *View) rankedSection(id string, list []portfolio.Count, msg func(string) string, of int) fyne.CanvasObject {
	return container.NewVBox(v.section(id), muted(v.loc.T("ui.insights.ranked.share")),
		v.topList(list, msg, of, "ui.insights.nothing"))
}

// name is the words for a reference id.
func (v *View) name(id string, msg func(string) string) string {
	if id == portfolio.OtherID {
		return v.loc.Tf("portfolioreport.other", map[string]any{"Min": portfolio.MinGroup})
	}
	return v.t(msg(id))
}

// topList is a ranked list's first topN lines as bars, each its share of
// of, and how many more there are; none's text when it is empty.
func (v *View) topList(list []portfolio.Count, msg func(string) string, of int, none string) fyne.CanvasObject {
	if len(list) == 0 {
		return wrapped(v.loc.T(none), fyne.TextStyle{})
	}
	items := make([]rankItem, 0, min(len(list), topN))
	for _, c := range list[:min(len(list), topN)] {
		items = append(items, rankItem{name: v.name(c.ID, msg), share: share(c.Companies, of), text: v.countShare(c.Companies, of)})
	}
	box := container.NewVBox(rankList(items))
	if more := len(list) - topN; more > 0 {
		box.Add(muted(v.loc.N("ui.insights.more", more, map[string]any{"Total": v.count(more)})))
	}
	return box
}

// movementsSection is how the gaps moved between the first and the latest
// assessment, per dimension, as stacked bars with their numbers.
func (v *View) movementsSection(in *portfolio.Insights) fyne.CanvasObject {
	box := container.NewVBox(v.section("movements"), muted(v.loc.T("portfolioreport.movements.intro")))
	moved := false
	for _, m := range in.Movements {
		moved = moved || m.Companies > 0
	}
	if !moved {
		box.Add(wrapped(v.loc.T("ui.insights.movement.none"), fyne.TextStyle{}))
		return box
	}
	legend := container.New(&flow{})
	for i, id := range changeIDs {
		chip := newChangeBar([]int{1}, []string{v.loc.T("ui.insights.change." + id)}, []color.NRGBA{changeFills[i]})
		chip.swatch = true
		legend.Add(chip)
	}
	blocks := make([]fyne.CanvasObject, 0, len(in.Movements))
	for _, m := range in.Movements {
		blocks = append(blocks, v.movementBlock(m))
	}
	box.Objects = append(box.Objects, legend, container.New(newColumns(22), blocks...),
		muted(v.loc.T("portfolioreport.movements.legend")))
	return box
}

// changeIDs are a movement's changes in the order they are drawn.
var changeIDs = []string{portfolio.ChangeImproved, portfolio.ChangeSame, portfolio.ChangeWorse}

// movementBlock is one dimension's stacked bar and its numbers in words.
func (v *View) movementBlock(m portfolio.Movement) fyne.CanvasObject {
	name := subheading(v.dimension(m.Dimension))
	if m.Companies == 0 {
		return container.NewVBox(name, muted(v.loc.T("ui.insights.movement.none_in_dimension")))
	}
	counts := make([]int, len(changeIDs))
	texts := make([]string, len(changeIDs))
	for _, c := range m.Changes {
		for i, id := range changeIDs {
			if c.ID == id {
				counts[i] = c.Companies
			}
		}
	}
	for i, n := range counts {
		texts[i] = v.count(n)
	}
	mean := v.loc.Number(m.MeanChange, 1)
	if mean != v.loc.Number(0, 1) && m.MeanChange > 0 {
		mean = "+" + mean
	}
	words := v.loc.Tf("ui.insights.movement.line", map[string]any{"Improved": texts[0], "Same": texts[1], "Worse": texts[2], "Mean": mean})
	return container.NewVBox(name, newChangeBar(counts, texts, changeFills), muted(words))
}
