package report

import (
	"math"
	"strings"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/report/layout"
)

// benchmarkSection sets the company beside Swedish companies of its size
// (report Table 1) and Sweden beside the EU (Table 2), with sources.
func (b *builder) benchmarkSection() layout.Section {
	ctx := b.in.Ref.Context
	class := b.in.Ref.SizeFiguresFor(b.in.Company.SizeClass())
	all := b.in.Ref.SizeFiguresFor("all")
	blocks := []layout.Block{styled(layout.StyleLead, b.t("report.benchmark.lead"))}
	if class == nil {
		blocks = append(blocks, styled(layout.StyleMuted, b.t("report.benchmark.no_size")))
	}
	cols := []layout.Column{{Title: b.t("report.col.measure"), Width: 4}, {Title: b.t("report.col.company"), Width: 2, Align: layout.AlignRight}}
	figures := []*ref.SizeFigures{}
	for _, f := range []*ref.SizeFigures{class, all} {
		if f != nil && (len(figures) == 0 || figures[0] != f) {
			figures = append(figures, f)
			cols = append(cols, layout.Column{Title: b.vocab("sizeclass", f.SizeClass), Width: 2, Align: layout.AlignRight})
		}
	}
	c := b.in.Company
	exportShare, exports := "–", b.t("report.benchmark.no")
	if c.ExportShare != nil {
		exportShare = b.loc.Percent(*c.ExportShare, 0)
	}
	if c.Exports() {
		exports = b.t("report.benchmark.yes")
	}
	rows := [][]layout.Cell{
		b.figureRow("report.benchmark.export_share", exportShare, figures, func(f *ref.SizeFigures) string { return b.loc.Percent(f.ExportIntensity, 1) }),
		b.figureRow("report.benchmark.markets", b.num(float64(len(c.CurrentMarkets))), figures, func(f *ref.SizeFigures) string { return b.loc.Number(f.ExportDestinations, 1) }),
		b.figureRow("report.benchmark.exporters", exports, figures, func(f *ref.SizeFigures) string { return b.loc.Percent(f.ShareOfExporters, 1) }),
	}
	blocks = append(blocks, table(&layout.Table{Columns: cols, Rows: rows, Legend: []string{
		b.tf("report.benchmark.source", map[string]any{"Year": ctx.SizeClassesYear, "Source": app.FormatCitation(ctx.SizeClassesSource, b.tr)}),
	}}))
	blocks = append(blocks, heading(b.t("report.benchmark.trade_heading")), table(b.tradeTable()))
	return b.section("benchmark", true, blocks...)
}

func (b *builder) figureRow(label, company string, figures []*ref.SizeFigures, value func(*ref.SizeFigures) string) []layout.Cell {
	row := []layout.Cell{{Text: b.t(label)}, {Text: company, Bold: true}}
	for _, f := range figures {
		row = append(row, layout.Cell{Text: value(f)})
	}
	return row
}

// decimalsOf is how many decimals (at most two) v needs: counts, days and
// whole amounts print as integers, an average as precise as its source.
func decimalsOf(v float64) int {
	for d, scale := range []float64{1, 10, 100} {
		if x := v * scale; math.Abs(x-math.Round(x)) < 1e-9 {
			return d
		}
	}
	return 2
}

func (b *builder) tradeTable() *layout.Table {
	ctx := b.in.Ref.Context
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.measure"), Width: 6},
		{Title: b.t("report.benchmark.sweden"), Width: 2, Align: layout.AlignRight},
		{Title: b.t("report.benchmark.eu"), Width: 2, Align: layout.AlignRight},
	}}
	for _, f := range ctx.Trade {
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: b.t(ref.VocabName("trade", f.ID))},
			{Text: b.loc.Number(f.Sweden, decimalsOf(f.Sweden)), Bold: true}, {Text: b.loc.Number(f.EU, decimalsOf(f.EU))},
		})
	}
	t.Legend = []string{b.t("report.source") + ": " + app.FormatCitation(ctx.TradeSource, b.tr)}
	return t
}

// checklistSection is Bijmolt & Zwart's export marketing planning checklist
// with how far the company has come on each activity.
func (b *builder) checklistSection() layout.Section {
	t := &layout.Table{Columns: []layout.Column{
		{Title: b.t("report.col.activity"), Width: 7},
		{Title: b.t("report.col.status"), Width: 3},
	}}
	for _, item := range b.in.Ref.Checklist {
		status := b.in.Assessment.Checklist[item.ID]
		if status == "" {
			status = app.ChecklistNotStarted
		}
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: b.t(ref.ChecklistName(item.ID))},
			{Text: b.t("report.checklist.status." + status), Tone: checklistTone(status)},
		})
	}
	s := b.analysis.Checklist
	t.Legend = []string{b.t("report.source") + ": " + b.checklistSource()}
	return b.section("checklist", true,
		styled(layout.StyleLead, b.t("report.checklist.lead")),
		paragraph(b.tf("report.checklist.progress", map[string]any{"Done": s.Done, "InProgress": s.InProgress, "Total": s.Total})),
		table(t))
}

