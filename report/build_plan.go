package report

import (
	"strings"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/report/layout"
)

// barriersSection lists the barriers the company feels, strongest first,
// with the advice that answers each.
func (b *builder) barriersSection() layout.Section {
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.barrier"), Width: 4},
		{Title: b.t("report.col.felt"), Width: 1.4},
		{Title: b.t("report.col.answer"), Width: 4.6},
	}, Empty: b.t("report.barriers.none")}
	for _, fb := range b.words.Barriers {
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: fb.Name, Bold: true, Sub: b.tf("report.barriers.rank", map[string]any{"Rank": fb.Rank})},
			{Text: b.t("report.barriers.weight." + app.BarrierWeightName(fb.Weight)), Tone: weightTone(fb.Weight)},
			{Text: b.answersTo(fb.Barrier)},
		})
	}
	t.Legend = []string{b.t("report.barriers.legend")}
	return b.section("barriers", true, styled(layout.StyleLead, b.t("report.barriers.lead")), table(t))
}

func weightTone(w int) string {
	switch w {
	case app.BarrierStrong:
		return layout.ToneLarge
	case app.BarrierClear:
		return layout.ToneMedium
	}
	return layout.ToneSmall
}

// answersTo names the advice the plan gives because of a barrier, or the
// advice the reference data holds for it when none was chosen.
func (b *builder) answersTo(barrier string) string {
	var titles []string
	for _, r := range b.words.Recommendations {
		for _, why := range r.Reasons {
			if why.Code == app.ReasonBarrier && why.Ref == barrier {
				titles = append(titles, r.Title)
				break
			}
		}
	}
	if len(titles) == 0 {
		for _, r := range b.in.Ref.RecommendationsFor(ref.KindBarrier, barrier) {
			titles = append(titles, b.t(ref.RecommendationTitle(r.ID)))
		}
	}
	if len(titles) == 0 {
		return b.t("report.barriers.see_recommendations")
	}
	return strings.Join(titles, "\n")
}

// recommendationsSection groups the strongest recommendations by POMI
// dimension, and within it what the company does itself before what
// support organisations offer.
func (b *builder) recommendationsSection() layout.Section {
	recs := b.shownRecommendations()
	blocks := []layout.Block{styled(layout.StyleLead, b.t("report.recs.lead"))}
	if len(recs) == 0 {
		blocks = append(blocks, paragraph(b.t("report.recs.none")))
	}
	for _, dim := range ref.Dimensions {
		for _, side := range []string{ref.SideInternal, ref.SideAgency} {
			if t := b.recommendationTable(recs, dim, side); t != nil {
				blocks = append(blocks, heading(b.tf("report.recs.heading."+side, map[string]any{
					"Dimension": b.t(ref.DimensionName(dim))})), table(t))
			}
		}
	}
	if rest := b.words.Recommendations[len(recs):]; len(rest) > 0 {
		blocks = append(blocks, heading(b.t("report.recs.more_heading")),
			styled(layout.StyleMuted, b.n("report.recs.more", len(rest), map[string]any{"Count": len(rest)})),
			table(b.briefRecommendations(rest)))
	}
	return b.section("recommendations", true, blocks...)
}

// briefRecommendations lists the recommendations beyond the strongest by
// title and dimension, so the plan is complete in itself: the client need
// not open an app they do not have to see what else applies.
func (b *builder) briefRecommendations(recs []app.ExplainedRecommendation) *layout.Table {
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.recommendation"), Width: 7},
		{Title: b.t("report.col.dimension"), Width: 3.2},
	}}
	for _, r := range recs {
		t.Rows = append(t.Rows, []layout.Cell{{Text: r.Title}, {Text: b.t(ref.DimensionName(r.Dimension))}})
	}
	return t
}

// shownRecommendations are the strongest MaxRecommendations, the ones the
// plan prints and whose actors it describes.
func (b *builder) shownRecommendations() []app.ExplainedRecommendation {
	recs := b.words.Recommendations
	return recs[:min(len(recs), MaxRecommendations)]
}

func (b *builder) recommendationTable(recs []app.ExplainedRecommendation, dim ref.Dimension, side string) *layout.Table {
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.recommendation"), Width: 4.9},
		{Title: b.t("report.col.why"), Width: 3},
		{Title: b.t("report.col.help"), Width: 2.3},
	}}
	for _, r := range recs {
		if r.Dimension != dim || r.Side != side {
			continue
		}
		var helpers []string
		for _, h := range r.Helpers {
			helpers = append(helpers, h.Name)
		}
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: r.Title, Bold: true, Sub: r.Body},
			{Text: strings.Join(r.Why, "\n"), Sub: b.t("report.source") + ": " + r.Source},
			{Text: strings.Join(helpers, "\n")},
		})
	}
	if len(t.Rows) == 0 {
		return nil
	}
	return t
}

// actionsSection is the action plan itself: what, which dimension, who,
// by when, how far it has come, and who can help.
func (b *builder) actionsSection() layout.Section {
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.action"), Width: 4.2},
		{Title: b.t("report.col.dimension_short"), Width: 0.7, Align: layout.AlignCenter},
		{Title: b.t("report.col.owner"), Width: 1.8},
		{Title: b.t("report.col.due"), Width: 1.75},
		{Title: b.t("report.col.status"), Width: 1.45},
		{Title: b.t("report.col.support"), Width: 2.1},
	}, Empty: b.t("report.actions.none")}
	for _, a := range b.actions {
		var actors []string
		for _, n := range a.Actors {
			actors = append(actors, n.Name)
		}
		dim := ""
		if a.Dimension != "" {
			dim = string(a.Dimension)
		}
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: a.Title, Bold: true, Sub: a.Description},
			{Text: dim}, {Text: b.ownerText(a)}, {Text: b.dueText(a.Due)},
			{Text: b.t("report.status." + a.Status), Tone: statusTone(a.Status)},
			{Text: strings.Join(actors, "\n")},
		})
	}
	for _, a := range b.actions {
		if a.Dimension != "" { // the legend explains the Dim. column, when it shows
			t.Legend = []string{b.t("report.actions.legend")}
			break
		}
	}
	lead := b.t("report.actions.lead")
	if b.suggested {
		lead = b.t("report.actions.lead_suggested")
	}
	return b.section("actions", true, styled(layout.StyleLead, lead), table(t))
}

func statusTone(status string) string {
	switch status {
	case app.ActionDone:
		return layout.ToneGood
	case app.ActionInProgress:
		return layout.ToneSmall
	}
	return layout.ToneNone
}

// actorsSection describes the support organisations the plan names, in the
// order they first appear: actions first, then recommendations.
func (b *builder) actorsSection() layout.Section {
	seen := map[string]bool{}
	var ids []string
	add := func(id string) {
		if !seen[id] && b.in.Ref.Actor(id) != nil {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	for _, a := range b.actions {
		for _, n := range a.Actors {
			add(n.ID)
		}
	}
	for _, r := range b.shownRecommendations() {
		for _, h := range r.Helpers {
			add(h.ID)
		}
	}
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.organisation"), Width: 3},
		{Title: b.t("report.col.offer"), Width: 7},
	}, Empty: b.t("report.actors.none")}
	for _, id := range ids {
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: b.t(ref.ActorName(id)), Bold: true, Sub: b.in.Ref.Actor(id).URL},
			{Text: b.t(ref.ActorOffer(id))},
		})
	}
	return b.section("actors", true, styled(layout.StyleLead, b.t("report.actors.lead")), table(t))
}
