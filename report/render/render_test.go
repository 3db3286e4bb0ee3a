package render

import (
	"bytes"
	"errors"
	"fmt"
	"image/color"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/internal/pdftest"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/palette"
)

func ptr(v float64) *float64 { return &v }

// sampleDocument is a hand-made plan that uses every block kind and the
// Swedish letters and punctuation the plan is written with.
func sampleDocument(t testing.TB) *layout.Document {
	t.Helper()
	brand := color.NRGBA{R: 0x1F, G: 0x4E, B: 0x79, A: 0xFF}
	return &layout.Document{
		Language: "sv-SE",
		Paper:    layout.PaperA4,
		Meta: layout.Meta{
			Title: "Handlingsplan för internationalisering", Author: "Exportrådgivning Väst",
			Subject: "Åtgärder – Sjöbloms Träindustri AB", Keywords: "POMI export",
			Creator: "POMI Planner", Created: time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC),
		},
		Brand: layout.Brand{Organisation: "Exportrådgivning Väst", Color: "#1F4E79",
			Logo: pdftest.PNG(t, 240, 80, brand), HasLogo: true},
		Cover: layout.Cover{
			Title: "Handlingsplan för internationalisering", Company: "Sjöbloms Träindustri AB",
			Lines: []string{"Org.nr 556123-4567", "Växjö, Kronobergs län"}, Date: "27 november 2026",
			Prepared: "Upprättad av", Advisor: []string{"Åsa Öberg", "Exportrådgivare", "asa.oberg@example.se", "070-123\u00a045\u00a067"},
			Confidential: "Konfidentiellt – endast för företagets styrelse och ledning.",
			ClientLogo:   pdftest.PNG(t, 100, 100, color.NRGBA{R: 0x2E, G: 0x7D, B: 0x32, A: 0xFF}), HasClientLogo: true,
		},
		Header: "Exportrådgivning Väst",
		Footer: layout.Footer{Left: "Sjöbloms Träindustri AB · 27 november 2026", PageLabel: "Sida {page} av {pages}"},
		Sections: []layout.Section{
			{ID: "summary", Title: "1. Sammanfattning", Blocks: []layout.Block{
				{Kind: layout.KindParagraph, Style: layout.StyleLead, Text: "Företaget är redo att ta nästa steg ut på den nordiska marknaden."},
				{Kind: layout.KindParagraph, Text: "Planen bygger på en kartläggning av företagets styrelse, ledning och resurser. Den visar var gapen är störst – och vad som görs först.\nEn ny rad börjar här med ”citat” och ’enkla’ “engelska” citattecken, minus −5 och ö."},
				{Kind: layout.KindParagraph, Style: layout.StyleMuted, Text: "Poängen går från 0 till 4 i varje dimension."},
				{Kind: layout.KindParagraph, Style: layout.StyleSource, Text: "Källa: Business Sweden, Exportbarometern 2026."},
				{Kind: layout.KindKeyValue, Pairs: []layout.Pair{
					{Key: "Företag", Value: "Sjöbloms Träindustri AB"},
					{Key: "Bransch", Value: "Trävaror och snickerier, med en lång beskrivning som behöver radbrytas för att se hur värdet i högerkolumnen beter sig i tabellen."},
					{Key: "Mål", Value: "Export till Norge och Tyskland inom 24 månader"},
				}},
				{Kind: layout.KindCallout, Text: "Tre viktigaste åtgärderna", Items: []string{
					"Ta fram en exportbudget för 2027.", "Utse en ansvarig för Tysklandsmarknaden.",
					"Delta i Business Swedens program för nya exportörer – ansökan senast i mars.",
				}},
				{Kind: layout.KindBullets, Items: []string{"Styrkor: produktkvalitet och leveransförmåga.", "Svagheter: begränsad språkkompetens i säljteamet, vilket gör att offerter till tyska kunder tar längre tid än de borde."}},
			}},
			{ID: "profile", Title: "2. Nuläge och mål", Blocks: []layout.Block{
				{Kind: layout.KindHeading, Text: "POMI-profil", KeepWithNext: true},
				{Kind: layout.KindRadar, Radar: &layout.Radar{
					Axes: []string{"Produkt", "Organisation", "Marknad", "Internationell erfarenhet"}, Max: 4,
					Series: []layout.Series{
						{Label: "Företaget 2026", Style: layout.SeriesCompany, Values: []*float64{ptr(2.5), ptr(1.5), ptr(2), ptr(1)}},
						{Label: "Mål", Style: layout.SeriesTarget, Values: []*float64{ptr(3.5), ptr(3), ptr(3), ptr(2.5)}},
						{Label: "Föregående", Style: layout.SeriesPrevious, Values: []*float64{ptr(2), nil, ptr(1.5), ptr(0.5)}},
					},
				}},
				{Kind: layout.KindParagraph, Style: layout.StyleMuted, Text: "Föregående bedömning saknar värde för Organisation."},
			}},
			{ID: "plan", Title: "3. Handlingsplan", NewPage: true, Blocks: []layout.Block{
				{Kind: layout.KindTable, Table: actionTable(6)},
				{Kind: layout.KindTable, Table: &layout.Table{Columns: []layout.Column{{Title: "Åtgärd", Width: 1}}, Empty: "Inga åtgärder ännu."}},
			}},
			{ID: "sign", Title: "4. Underskrifter", Blocks: []layout.Block{
				{Kind: layout.KindParagraph, Text: "Vi har gått igenom planen och är överens om åtgärderna."},
				{Kind: layout.KindSignature, Signatures: []layout.Signature{
					{Role: "För företaget", Name: "Karin Sjöblom", Date: "Datum", Sign: "Underskrift"},
					{Role: "Exportrådgivare", Name: "Åsa Öberg", Date: "Datum", Sign: "Underskrift"},
				}},
			}},
		},
	}
}

