package team

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/oidclogin"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/server/wire"
)

// Timing of the sign-in through the organisation's identity provider.
const (
	// SSOTimeout is how long the window waits for the advisor to sign in
	// in the browser.
	SSOTimeout = 5 * time.Minute
	// ssoCheckDelay is the pause in typing the server's address after
	// which the window asks the server whether it offers the sign-in.
	ssoCheckDelay   = 700 * time.Millisecond
	ssoCheckTimeout = 5 * time.Second
)

// ssoConfig is the sign-in's configuration without e-mail address and
// password: the identity provider names the advisor.
func (c Credentials) ssoConfig() (*teamfile.Config, error) {
	c.Email, c.Password = "-", "-" // the server tells the address afterwards
	return c.config()
}

// CheckSSO asks the server c names, off the UI thread, whether it offers
// sign-in through the organisation's identity provider; done is told on
// the UI thread.
func (s *Service) CheckSSO(c Credentials, done func(offered bool)) {
	var ok bool
	s.deps.Async(func() {
		cfg, err := c.ssoConfig()
		if err != nil {
			return
		}
		cl, err := cfg.Client()
		if err != nil {
			return
		}
		cl.Attempts = 1
		ctx, cancel := context.WithTimeout(context.Background(), ssoCheckTimeout)
		defer cancel()
		_, err = cl.OIDCConfig(ctx)
		ok = err == nil
	}, func() { done(ok) })
}

// SignInSSO signs this computer in through the organisation's identity
// provider, off the UI thread: open shows the provider's page in the
// browser, which page thanks afterwards. Then it keeps the sign-in and
// runs the first round, as SignIn does. done is told on the UI thread.
func (s *Service) SignInSSO(c Credentials, open func(string) error, page oidclogin.Page, done func(error)) {
	s.signInWith(func() (*teamfile.Config, error) { return s.signInSSO(c, open, page) }, done)
}

func (s *Service) signInSSO(c Credentials, open func(string) error, page oidclogin.Page) (*teamfile.Config, error) {
	cfg, err := c.ssoConfig()
	if err != nil {
		return nil, err
	}
	cl, err := s.client(cfg)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), SSOTimeout)
	defer cancel()
	resp, err := (&oidclogin.Flow{Client: cl, Device: cfg.Device, Open: open, Page: page}).SignIn(ctx)
	if err != nil {
		return nil, ssoProblem(err)
	}
	cl.Token = resp.Token
	me, err := cl.Me(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.join(cl, cfg.Server); err != nil {
		return nil, err
	}
	cfg.Email, cfg.Token, cfg.DeviceID, cfg.Advisor, cfg.Organisation = me.Email, resp.Token, resp.DeviceID, resp.AdvisorName, resp.Organisation
	if err := teamfile.Save(s.dir, cfg); err != nil {
		return nil, fmt.Errorf("keep the sign-in: %w", err)
	}
	return cfg, nil
}

// ssoProblem names what only a sign-in through the identity provider
// can run into; the rest is said as for the password sign-in.
func ssoProblem(err error) error {
	var ce *client.Error
	errors.As(err, &ce)
	id := ""
	switch {
	case errors.Is(err, client.ErrNoOIDC):
		id = "ui.team.error.sso_unavailable"
	case errors.Is(err, client.ErrIdentityProvider):
		id = "ui.team.error.sso_provider"
	case errors.Is(err, oidclogin.ErrDenied):
		id = "ui.team.error.sso_denied"
	case errors.Is(err, context.DeadlineExceeded):
		id = "ui.team.error.sso_timeout"
	case ce != nil && ce.Code == wire.ErrBadCredentials:
		id = "ui.team.error.sso_no_advisor"
	default:
		return err
	}
	return &Problem{ID: id, Err: err}
}
