package settings

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"

	"github.com/pomi-planner/pomi/ui/kit"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// onStore opens a real store in a temp folder and the settings
// screen over it.
func onStore(t *testing.T, lang string) (*Screen, *store.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	st := uitest.OpenStore(t)
	scr, w := settingsWindow(t, st, lang)
	return scr, st, w
}

func settingsWindow(t *testing.T, st kit.Store, lang string) (*Screen, fyne.Window) {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	scr := NewScreen(w, uitest.Deps(t), st, store.Maintenance{}, locales.MustNew(lang))
	w.SetContent(scr.Content())
	w.Resize(fyne.NewSize(1100, 720))
	return scr, w
}

// savedSettings flushes the screen and reads what the store has.
func savedSettings(t *testing.T, scr *Screen, st *store.Store) *app.Settings {
	t.Helper()
	if err := scr.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := st.Settings(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// button finds the button with the given text below obj.
func button(t *testing.T, obj fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	uitest.Walk(obj, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	return found
}

func TestSettingsSaveValidBrandingAndKeepInvalidTextUnsaved(t *testing.T) {
	scr, st, _ := onStore(t, "sv")
	f := scr.Branding.Fields
	var saved *app.Settings
	scr.OnSaved = func(s *app.Settings) { saved = s }
	f["organisation"].Entry.SetText("Almi Företagspartner Jönköping ")
	f["color"].Entry.SetText("#2E7D32")
	f["advisor_email"].Entry.SetText("anna.berg@almi.se")
	got := savedSettings(t, scr, st)
	b := got.Branding
	if b.Organisation != "Almi Företagspartner Jönköping" || b.PrimaryColor != "#2e7d32" || b.AdvisorEmail != "anna.berg@almi.se" {
		t.Fatalf("saved branding %+v", b)
	}
	if saved == nil || saved.Branding.PrimaryColor != "#2e7d32" {
		t.Errorf("OnSaved got %+v", saved)
	}
	if scr.State.Text != "Sparat" {
		t.Errorf("state %q after saving", scr.State.Text)
	}

	f["color"].Entry.SetText("#12")
	f["advisor_email"].Entry.SetText("anna.berg@")
	if f["color"].Entry.Text != "#12" || f["color"].msg.Text != "Skriv färgen som #rrggbb, t.ex. #1f4e79." {
		t.Errorf("bad colour: text %q, message %q", f["color"].Entry.Text, f["color"].msg.Text)
	}
	if f["advisor_email"].msg.Text != "E-postadressen är inte giltig." || f["advisor_email"].Entry.Validate() == nil {
		t.Errorf("bad e-mail: message %q", f["advisor_email"].msg.Text)
	}
	if scr.State.Text != "Inte sparat – rätta det markerade fältet." {
		t.Errorf("state %q with invalid fields", scr.State.Text)
	}
	if c, _ := parseRGB("#2e7d32"); scr.Branding.swatch.FillColor != c {
		t.Errorf("the swatch shows %v, want the saved colour", scr.Branding.swatch.FillColor)
	}
	got = savedSettings(t, scr, st)
	if got.Branding.PrimaryColor != "#2e7d32" || got.Branding.AdvisorEmail != "anna.berg@almi.se" {
		t.Errorf("invalid input reached the database: %+v", got.Branding)
	}

	f["color"].Entry.SetText("")
	if got := savedSettings(t, scr, st); got.Branding.PrimaryColor != "" {
		t.Errorf("an empty colour saved as %q, want empty for the default", got.Branding.PrimaryColor)
	}
	if c, _ := parseRGB("#1f4e79"); scr.Branding.swatch.FillColor != c {
		t.Errorf("an empty colour shows %v, want the default", scr.Branding.swatch.FillColor)
	}
}

func TestSettingsPresetColourFillsTheField(t *testing.T) {
	scr, st, w := onStore(t, "en")
	var preset *widget.Button
	uitest.Walk(w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && preset == nil {
			preset = b
		}
	})
	f := scr.Branding.Fields["color"]
	f.Entry.SetText("#123456")
	test.Tap(preset)
	if f.Entry.Text != presetColors[0] {
		t.Fatalf("colour field %q after tapping the first preset", f.Entry.Text)
	}
	if got := savedSettings(t, scr, st); got.Branding.PrimaryColor != presetColors[0] {
		t.Errorf("saved colour %q", got.Branding.PrimaryColor)
	}
}

func TestSettingsShowWhatIsSaved(t *testing.T) {
	test.NewTempApp(t)
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	in := &app.Settings{UILanguage: "sv", ReportLanguage: "en", PaperSize: "letter", UsedBy: app.UsedByCompany,
		Branding: app.Branding{Organisation: "Glasbruket AB", PrimaryColor: "#b35900", AdvisorPhone: "036-12 34 56"}}
	if err := st.SaveSettings(context.Background(), in); err != nil {
		t.Fatal(err)
	}
	scr, _ := settingsWindow(t, st, "sv")
	if scr.Branding.Fields["organisation"].Entry.Text != "Glasbruket AB" || scr.Branding.Fields["color"].Entry.Text != "#b35900" {
		t.Error("the saved branding is not shown")
	}
	if scr.reportLang.Selected != "English" || scr.paper.Selected != "Letter (USA, Kanada)" || scr.usedBy.Selected != "Ett företag, för egen del" {
		t.Errorf("report %q, paper %q, used by %q", scr.reportLang.Selected, scr.paper.Selected, scr.usedBy.Selected)
	}
	if scr.Branding.person.Text != "Kontaktperson" {
		t.Errorf("person heading %q for a company", scr.Branding.person.Text)
	}
	if scr.Auto.Dirty {
		t.Error("showing the saved settings counts as an edit")
	}
}

func TestSettingsLanguagePaperAndUserAreSaved(t *testing.T) {
	scr, st, _ := onStore(t, "sv")
	var lang string
	scr.OnLanguage = func(l string) { lang = l }
	scr.uiLang.SetSelected("English")
	if lang != "en" {
		t.Fatalf("OnLanguage got %q", lang)
	}
	if got, _ := st.Settings(context.Background()); got.UILanguage != "en" {
		t.Fatalf("the UI language was not saved before the switch: %q", got.UILanguage)
	}
	scr.reportLang.SetSelected("English")
	scr.paper.SetSelected("Letter (USA, Kanada)")
	scr.usedBy.SetSelected("En rådgivare som hjälper företag")
	got := savedSettings(t, scr, st)
	if got.ReportLanguage != "en" || got.PaperSize != "letter" || got.UsedBy != app.UsedByAdvisor {
		t.Errorf("saved %+v", got)
	}
	if scr.usedByHint.Text != "Planerna får din organisations namn, logotyp och färg, och dig som rådgivare." {
		t.Errorf("used-by hint %q", scr.usedByHint.Text)
	}
}

// testPNG is a small valid picture.
func testPNG(t *testing.T) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		img.Set(x, 10, color.NRGBA{R: 0x1f, G: 0x4e, B: 0x79, A: 0xff})
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSettingsLogoIsCheckedPreviewedAndRemovable(t *testing.T) {
	scr, st, _ := onStore(t, "sv")
	br := scr.Branding
	br.setLogo([]byte("GIF89a not what we take"))
	if br.logoMsg.Text != "Filen är ingen PNG- eller JPEG-bild. Välj en annan fil." || br.logo.Visible() {
		t.Errorf("a bad file: message %q, preview shown %v", br.logoMsg.Text, br.logo.Visible())
	}
	if got := savedSettings(t, scr, st); got.Branding.Logo != nil {
		t.Fatal("a refused logo was saved")
	}
	br.setLogo(testPNG(t))
	if !br.logo.Visible() || br.logoClear.Disabled() {
		t.Error("a good logo is not previewed or cannot be removed")
	}
	got := savedSettings(t, scr, st)
	if _, format, err := image.DecodeConfig(bytes.NewReader(got.Branding.Logo)); err != nil || format != "png" {
		t.Fatalf("saved logo: %s, %v", format, err)
	}
	test.Tap(br.logoClear)
	if got := savedSettings(t, scr, st); got.Branding.Logo != nil || br.logo.Visible() {
		t.Error("the logo was not removed")
	}
}

func TestSettingsBackupNowAddsABackup(t *testing.T) {
	scr, _, w := onStore(t, "sv")
	before := len(scr.Backups())
	test.Tap(button(t, w.Content(), "Säkerhetskopiera nu"))
	after := scr.Backups()
	if len(after) != before+1 || after[0].Reason != "manual" {
		t.Fatalf("backups %+v after backing up, had %d", after, before)
	}
	if !uitest.ContainsText(w.Content(), "gjord för hand") || !uitest.ContainsText(w.Content(), "Klart – säkerhetskopian är sparad.") {
		t.Error("the new backup or the confirmation is not shown")
	}
}

func TestSettingsRestoreBringsBackTheEarlierCompanies(t *testing.T) {
	scr, st, w := onStore(t, "sv")
	ctx := context.Background()
	if _, err := st.CreateCompany(ctx, &app.Company{Name: "Företag A"}); err != nil {
		t.Fatal(err)
	}
	scr.BackupNow()
	if _, err := st.CreateCompany(ctx, &app.Company{Name: "Företag B"}); err != nil {
		t.Fatal(err)
	}
	restored := false
	scr.OnRestored = func() { restored = true }
	scr.AskRestore(0)
	if !uitest.ContainsText(w.Canvas().Overlays().Top(), "Det du har nu sparas först") {
		t.Error("the question does not say the current data is backed up first")
	}
	scr.data.confirm.Confirm()
	rows, _, err := st.ListCompanies(ctx, app.ListQuery{})
	if err != nil || len(rows) != 1 || rows[0].Name != "Företag A" {
		t.Fatalf("companies after restore: %+v, %v", rows, err)
	}
	if !restored {
		t.Error("OnRestored was not called")
	}
	if b := scr.Backups(); len(b) < 2 || b[0].Reason != "pre-restore" {
		t.Errorf("backups after restore %+v, want pre-restore first", b)
	}
}

// fixedPath is a store whose path does not change between runs, for
// the markup golden.
type fixedPath struct{ *store.Store }

func (fixedPath) Path() string { return "/home/anna/.config/POMI Planner/pomi.db" }

func TestSettingsMarkup(t *testing.T) {
	test.NewTempApp(t)
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, w := settingsWindow(t, fixedPath{st}, "sv")
	test.AssertRendersToMarkup(t, "settings.xml", w.Canvas())
}
