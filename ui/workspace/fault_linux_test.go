package workspace

// A disk that takes no more bytes, made with RLIMIT_FSIZE (the largest file
// this process may write) set to zero, so every write to a regular file
// fails as on a full or read-only disk. Linux only.

import (
	"context"
	"testing"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/internal/diskfull"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/session"
)

// On a full disk the save indicator says so, the edit stays on screen,
// Back does not leave the company, and the next save once there is room
// writes it.
func TestAFullDiskSaysItCouldNotSaveAndKeepsTheEdit(t *testing.T) {
	for _, lang := range locales.Languages() {
		loc := locales.MustNew(lang)
		s, st, w := uitest.OpenSession(t, lang, false, "Fullt "+lang)
		ws := NewWorkspace(s)
		w.SetContent(ws.Content())
		left := false
		ws.OnBack = func() { left = true }
		if err := s.Flush(); err != nil {
			t.Fatal(err)
		}
		s.EditCompany(func(c *app.Company) { c.Address.City = "Växjö" })
		var flushErr error
		diskfull.While(t, func() {
			flushErr = s.Flush()
			ws.Back()
		})
		if flushErr == nil || s.State() != session.SaveFailed {
			t.Fatalf("%s: a save on a full disk gave %v, state %v", lang, flushErr, s.State())
		}
		if want := loc.T("ui.workspace.save_failed"); ws.Saved.Text != want {
			t.Errorf("%s: the indicator says %q, want %q", lang, ws.Saved.Text, want)
		}
		if left {
			t.Errorf("%s: Back left the company although its edit was not saved", lang)
		}
		if s.Company().Address.City != "Växjö" {
			t.Errorf("%s: the edit was lost from the screen", lang)
		}
		if c, _ := st.Company(context.Background(), s.CompanyID()); c.Address.City == "Växjö" {
			t.Errorf("%s: the failed save is in the database", lang)
		}
		if err := s.Flush(); err != nil || s.State() != session.SaveDone {
			t.Fatalf("%s: the save once there is room: %v, state %v", lang, err, s.State())
		}
		if c, _ := st.Company(context.Background(), s.CompanyID()); c.Address.City != "Växjö" {
			t.Errorf("%s: the edit did not reach the database on the next save", lang)
		}
		if check, err := st.Check(context.Background()); check != "ok" || err != nil {
			t.Errorf("%s: integrity_check %q %v", lang, check, err)
		}
	}
}