// actionTable is an action plan table with n rows in every tone.
func actionTable(n int) *layout.Table {
	tones := []string{layout.ToneGood, layout.ToneSmall, layout.ToneMedium, layout.ToneLarge, layout.ToneRequired, layout.ToneUnknown, layout.ToneNone}
	t := &layout.Table{
		Columns: []layout.Column{{Title: "Åtgärd", Width: 5}, {Title: "Ansvarig", Width: 2},
			{Title: "Klart", Width: 1.5, Align: layout.AlignCenter}, {Title: "Gap", Width: 1, Align: layout.AlignRight}},
		Legend: []string{"Gap: skillnad mellan mål och nuläge, 0–4.", "Färg: grönt = uppnått, rött = stort gap."},
	}
	for i := range n {
		t.Rows = append(t.Rows, []layout.Cell{
			{Text: fmt.Sprintf("Åtgärd %d: ta fram en exportbudget", i+1), Sub: "Dimension: Organisation"},
			{Text: "Företagets styrelse"},
			{Text: "2027-03-31"},
			{Text: strconv.Itoa(i % 5), Bold: i%3 == 0, Tone: tones[i%len(tones)]},
		})
	}
	return t
}

func TestRenderSampleIsAValidSwedishPDF(t *testing.T) {
	t.Parallel() // renders are independent; also proves Render is safe to run concurrently
	doc := sampleDocument(t)
	path := renderFile(t, doc)
	if out := os.Getenv("RENDER_SAMPLE"); out != "" { // to look at the pages: RENDER_SAMPLE=/tmp/x.pdf
		data, _ := os.ReadFile(path)
		_ = os.WriteFile(out, data, 0o644)
	}
	pages := pdftest.PageTexts(t, path)
	text := pdftest.Flat(strings.Join(pages, " "))
	for _, want := range []string{
		"Handlingsplan för internationalisering", "Sjöbloms Träindustri AB", "Åtgärd", "Företagets styrelse",
		// Sanitize writes the minus sign (which Noto Sans as Fyne ships it
		// lacks) as an en dash.
		"1. Sammanfattning", "4. Underskrifter", "”citat”", "’enkla’", "“engelska”", "minus –5 och ö", "Gap: skillnad mellan mål och nuläge, 0–4.",
		"Internationell", "Företaget 2026", "Inga åtgärder ännu.", "Karin Sjöblom", "Underskrift", "Konfidentiellt – endast",
		"Exportrådgivning Väst", "Åsa Öberg",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	n := pdftest.PageCount(t, path)
	if len(pages) != n {
		t.Fatalf("pdftotext gave %d pages, pdfinfo %d", len(pages), n)
	}
	if strings.Contains(pages[0], "Sida") {
		t.Error("the cover has a page label")
	}
	for p := 2; p <= n; p++ {
		if want := fmt.Sprintf("Sida %d av %d", p, n); !strings.Contains(pages[p-1], want) {
			t.Errorf("page %d lacks %q", p, want)
		}
	}
	info := pdftest.Info(t, path)
	if info["Title"] != "Handlingsplan för internationalisering" || info["Author"] != "Exportrådgivning Väst" {
		t.Errorf("pdfinfo Title %q, Author %q", info["Title"], info["Author"])
	}
	if !strings.HasPrefix(info["Page size"], "595.28 x 841.89") {
		t.Errorf("A4 page size is %q", info["Page size"])
	}
	assertOutline(t, path, doc)
	pdftest.AssertFontsEmbedded(t, path)
	pdftest.Tool(t, "qpdf", "--check", path)
}

func TestTheHeaderIsRepeatedOnEveryPageOfALongTable(t *testing.T) {
	t.Parallel()
	doc := sampleDocument(t)
	doc.Sections = []layout.Section{{Title: "Handlingsplan", Blocks: []layout.Block{{Kind: layout.KindTable, Table: actionTable(300)}}}}
	path := renderFile(t, doc)
	pages := pdftest.PageTexts(t, path)
	if len(pages) < 6 {
		t.Fatalf("300 rows fit on %d pages", len(pages))
	}
	for i, p := range pages[1:] {
		if !strings.Contains(p, "Åtgärd") || !strings.Contains(p, "Ansvarig") || !strings.Contains(p, "Klart") {
			t.Errorf("page %d lacks the table header", i+2)
		}
	}
	text := pdftest.Flat(strings.Join(pages, " "))
	for _, want := range []string{"Åtgärd 1:", "Åtgärd 150:", "Åtgärd 300:"} {
		if !strings.Contains(text, want) {
			t.Errorf("lost row %q", want)
		}
	}
}

func TestAHugeCellIsSplitAcrossPagesWithoutLosingText(t *testing.T) {
	t.Parallel()
	doc := sampleDocument(t)
	words := make([]string, 0, 2600)
	for i := range cap(words) {
		words = append(words, fmt.Sprintf("ord%04d", i))
	}
	note := strings.Join(words, " ") // 20 800 characters
	tbl := actionTable(2)
	tbl.Rows = append(tbl.Rows, []layout.Cell{{Text: note, Sub: "slutet"}, {Text: "kort"}, {}, {Text: "1"}})
	doc.Sections = []layout.Section{{Title: "Stor cell", Blocks: []layout.Block{
		{Kind: layout.KindTable, Table: tbl},
		{Kind: layout.KindCallout, Text: "Lång ruta", Items: []string{note[:9000]}},
		{Kind: layout.KindParagraph, Text: "Efter tabellen."},
	}}}
	path := renderFile(t, doc)
	pages := pdftest.PageTexts(t, path)
	text := pdftest.Flat(strings.Join(pages, " "))
	for _, w := range []string{"ord0000", "ord1300", "ord2599", "slutet", "Efter tabellen.", "ord1124"} {
		if !strings.Contains(text, w) {
			t.Errorf("lost %q", w)
		}
	}
	if len(pages) < 4 {
		t.Errorf("a 20 000-character cell took %d pages", len(pages))
	}
}

func TestHostileTextGivesAValidPDF(t *testing.T) {
	t.Parallel()
	hostile := "emoji \U0001F600 nul \x00 bell \a bad \xff\xfe utf8 \u202e rtl\r\nny rad\ttab " + strings.Repeat("x", 500) +
		" https://example.com/" + strings.Repeat("lång/", 80) + " ✓ 漢字"
	doc := sampleDocument(t)
	setEveryString(doc, hostile)
	doc.Cover.Company = strings.Repeat("Sjöbloms Träindustri ", 100) // 2 100 characters
	doc.Footer.Left = doc.Cover.Company
	doc.Header = doc.Cover.Company
	path := renderFile(t, doc)
	text := pdftest.Flat(strings.Join(pdftest.PageTexts(t, path), " "))
	if !strings.Contains(text, "xxxxxxxxxx") || !strings.Contains(text, "Sjöbloms Träindustri") {
		t.Error("hostile text was lost")
	}
	pdftest.Tool(t, "qpdf", "--check", path)
}

func TestOddDocumentsStillRender(t *testing.T) {
	t.Parallel()
	nan, inf := 0.0, 0.0
	nan, inf = nan/nan, 1/inf
	cases := map[string]func(d *layout.Document){
		"no sections":      func(d *layout.Document) { d.Sections = nil },
		"empty document":   func(d *layout.Document) { *d = layout.Document{} },
		"empty section":    func(d *layout.Document) { d.Sections = []layout.Section{{}, {Title: "Tom", NewPage: true}} },
		"no logos":         func(d *layout.Document) { d.Brand.Logo, d.Cover.ClientLogo = nil, nil },
		"colour red":       func(d *layout.Document) { d.Brand.Color = "red" },
		"colour #12":       func(d *layout.Document) { d.Brand.Color = "#12" },
		"colour too light": func(d *layout.Document) { d.Brand.Color = "#FFF8DC" },
		"colour white":     func(d *layout.Document) { d.Brand.Color = "#ffffff" },
		"odd blocks": func(d *layout.Document) {
			d.Sections = []layout.Section{{Title: "Udda", Blocks: []layout.Block{
				{}, {Kind: "unknown", Text: "okänd sort", Items: []string{"punkt"}},
				{Kind: layout.KindTable}, {Kind: layout.KindRadar}, {Kind: layout.KindSignature}, {Kind: layout.KindKeyValue}, {Kind: layout.KindCallout},
				{Kind: layout.KindTable, Table: &layout.Table{Rows: [][]layout.Cell{{{Text: "utan kolumner"}}}, Empty: "tom"}},
				{Kind: layout.KindTable, Table: &layout.Table{Columns: []layout.Column{{Title: "A", Width: -1}, {Title: "B", Width: nan}, {Title: "C", Width: inf}},
					Rows: [][]layout.Cell{{{Text: "kort rad"}}, {{Text: "1"}, {Text: "2"}, {Text: "3"}, {Text: "extra"}}}}},
				{Kind: layout.KindRadar, Radar: &layout.Radar{Axes: []string{"A", "B", "C"}}},
				{Kind: layout.KindRadar, Radar: &layout.Radar{Axes: []string{"Ensam"}, Series: []layout.Series{{Label: "x", Values: []*float64{ptr(1)}}}}},
				{Kind: layout.KindRadar, Radar: &layout.Radar{Axes: strings.Split("A B C D E F G H I J", " "), Max: nan,
					Series: []layout.Series{{Style: layout.SeriesCompany, Values: []*float64{ptr(nan), ptr(inf), ptr(-3), ptr(99)}}}}},
				{Kind: layout.KindSignature, Signatures: make([]layout.Signature, 7)},
			}}}
		},
	}
	for name, edit := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			doc := sampleDocument(t)
			edit(doc)
			renderFile(t, doc)
		})
	}
}

