package ui

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
)

// settingsOnStore opens a real store in a temp folder and the settings
// screen over it.
func settingsOnStore(t *testing.T, lang string) (*SettingsScreen, *store.Store, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	scr, w := settingsWindow(t, st, lang)
	return scr, st, w
}

func settingsWindow(t *testing.T, st Store, lang string) (*SettingsScreen, fyne.Window) {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	scr := NewSettingsScreen(w, st, locales.MustNew(lang))
	w.SetContent(scr.Content())
	w.Resize(fyne.NewSize(1100, 720))
	return scr, w
}

// settingsSaved flushes the screen and reads what the store has.
func settingsSaved(t *testing.T, scr *SettingsScreen, st *store.Store) *app.Settings {
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

// settingsButton finds the button with the given text below obj.
func settingsButton(t *testing.T, obj fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(obj, func(o fyne.CanvasObject) {
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
	scr, st, _ := settingsOnStore(t, "sv")
	f := scr.branding.fields
	var saved *app.Settings
	scr.OnSaved = func(s *app.Settings) { saved = s }
	f["organisation"].entry.SetText("Almi Företagspartner Jönköping ")
	f["color"].entry.SetText("#2E7D32")
	f["advisor_email"].entry.SetText("anna.berg@almi.se")
	got := settingsSaved(t, scr, st)
	b := got.Branding
	if b.Organisation != "Almi Företagspartner Jönköping" || b.PrimaryColor != "#2e7d32" || b.AdvisorEmail != "anna.berg@almi.se" {
		t.Fatalf("saved branding %+v", b)
	}
	if saved == nil || saved.Branding.PrimaryColor != "#2e7d32" {
		t.Errorf("OnSaved got %+v", saved)
	}
	if scr.state.Text != "Sparat" {
		t.Errorf("state %q after saving", scr.state.Text)
	}

	f["color"].entry.SetText("#12")
	f["advisor_email"].entry.SetText("anna.berg@")
	if f["color"].entry.Text != "#12" || f["color"].msg.Text != "Skriv färgen som #rrggbb, t.ex. #1f4e79." {
		t.Errorf("bad colour: text %q, message %q", f["color"].entry.Text, f["color"].msg.Text)
	}
	if f["advisor_email"].msg.Text != "E-postadressen är inte giltig." || f["advisor_email"].entry.Validate() == nil {
		t.Errorf("bad e-mail: message %q", f["advisor_email"].msg.Text)
	}
	if scr.state.Text != "Inte sparat – rätta det markerade fältet." {
		t.Errorf("state %q with invalid fields", scr.state.Text)
	}
	if c, _ := settingsParseRGB("#2e7d32"); scr.branding.swatch.FillColor != c {
		t.Errorf("the swatch shows %v, want the saved colour", scr.branding.swatch.FillColor)
	}
	got = settingsSaved(t, scr, st)
	if got.Branding.PrimaryColor != "#2e7d32" || got.Branding.AdvisorEmail != "anna.berg@almi.se" {
		t.Errorf("invalid input reached the database: %+v", got.Branding)
	}

	f["color"].entry.SetText("")
	if got := settingsSaved(t, scr, st); got.Branding.PrimaryColor != "" {
		t.Errorf("an empty colour saved as %q, want empty for the default", got.Branding.PrimaryColor)
	}
	if c, _ := settingsParseRGB("#1f4e79"); scr.branding.swatch.FillColor != c {
		t.Errorf("an empty colour shows %v, want the default", scr.branding.swatch.FillColor)
	}
}

func TestSettingsPresetColourFillsTheField(t *testing.T) {
	scr, st, w := settingsOnStore(t, "en")
	var preset *widget.Button
	walk(w.Content(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "" && preset == nil {
			preset = b
		}
	})
	f := scr.branding.fields["color"]
	f.entry.SetText("#123456")
	test.Tap(preset)
	if f.entry.Text != settingsPresetColors[0] {
		t.Fatalf("colour field %q after tapping the first preset", f.entry.Text)
	}
	if got := settingsSaved(t, scr, st); got.Branding.PrimaryColor != settingsPresetColors[0] {
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
	if scr.branding.fields["organisation"].entry.Text != "Glasbruket AB" || scr.branding.fields["color"].entry.Text != "#b35900" {
		t.Error("the saved branding is not shown")
	}
	if scr.reportLang.Selected != "English" || scr.paper.Selected != "Letter (USA, Kanada)" || scr.usedBy.Selected != "Ett företag, för egen del" {
		t.Errorf("report %q, paper %q, used by %q", scr.reportLang.Selected, scr.paper.Selected, scr.usedBy.Selected)
	}
	if scr.branding.person.Text != "Kontaktperson" {
		t.Errorf("person heading %q for a company", scr.branding.person.Text)
	}
	if scr.auto.dirty {
		t.Error("showing the saved settings counts as an edit")
	}
}

func TestSettingsLanguagePaperAndUserAreSaved(t *testing.T) {
	scr, st, _ := settingsOnStore(t, "sv")
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
	got := settingsSaved(t, scr, st)
	if got.ReportLanguage != "en" || got.PaperSize != "letter" || got.UsedBy != app.UsedByAdvisor {
		t.Errorf("saved %+v", got)
	}
	if scr.usedByHint.Text != "Planerna får din organisations namn, logotyp och färg, och dig som rådgivare." {
		t.Errorf("used-by hint %q", scr.usedByHint.Text)
	}
}

// settingsPNG is a small valid picture.
func settingsPNG(t *testing.T) []byte {
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
	scr, st, _ := settingsOnStore(t, "sv")
	br := scr.branding
	br.setLogo([]byte("GIF89a not what we take"))
	if br.logoMsg.Text != "Filen är ingen PNG- eller JPEG-bild. Välj en annan fil." || br.logo.Visible() {
		t.Errorf("a bad file: message %q, preview shown %v", br.logoMsg.Text, br.logo.Visible())
	}
	if got := settingsSaved(t, scr, st); got.Branding.Logo != nil {
		t.Fatal("a refused logo was saved")
	}
	br.setLogo(settingsPNG(t))
	if !br.logo.Visible() || br.logoClear.Disabled() {
		t.Error("a good logo is not previewed or cannot be removed")
	}
	got := settingsSaved(t, scr, st)
	if _, format, err := image.DecodeConfig(bytes.NewReader(got.Branding.Logo)); err != nil || format != "png" {
		t.Fatalf("saved logo: %s, %v", format, err)
	}
	test.Tap(br.logoClear)
	if got := settingsSaved(t, scr, st); got.Branding.Logo != nil || br.logo.Visible() {
		t.Error("the logo was not removed")
	}
}

func TestSettingsBackupNowAddsABackup(t *testing.T) {
	scr, _, w := settingsOnStore(t, "sv")
	before := len(scr.Backups())
	test.Tap(settingsButton(t, w.Content(), "Säkerhetskopiera nu"))
	after := scr.Backups()
	if len(after) != before+1 || after[0].Reason != "manual" {
		t.Fatalf("backups %+v after backing up, had %d", after, before)
	}
	if !containsText(w.Content(), "gjord för hand") || !containsText(w.Content(), "Klart – säkerhetskopian är sparad.") {
		t.Error("the new backup or the confirmation is not shown")
	}
}

func TestSettingsRestoreBringsBackTheEarlierCompanies(t *testing.T) {
	scr, st, w := settingsOnStore(t, "sv")
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
	if !containsText(w.Canvas().Overlays().Top(), "Det du har nu sparas först") {
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

// settingsFixedPath is a store whose path does not change between runs, for
// the markup golden.
type settingsFixedPath struct{ *store.Store }

func (settingsFixedPath) Path() string { return "/home/anna/.config/POMI Planner/pomi.db" }

func TestSettingsMarkup(t *testing.T) {
	test.NewTempApp(t)
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	_, w := settingsWindow(t, settingsFixedPath{st}, "sv")
	test.AssertRendersToMarkup(t, "settings.xml", w.Canvas())
}