func (b *builder) checklistSource() string {
	if len(b.in.Ref.Checklist) == 0 {
		return ""
	}
	return app.FormatCitation(b.in.Ref.Checklist[0].Citation, b.tr)
}

func checklistTone(status string) string {
	switch status {
	case app.ChecklistDone:
		return layout.ToneGood
	case app.ChecklistInProgress:
		return layout.ToneSmall
	}
	return layout.ToneNone
}

// MethodParts are the method's paragraphs (messages report.method.<id> and
// report.method.<id>.title), in order; the help screen shows the same.
var MethodParts = []string{"scores", "targets", "competences", "priority", "recommendations", "benchmark", "interpretation"}

// methodSection says how the numbers were computed and lists the sources.
func (b *builder) methodSection() layout.Section {
	model := layout.Block{Kind: layout.KindKeyValue}
	for _, dim := range ref.Dimensions {
		model.Pairs = append(model.Pairs, layout.Pair{Key: string(dim) + " – " + b.t(ref.DimensionName(dim)), Value: b.t(ref.DimensionDesc(dim))})
	}
	// One table of the parts, ruled like the model's, not a box per part.
	parts := layout.Block{Kind: layout.KindKeyValue}
	for _, id := range MethodParts {
		parts.Pairs = append(parts.Pairs, layout.Pair{
			Key: b.t("report.method." + id + ".title"), Value: b.tf("report.method."+id, map[string]any{"Level": app.RequiredLevel, "Target": b.num(app.DefaultTarget)}),
		})
	}
	blocks := []layout.Block{styled(layout.StyleLead, b.t("report.method.lead")), heading(b.t("report.method.model")), model,
		heading(b.t("report.method.computation")), parts}
	blocks = append(blocks, heading(b.t("report.method.sources")), styled(layout.StyleNormal, b.t("report.method.main_source")),
		layout.Block{Kind: layout.KindBullets, Items: b.references()}, styled(layout.StyleMuted, b.t("report.method.actors_note")))
	return b.section("method", true, blocks...)
}

// references collects the works cited by everything the plan shows.
func (b *builder) references() []string {
	d := b.in.Ref
	var cs []ref.Citation
	for _, m := range b.in.Assessment.Modes {
		if mode := d.Mode(m.Mode); mode != nil {
			cs = append(cs, mode.Citation)
		}
	}
	for _, s := range d.Statements {
		cs = append(cs, s.Citation)
	}
	for _, r := range b.words.Recommendations {
		cs = append(cs, r.Citation)
	}
	for _, item := range d.Checklist {
		cs = append(cs, item.Citation)
	}
	return ref.CitedWorks(append(cs, d.Context.SizeClassesSource, d.Context.TradeSource)...)
}

// signoffSection closes the plan with the meeting's notes and places for
// the advisor and the company to sign.
func (b *builder) signoffSection() layout.Section {
	// The agreement, the notes and the lines to sign keep together: a
	// sentence that says "we agree" reads wrong a page before the signatures.
	lead := styled(layout.StyleLead, b.t("report.signoff.lead"))
	lead.KeepWithNext = true
	blocks := []layout.Block{lead}
	if notes := strings.TrimSpace(b.in.Assessment.Notes); notes != "" {
		p := paragraph(notes)
		p.KeepWithNext = true
		blocks = append(blocks, heading(b.t("report.signoff.notes")), p)
	}
	company := joinNonEmpty(", ", b.in.Company.Contact.Name, b.companyName())
	blocks = append(blocks, layout.Block{Kind: layout.KindSignature, Signatures: []layout.Signature{
		{Role: b.advisorRole(), Name: b.advisorName(), Date: b.t("report.signoff.date"), Sign: b.t("report.signoff.sign")},
		{Role: b.t("report.signoff.company"), Name: company, Date: b.t("report.signoff.date"), Sign: b.t("report.signoff.sign")},
	}})
	return b.section("signoff", false, blocks...)
}

// advisorRole is the advisor's title from the settings and the
// organisation, or the plain word "Advisor" when the settings have neither.
func (b *builder) advisorRole() string {
	br := b.in.Branding
	if role := joinNonEmpty(", ", br.AdvisorTitle, br.Organisation); role != "" {
		return role
	}
	return b.t("report.signoff.advisor")
}
