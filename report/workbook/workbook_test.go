package workbook_test

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/internal/portfoliotest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report/workbook"
)

// today is the advisor's day in these tests, after every demo assessment.
var today = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// fixture is a real store in a temp folder with the three demo companies
// (two assessments each), read back as the CLI reads it.
type fixture struct {
	d       *ref.Data
	clients []portfolio.Client
	texts   func(lang string) map[string]string
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	d, clients, texts := portfoliotest.Demo(t, today)
	return &fixture{d: d, clients: clients, texts: texts}
}

// write saves the workbook of the clients in lang and opens it again.
func (fx *fixture) write(t *testing.T, lang string, named bool) (*excelize.File, string) {
	t.Helper()
	rows := portfolio.Rows(fx.d, fx.clients, today)
	portfolio.SortRows(rows, portfolio.ColName, false)
	in := &workbook.Input{
		Data: fx.d, Rows: rows, Clients: fx.clients, Named: named,
		Insights: portfolio.ComputeInsights(fx.d, fx.clients, portfolio.Filter{}, portfolio.Period{}, today),
	}
	path := filepath.Join(t.TempDir(), "portfölj.xlsx")
	if err := workbook.WriteFile(path, in, app.WithTexts(locales.MustNew(lang), fx.texts(lang))); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

func rowsOf(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// column finds a header in a sheet's first row.
func column(t *testing.T, rows [][]string, header string) int {
	t.Helper()
	i := slices.Index(rows[0], header)
	if i < 0 {
		t.Fatalf("no column %q in %v", header, rows[0])
	}
	return i
}

func cellName(t *testing.T, col, row int) string {
	t.Helper()
	name, err := excelize.CoordinatesToCellName(col+1, row+1)
	if err != nil {
		t.Fatal(err)
	}
	return name
}

func TestNamedWorkbookHasTheFourSheetsWithLocalisedHeaders(t *testing.T) {
	fx := newFixture(t)
	for lang, want := range map[string]struct {
		sheets []string
		heads  map[string][]string
	}{
		"sv": {[]string{"Företag", "Bedömningar", "Åtgärder", "Insikter"}, map[string][]string{
			"Företag":     {"Företags-id", "Företag", "Org.nr", "Ort", "Län", "Bransch", "Storlek", "Exportskede", "Bedömningar", "Senaste bedömning", "P poäng", "O poäng", "M poäng", "I poäng", "Största gap", "Största gap (poäng)", "Nästa uppföljning", "Öppna åtgärder", "Försenade åtgärder", "Klar"},
			"Bedömningar": {"Företags-id", "Företag", "Bedömningsdatum", "P poäng", "P mål", "P gap", "O poäng", "O mål", "O gap", "M poäng", "M mål", "M gap", "I poäng", "I mål", "I gap", "Största gap", "Största gap (poäng)", "Nästa uppföljning", "Klar"},
			"Åtgärder":    {"Företags-id", "Företag", "Bedömningsdatum", "Åtgärd", "Ansvarig", "Klart senast", "Status", "Prioritet"},
			"Insikter":    {"Del", "Grupp", "Post", "Enhet", "Värde"},
		}},
		"en": {[]string{"Companies", "Assessments", "Actions", "Insights"}, map[string][]string{
			"Actions": {"Company ID", "Company", "Assessment date", "Action", "Owner", "Due date", "Status", "Priority"},
		}},
	} {
		f, _ := fx.write(t, lang, true)
		if got := f.GetSheetList(); !slices.Equal(got, want.sheets) {
			t.Errorf("%s sheets %v, want %v", lang, got, want.sheets)
		}
		for sheet, head := range want.heads {
			if got := rowsOf(t, f, sheet)[0]; !slices.Equal(got, head) {
				t.Errorf("%s %s header\n got %q\nwant %q", lang, sheet, got, head)
			}
		}
	}
}

func TestNamedWorkbookHoldsEveryCompanyAssessmentAndAction(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.write(t, "sv", true)
	assessments, actions := 0, 0
	for _, c := range fx.clients {
		assessments += len(c.Assessments)
		actions += len(c.Assessments[len(c.Assessments)-1].Actions)
	}
	for sheet, want := range map[string]int{"Företag": len(fx.clients), "Bedömningar": assessments, "Åtgärder": actions} {
		if got := len(rowsOf(t, f, sheet)) - 1; got != want {
			t.Errorf("%s: %d rows, want %d", sheet, got, want)
		}
	}
	rows := portfolio.Rows(fx.d, fx.clients, today)
	portfolio.SortRows(rows, portfolio.ColName, false)
	companies := rowsOf(t, f, "Företag")
	for i := range rows {
		if got := companies[i+1][column(t, companies, "Företag")]; got != rows[i].Name {
			t.Errorf("company %d is %q, want %q: not in the table's order, or å/ä/ö lost", i+1, got, rows[i].Name)
		}
	}
}

func TestDatesAreDateCellsAndNumbersAreNumbers(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.write(t, "en", true)
	rows := rowsOf(t, f, "Assessments")
	c := fx.clients[0]
	a := c.Assessments[0]
	r := slices.IndexFunc(rows, func(row []string) bool { return row[1] == c.Company.Name })
	if r < 0 {
		t.Fatalf("%s not in %v", c.Company.Name, rows)
	}
	dateCell := cellName(t, column(t, rows, "Assessment date"), r)
	style, err := f.GetCellStyle("Assessments", dateCell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt == nil || *st.CustomNumFmt != workbook.DateFormat {
		t.Errorf("date cell %s has number format %v/%d, want %q", dateCell, st.CustomNumFmt, st.NumFmt, workbook.DateFormat)
	}
	raw, err := f.GetCellValue("Assessments", dateCell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	serial, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		t.Fatalf("date cell %s holds %q, not a date serial number: %v", dateCell, raw, err)
	}
	got, err := excelize.ExcelDateToTime(serial, false)
	if err != nil || got.Format("2006-01-02") != a.Date {
		t.Errorf("date cell %s = %v (%v), want %s", dateCell, got, err, a.Date)
	}
	if shown := rows[r][column(t, rows, "Assessment date")]; shown != a.Date {
		t.Errorf("date shown as %q, want %q", shown, a.Date)
	}
	for _, h := range []string{"P score", "P target", "P gap", "Company ID"} {
		cell := cellName(t, column(t, rows, h), r)
		typ, err := f.GetCellType("Assessments", cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue("Assessments", cell, excelize.Options{RawCellValue: true})
		if _, err := strconv.ParseFloat(raw, 64); err != nil || typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
			t.Errorf("%s (%s) = %q of type %v, want a number", h, cell, raw, typ)
		}
	}
}

func TestEverySheetHasAFrozenHeaderAFilterAndWideEnoughColumns(t *testing.T) {
	fx := newFixture(t)
	f, path := fx.write(t, "sv", true)
	xml := sheetXML(t, path)
	for i, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v, want the header row frozen", sheet, panes)
		}
		rows := rowsOf(t, f, sheet)
		col, _ := excelize.ColumnNumberToName(len(rows[0]))
		filter := regexp.MustCompile(`<autoFilter ref="\$?A\$?1:\$?` + col + `\$?` + strconv.Itoa(len(rows)) + `"`)
		if !filter.MatchString(xml[i]) {
			t.Errorf("%s: no filter over A1:%s%d in the sheet", sheet, col, len(rows))
		}
		if !regexp.MustCompile(`^(<col min="(\d+)"[^>]*/>)+$`).MatchString(colsOf(xml[i])) || !ascending(colsOf(xml[i])) {
			t.Errorf("%s: column widths %s not in ascending order", sheet, colsOf(xml[i]))
		}
		if w, _ := f.GetColWidth(sheet, "B"); w < float64(len([]rune(rows[0][1]))) {
			t.Errorf("%s: column B is %.0f wide, narrower than its header %q", sheet, w, rows[0][1])
		}
	}
	names, want := f.GetDefinedName(), 0
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" {
			want++
		}
	}
	if want != len(f.GetSheetList()) {
		t.Errorf("%d filter ranges defined (%v), want one per sheet", want, names)
	}
}

