package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/pomi-planner/pomi/app"
)

// TestRatingShots saves PNGs of steps 3–6 in the workspace, in Swedish and
// English, to look at: POMI_SHOTS=1 go test -run TestRatingShots ./ui/
func TestRatingShots(t *testing.T) {
	if os.Getenv("POMI_SHOTS") == "" {
		t.Skip("set POMI_SHOTS=1 to write /tmp/rating-*.png")
	}
	for _, lang := range []string{"sv", "en"} {
		s, _, w := openTestSession(t, lang, false, "Testbolaget AB")
		s.EditAssessment(func(a *app.Assessment) {
			a.Modes = []app.ModeChoice{{Mode: "export_direct", Status: app.ModeCurrent}, {Mode: "export_agents", Status: app.ModePlanned}}
			a.CompetenceRatings = map[string]int{"production": 4, "marketing": app.DontKnow}
			a.StatementRatings = map[string]int{"P1": 3, "P2": 5}
			a.Barriers = map[string]int{"identify_opportunities": app.BarrierStrong}
			a.Checklist = map[string]string{"describe_country": app.ChecklistDone}
		})
		ws := NewWorkspace(s)
		w.SetContent(ws.Content())
		for _, size := range []fyne.Size{fyne.NewSize(1100, 720), fyne.NewSize(900, 680)} {
			w.Resize(size)
			for _, step := range []string{"competences", "statements", "barriers", "checklist"} {
				ws.ShowStep(step)
				if sv, ok := ws.View().(*StatementsView); ok {
					sv.ToggleHelp("P1")
				}
				name := "/tmp/rating-" + step + "-" + lang
				if size.Width < 1000 {
					name += "-narrow"
				}
				saveCapture(t, w, name+".png")
			}
		}
	}
}
