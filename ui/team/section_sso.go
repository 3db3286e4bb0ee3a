package team

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/app/sync/oidclogin"
	"github.com/pomi-planner/pomi/ui/kit"
)

// initSSO makes the button that signs in through the organisation's
// identity provider. It shows only once the server typed in says it
// offers that sign-in, asked after a pause in typing.
func (s *Section) initSSO() {
	s.SSOButton = widget.NewButton(s.loc.T("ui.team.sso"), s.onSignInSSO)
	s.SSOButton.Hide()
	s.Server.OnChanged = func(string) { s.scheduleSSOCheck() }
	s.CA.OnChanged = func(string) { s.scheduleSSOCheck() }
}

func (s *Section) scheduleSSOCheck() {
	if s.ssoStop != nil {
		s.ssoStop()
	}
	deps := s.svc.deps
	s.ssoStop = deps.After(ssoCheckDelay, func() { deps.OnUIThread(s.CheckSSO) })
}

// CheckSSO asks the server typed in now whether it offers sign-in through
// the organisation's identity provider, and shows the button if so.
func (s *Section) CheckSSO() {
	c := s.credentials()
	s.svc.CheckSSO(c, func(offered bool) {
		if c.Server != s.Server.Text || c.CAFile != s.CA.Text {
			return // typed on meanwhile; a later check tells
		}
		if offered {
			s.SSOButton.Show()
		} else {
			s.SSOButton.Hide()
		}
		if s.buttons != nil {
			s.buttons.Refresh()
		}
	})
}

// onSignInSSO signs in through the identity provider in the browser.
func (s *Section) onSignInSSO() {
	s.SignInButton.Disable()
	s.SSOButton.Disable()
	s.SSOButton.SetText(s.loc.T("ui.team.sso_waiting"))
	s.Message.Hide()
	page := oidclogin.Page{Title: "POMI Planner", Done: s.loc.T("ui.team.sso_page_done"), Failed: s.loc.T("ui.team.sso_page_failed")}
	s.svc.SignInSSO(s.credentials(), s.openURL, page, func(err error) {
		s.SSOButton.SetText(s.loc.T("ui.team.sso"))
		s.SSOButton.Enable()
		s.SignInButton.Enable()
		if err != nil {
			kit.LogError("sign in to the team server through the identity provider", err)
			s.Message.SetText(Sentence(s.loc, err))
			s.Message.Show()
			return
		}
		s.Password.SetText("")
		s.show()
	})
}

// openURL opens the identity provider's page in the system browser, or
// with OpenURL when a test set it. Fyne's OpenURL only starts the
// system's opener, so it may run off the UI thread.
func (s *Section) openURL(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if s.OpenURL != nil {
		return s.OpenURL(u)
	}
	return fyne.CurrentApp().OpenURL(u)
}

// credentials is what is typed in the form now, without the password.
func (s *Section) credentials() Credentials {
	return Credentials{Server: s.Server.Text, Device: s.Device.Text, CAFile: s.CA.Text, CA: s.keptCA}
}