// colsOf is the <col> elements of a sheet's XML.
func colsOf(xml string) string {
	_, after, _ := strings.Cut(xml, "<cols>")
	cols, _, _ := strings.Cut(after, "</cols>")
	return cols
}

// ascending reports whether the <col> elements come in column order.
func ascending(cols string) bool {
	prev := 0
	for _, m := range regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(cols, -1) {
		n, _ := strconv.Atoi(m[1])
		if n <= prev {
			return false
		}
		prev = n
	}
	return prev > 0
}

// sheetXML reads the sheets' XML in order (sheet1.xml, sheet2.xml …).
func sheetXML(t *testing.T, path string) []string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var out []string
	for i := 1; ; i++ {
		r, err := z.Open(fmt.Sprintf("xl/worksheets/sheet%d.xml", i))
		if errors.Is(err, fs.ErrNotExist) {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
}

// allText is every cell of every sheet.
func allText(t *testing.T, f *excelize.File) string {
	t.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		for _, row := range rowsOf(t, f, sheet) {
			b.WriteString(strings.Join(row, "\t") + "\n")
		}
	}
	return b.String()
}

// identifying are the words that single a demo company out.
func identifying(clients []portfolio.Client) []string {
	var out []string
	for _, c := range clients {
		out = append(out, c.Company.Name, c.Company.OrgNr, c.Company.Address.City)
		for _, a := range c.Assessments {
			for _, act := range a.Actions {
				out = append(out, act.Owner)
			}
		}
	}
	return slices.DeleteFunc(out, func(s string) bool { return s == "" })
}

func TestAnonymisedWorkbookOfThreeCompaniesShowsNothingAboutThem(t *testing.T) {
	fx := newFixture(t)
	f, _ := fx.write(t, "sv", false)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Insikter"}) {
		t.Fatalf("sheets %v, want the insights only", got)
	}
	text := allText(t, f)
	for _, w := range identifying(fx.clients) {
		if strings.Contains(text, w) {
			t.Errorf("the anonymised workbook names %q:\n%s", w, text)
		}
	}
	if !strings.Contains(text, "Färre än 5 företag") || strings.Contains(text, "Företag bedömda i perioden") {
		t.Errorf("three companies are fewer than five, yet figures are shown:\n%s", text)
	}
}

