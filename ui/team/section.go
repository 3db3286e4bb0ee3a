package team

import (
	"net/url"
	"os"

	"github.com/pomi-planner/pomi/app/sync/teamfile"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/kit"
)

// Section is the settings' Team card: the sign-in form, or who is signed
// in where, with the sign-out. Its widgets are exported for tests.
type Section struct {
	svc *Service
	loc *locales.Localizer
	win fyne.Window

	Server, Email, Password, Device, CA *widget.Entry
	SignInButton, SignOutButton         *widget.Button
	// SSOButton signs in through the organisation's identity provider;
	// shown only when the server offers that (section_sso.go).
	SSOButton *widget.Button
	// OpenURL, when set, opens the provider's page instead of the system
	// browser (tests).
	OpenURL func(*url.URL) error
	ssoStop func() bool
	buttons *fyne.Container // the form's row of buttons, laid out anew when one shows
	// Message says why the sign-in failed, in one sentence.
	Message *widget.Label
	// Who and Where say who is signed in, in which organisation, where;
	// Kept says where this computer keeps its token.
	Who, Where, Kept *widget.Label
	body             *fyne.Container
	card             *widget.Card
	// keptCA is the certificate authority of a sign-in the server
	// refused, trusted again when no other file is chosen.
	keptCA string
	// mode is what show shows: the form (0), who is signed in (1), or the
	// form again after a refusal (2); stop ends following the service.
	mode int
	stop func()
}

// NewSection returns the Team card over svc, in loc's language.
func NewSection(w fyne.Window, svc *Service, loc *locales.Localizer) *Section {
	s := &Section{svc: svc, loc: loc, win: w, body: container.NewStack()}
	s.Server = widget.NewEntry()
	s.Server.SetPlaceHolder(loc.T("ui.team.server_placeholder"))
	s.Email = widget.NewEntry()
	s.Password = widget.NewPasswordEntry()
	s.Password.OnSubmitted = func(string) { s.onSignIn() }
	s.Device = widget.NewEntry()
	s.Device.SetText(hostname())
	s.CA = widget.NewEntry()
	s.initSSO()
	s.SignInButton = widget.NewButton(loc.T("ui.team.sign_in"), s.onSignIn)
	s.SignInButton.Importance = widget.HighImportance
	s.SignOutButton = widget.NewButton(loc.T("ui.team.sign_out"), s.onSignOut)
	s.Message = widget.NewLabel("")
	s.Message.Wrapping = fyne.TextWrapWord
	s.Message.Importance = widget.DangerImportance
	s.Message.Hide()
	s.Who, s.Where, s.Kept = wrapped(""), wrapped(""), wrapped("")
	s.card = widget.NewCard(loc.T("ui.team.title"), "", s.body)
	s.show()
	s.stop = svc.Listen(func(State) {
		if s.modeNow() != s.mode {
			s.show()
		}
	})
	return s
}

// Close stops following the service: the settings were made anew.
func (s *Section) Close() {
	s.stop()
	if s.ssoStop != nil {
		s.ssoStop()
	}
}

func (s *Section) modeNow() int {
	switch st := s.svc.State(); {
	case st.Config == nil:
		return 0
	case st.Unauthorized:
		return 2
	}
	return 1
}

// Content is the card.
func (s *Section) Content() fyne.CanvasObject { return s.card }

// show shows the form or the signed-in state, as the service stands. A
// sign-in the server refused shows the form again, filled in but for the
// password.
func (s *Section) show() {
	s.mode = s.modeNow()
	if cfg := s.svc.State().Config; s.mode == 2 {
		s.Server.SetText(cfg.Server)
		s.Email.SetText(cfg.Email)
		s.Device.SetText(cfg.Device)
		s.keptCA = cfg.CA
		s.body.Objects = []fyne.CanvasObject{s.form()}
	} else if s.mode == 1 {
		s.Who.SetText(s.loc.Tf("ui.team.signed_in", map[string]any{"Advisor": cfg.Advisor, "Email": cfg.Email, "Organisation": cfg.Organisation}))
		s.Where.SetText(s.loc.Tf("ui.team.signed_in_server", map[string]any{"Server": cfg.Server, "Device": cfg.Device}))
		s.Kept.SetText(s.loc.T(keptID(cfg)))
		s.body.Objects = []fyne.CanvasObject{container.NewVBox(s.Who, s.Where, s.Kept, container.NewHBox(s.SignOutButton, layout.NewSpacer()))}
	} else {
		s.body.Objects = []fyne.CanvasObject{s.form()}
	}
	s.body.Refresh()
}

// keptID names where cfg's token is kept: the credential store, or the
// file readable by the user alone.
func keptID(cfg *teamfile.Config) string {
	if cfg.TokenStore == teamfile.InKeyring {
		return "ui.team.token_keyring"
	}
	return "ui.team.token_file"
}

func (s *Section) form() fyne.CanvasObject {
	choose := widget.NewButton(s.loc.T("ui.team.ca_choose"), s.chooseCA)
	s.buttons = container.NewHBox(s.SignInButton, s.SSOButton, layout.NewSpacer())
	return container.NewVBox(
		wrapped(s.loc.T("ui.team.intro")),
		labelled(s.loc.T("ui.team.server"), s.Server),
		container.NewGridWithColumns(2, labelled(s.loc.T("ui.team.email"), s.Email), labelled(s.loc.T("ui.team.password"), s.Password)),
		labelled(s.loc.T("ui.team.device"), s.Device, wrapped(s.loc.T("ui.team.device_hint"))),
		labelled(s.loc.T("ui.team.ca"), container.NewBorder(nil, nil, nil, choose, s.CA), wrapped(s.loc.T("ui.team.ca_hint"))),
		s.Message,
		s.buttons,
	)
}

func (s *Section) chooseCA() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		s.CA.SetText(r.URI().Path())
		kit.LogError("close the certificate file", r.Close())
	}, s.win)
	d.Show()
}

// onSignIn signs in with what was typed.
func (s *Section) onSignIn() {
	s.SignInButton.Disable()
	s.SignInButton.SetText(s.loc.T("ui.team.signing_in"))
	s.Message.Hide()
	c := Credentials{Server: s.Server.Text, Email: s.Email.Text, Password: s.Password.Text, Device: s.Device.Text, CAFile: s.CA.Text, CA: s.keptCA}
	s.svc.SignIn(c, func(err error) {
		s.SignInButton.SetText(s.loc.T("ui.team.sign_in"))
		s.SignInButton.Enable()
		if err != nil {
			kit.LogError("sign in to the team server", err)
			s.Message.SetText(Sentence(s.loc, err))
			s.Message.Show()
			return
		}
		s.Password.SetText("") // the token is kept, never the password
		s.show()
	})
}

func (s *Section) onSignOut() {
	s.SignOutButton.Disable()
	s.svc.SignOut(func(err error) {
		s.SignOutButton.Enable()
		if err != nil {
			kit.LogError("sign out of the team server", err)
			s.Message.SetText(s.loc.T("ui.team.error.sign_out"))
			s.Message.Show()
		}
		s.show()
	})
}

// labelled is a bold label over an input, with an optional hint below.
func labelled(label string, input fyne.CanvasObject, hint ...fyne.CanvasObject) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), input)
	for _, h := range hint {
		box.Add(h)
	}
	return box
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func hostname() string {
	h, _ := os.Hostname()
	return h
}