func TestRenderLetterPaperIs612By792Points(t *testing.T) {
	t.Parallel()
	doc := sampleDocument(t)
	doc.Paper = layout.PaperLetter
	path := renderFile(t, doc)
	if got := pdftest.Info(t, path)["Page size"]; !strings.HasPrefix(got, "612 x 792") {
		t.Errorf("page size %q, want 612 x 792 pts", got)
	}
}

func TestRenderRefusesANilDocumentAndUnknownPaper(t *testing.T) {
	t.Parallel()
	if err := Render(nil, &bytes.Buffer{}); err == nil {
		t.Error("nil document rendered")
	}
	doc := sampleDocument(t)
	doc.Paper = "a5"
	if err := Render(doc, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "paper") {
		t.Errorf("paper a5: %v", err)
	}
}

func TestABrokenLogoFailsWithAClearError(t *testing.T) {
	t.Parallel()
	doc := sampleDocument(t)
	doc.Brand.Logo = []byte("not a png")
	err := Render(doc, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "organisation logo") {
		t.Errorf("broken logo: %v", err)
	}
}

func TestTheSamePlanRendersToTheSameBytes(t *testing.T) {
	t.Parallel()
	var a, b bytes.Buffer
	if err := Render(sampleDocument(t), &a); err != nil {
		t.Fatal(err)
	}
	if err := Render(sampleDocument(t), &b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two renders of one plan differ")
	}
}