func TestAnonymisedWorkbookOfSixCompaniesShowsFiguresButNoNames(t *testing.T) {
	fx := newFixture(t)
	// Twice the demo companies, as six: enough for the anonymised figures.
	for _, c := range slices.Clone(fx.clients) {
		c.ID += 100
		fx.clients = append(fx.clients, c)
	}
	f, _ := fx.write(t, "en", false)
	rows := rowsOf(t, f, "Insights")
	text := allText(t, f)
	for _, w := range identifying(fx.clients) {
		if strings.Contains(text, w) {
			t.Errorf("the anonymised workbook names %q", w)
		}
	}
	for _, row := range rows {
		if len(row) == 5 && row[2] == "Companies assessed in the period" && row[4] != "6" {
			t.Errorf("companies assessed: %q, want 6", row[4])
		}
		if len(row) > 2 && (row[2] == "Lowest" || row[2] == "Highest") {
			t.Errorf("a single company's score is shown: %v", row)
		}
	}
	if !strings.Contains(text, "Anonymised: no company names") || !strings.Contains(text, "How the scores are spread") {
		t.Errorf("insights:\n%s", text)
	}
}

func TestWriteFileToAMissingFolderFailsAndLeavesNothing(t *testing.T) {
	fx := newFixture(t)
	dir := t.TempDir()
	path := filepath.Join(dir, "no such folder", "p.xlsx")
	in := &workbook.Input{Data: fx.d, Clients: fx.clients}
	err := workbook.WriteFile(path, in, locales.MustNew("en"))
	var we *workbook.WriteError
	if !errors.As(err, &we) || we.Path != path || !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("err = %v, want a *WriteError for %s that is fs.ErrNotExist", err, path)
	}
	// An existing file is replaced whole, with no temporary file left beside it.
	path = filepath.Join(dir, "p.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := workbook.WriteFile(path, in, locales.MustNew("en")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("folder holds %v, want p.xlsx alone", entries)
	}
	if f, err := excelize.OpenFile(path); err != nil {
		t.Errorf("the replaced file does not open: %v", err)
	} else {
		f.Close()
	}
}

// TestASecondReaderReadsTheWorkbook converts the workbook to CSV with
// Gnumeric's ssconvert or LibreOffice, whichever is installed
// (.ci/install-deps.sh test installs gnumeric), and finds a company, its
// score and its date there: the file is not only excelize's own reading.
func TestASecondReaderReadsTheWorkbook(t *testing.T) {
	convert := secondReader(t)
	fx := newFixture(t)
	_, path := fx.write(t, "sv", true)
	csv := convert(t, path)
	c := fx.clients[0]
	rows := portfolio.Rows(fx.d, []portfolio.Client{c}, today)
	score, _ := rows[0].Score(ref.Personal)
	y, m, d := rows[0].LatestDate[:4], rows[0].LatestDate[5:7], rows[0].LatestDate[8:]
	anyDate := regexp.MustCompile(y + `[-/]` + m + `[-/]` + d + `|` + m + `/` + d + `/` + y)
	line := ""
	for _, l := range strings.Split(csv, "\n") {
		if strings.Contains(l, c.Company.Name) {
			line = l
		}
	}
	if line == "" {
		t.Fatalf("%s not in the second reader's CSV:\n%s", c.Company.Name, csv)
	}
	if want := strconv.FormatFloat(float64(int(score*10+0.5))/10, 'f', -1, 64); !strings.Contains(line, ","+want+",") {
		t.Errorf("P score %s not read as a number: %s", want, line)
	}
	if !anyDate.MatchString(line) {
		t.Errorf("latest assessment %s not read as a date: %s", rows[0].LatestDate, line)
	}
}

// secondReader returns a conversion of the workbook's first sheet to CSV
// text, or skips the test when neither reader is installed.
func secondReader(t *testing.T) func(*testing.T, string) string {
	if bin, err := exec.LookPath("ssconvert"); err == nil {
		return func(t *testing.T, path string) string {
			out := filepath.Join(t.TempDir(), "first.csv")
			cmd := exec.Command(bin, "--export-type=Gnumeric_stf:stf_csv", path, out)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("ssconvert: %v\n%s", err, b)
			}
			return readText(t, out)
		}
	}
	for _, name := range []string{"libreoffice", "soffice"} {
		if bin, err := exec.LookPath(name); err == nil {
			return func(t *testing.T, path string) string {
				dir := t.TempDir()
				cmd := exec.Command(bin, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
					"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, path)
				if b, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("%s: %v\n%s", name, err, b)
				}
				return readText(t, filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".csv"))
			}
		}
	}
	t.Skip("neither ssconvert (gnumeric) nor libreoffice is installed: .ci/install-deps.sh test installs gnumeric")
	return nil
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
