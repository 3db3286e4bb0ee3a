package report

import (
	"io"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report/fonts"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/render"
)

// BenchmarkDemoPlan makes a whole plan: analysis, layout and PDF, for the
// demo company with the most content, in Swedish.
func BenchmarkDemoPlan(b *testing.B) {
	in := demoInput(b, demoFiles["goteborg-medtech"])
	loc := locales.MustNew("sv")
	b.ReportAllocs()
	for b.Loop() {
		doc, _, err := Build(in, loc)
		if err != nil {
			b.Fatal(err)
		}
		if err := render.Render(doc, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineFpdf writes the same words as BenchmarkDemoPlan with
// fpdf and the same embedded fonts, but no layout: one wrapped cell per
// text. The ratio of the two is the cost of our layout.
func BenchmarkBaselineFpdf(b *testing.B) {
	doc, _, err := Build(demoInput(b, demoFiles["goteborg-medtech"]), locales.MustNew("sv"))
	if err != nil {
		b.Fatal(err)
	}
	words := documentTexts(doc)
	b.ReportAllocs()
	for b.Loop() {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("noto", "", fonts.Regular)
		pdf.AddUTF8FontFromBytes("noto", "B", fonts.Bold)
		pdf.AddUTF8FontFromBytes("noto", "I", fonts.Italic)
		pdf.SetFont("noto", "", 10)
		pdf.AddPage()
		for _, w := range words {
			pdf.MultiCell(0, 5, w, "", "L", false)
		}
		if err := pdf.Output(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// documentTexts lists every text a plan draws.
func documentTexts(doc *layout.Document) []string {
	out := []string{doc.Cover.Title, doc.Cover.Company, doc.Cover.Date, doc.Cover.Confidential, doc.Header, doc.Footer.Left}
	out = append(out, doc.Cover.Lines...)
	out = append(out, doc.Cover.Advisor...)
	for _, s := range doc.Sections {
		out = append(out, s.Title)
		for _, bl := range s.Blocks {
			out = append(out, bl.Text)
			out = append(out, bl.Items...)
			for _, p := range bl.Pairs {
				out = append(out, p.Key, p.Value)
			}
			if t := bl.Table; t != nil {
				for _, c := range t.Columns {
					out = append(out, c.Title)
				}
				for _, row := range t.Rows {
					for _, c := range row {
						out = append(out, c.Text, c.Sub)
					}
				}
				out = append(out, t.Legend...)
			}
			if r := bl.Radar; r != nil {
				out = append(out, r.Axes...)
			}
		}
	}
	return out
}