func TestALongCompanyNameWrapsOnTheCoverAndIsCutInTheRunningText(t *testing.T) {
	t.Parallel()
	doc := sampleDocument(t)
	name := strings.Repeat("Sjöbloms Träindustri ", 95) + "Slut AB" // 2 000 characters
	doc.Cover.Company, doc.Header, doc.Footer.Left = name, name, name
	path := renderFile(t, doc)
	pages := pdftest.PageTexts(t, path)
	if !strings.Contains(pages[0], "Sjöbloms Träindustri Sjöbloms") || strings.Contains(pages[0], "Slut AB") {
		t.Error("the cover should show the start of the name, capped")
	}
	n := len(pages)
	for i, p := range pages[1:] {
		label := fmt.Sprintf("Sida %d av %d", i+2, n)
		found := false
		for _, line := range strings.Split(p, "\n") {
			if strings.Contains(line, label) {
				found = strings.Contains(line, "…") // footer cut short, label intact, one line
			}
		}
		if !found {
			t.Errorf("page %d: no one-line footer with a cut name and %q", i+2, label)
		}
	}
}

func TestWrappedLinesNeverExceedTheWidth(t *testing.T) {
	t.Parallel()
	r, err := newRenderer(sampleDocument(t), "A4", 0)
	if err != nil {
		t.Fatal(err)
	}
	f := font{styleBold, sizeBody, palette.Text}
	for _, s := range []string{
		strings.Repeat("x", 500),
		"https://example.com/" + strings.Repeat("väldigt-lång-sökväg/", 40),
		"kort\n\n" + strings.Repeat("ord ", 300) + strings.Repeat("W", 200),
		strings.Repeat("Åsa\u00a0Öberg ", 60),
	} {
		for _, width := range []float64{170, 40, 3, 0.5} {
			lines := r.wrap(s, f, width)
			if got := strings.ReplaceAll(strings.Join(lines, ""), " ", ""); got != strings.NewReplacer(" ", "", "\n", "").Replace(s) {
				t.Errorf("width %v: text lost or changed", width)
			}
			for i, l := range lines {
				if w := r.pdf.GetStringWidth(l); w > width+0.01 && len([]rune(l)) > 1 {
					t.Errorf("width %v: line of %.1f mm: %.30q", width, w, l)
				}
				if i > 0 && strings.HasSuffix(lines[i-1], "Åsa") && strings.HasPrefix(l, "Öberg") {
					t.Errorf("width %v: broken at a no-break space", width)
				}
			}
		}
	}
}

func TestLanguageTagsAreKeptOnlyWhenHarmless(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{"sv": "sv", "en-GB": "en-GB", " sv-SE ": "sv-SE", "sv)": "", "a b": "", "": "", strings.Repeat("a", 40): ""} {
		if got := langTag(in); got != want {
			t.Errorf("langTag(%q) = %q, want %q", in, got, want)
		}
	}
}

// failWriter refuses every write, like a full disk.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestPanicsAndWriteErrorsBecomeErrors(t *testing.T) {
	t.Parallel()
	err := protect(func() error { panic("index out of range [65536]") })
	if err == nil || !strings.Contains(err.Error(), "render plan: internal error: index out of range") {
		t.Errorf("recovered panic: %v", err)
	}
	if err := Render(sampleDocument(t), failWriter{}); err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("failing writer: %v", err)
	}
}
