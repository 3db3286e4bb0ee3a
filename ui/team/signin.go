package team

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"strings"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/server/wire"
	"github.com/pomi-planner/pomi/ui/kit"
)

// Credentials is what the advisor types to sign in.
type Credentials struct {
	Server, Email, Password, Device string
	// CAFile is a PEM file with the certificate authority to trust, or "".
	CAFile string
	// CA is the PEM to trust when CAFile is "": the one of an earlier
	// sign-in, when signing in again.
	CA string
}

// Problem is a sign-in that could not be made, with the message that
// says why in one sentence.
type Problem struct {
	ID    string // message id
	Count int    // for plural messages; 0 for the others
	Err   error  // the underlying error, for the log
}

func (p *Problem) Error() string {
	if p.Err != nil {
		return p.ID + ": " + p.Err.Error()
	}
	return p.ID
}

// Unwrap returns the underlying error.
func (p *Problem) Unwrap() error { return p.Err }

// Sentence says in loc's language why err stopped the sign-in.
func Sentence(loc *locales.Localizer, err error) string {
	var p *Problem
	if !errors.As(err, &p) {
		p = problemOf(err)
	}
	if p.Count > 0 {
		return loc.N(p.ID, p.Count, nil)
	}
	return loc.T(p.ID)
}

// problemOf names what went wrong in talking to the server.
func problemOf(err error) *Problem {
	var ce *client.Error
	errors.As(err, &ce)
	switch {
	case errors.Is(err, client.ErrOffline):
		return &Problem{ID: "ui.team.error.offline", Err: err}
	case errors.Is(err, client.ErrCertificate):
		return &Problem{ID: "ui.team.error.certificate", Err: err}
	case ce != nil && ce.Code == wire.ErrBadCredentials:
		return &Problem{ID: "ui.team.error.bad_credentials", Err: err}
	case errors.Is(err, client.ErrRateLimited):
		minutes := 1
		if ce != nil && ce.RetryAfter > 0 {
			minutes = int(math.Ceil(ce.RetryAfter.Minutes()))
		}
		return &Problem{ID: "ui.team.error.rate_limited", Count: minutes, Err: err}
	case errors.Is(err, client.ErrUnauthorized):
		return &Problem{ID: "ui.team.error.unauthorized", Err: err}
	case errors.Is(err, teamfile.ErrBadCA):
		return &Problem{ID: "ui.team.error.bad_ca", Err: err}
	}
	var we *teamfile.WriteError
	if errors.As(err, &we) {
		return &Problem{ID: "ui.team.error.save", Err: err}
	}
	return &Problem{ID: "ui.team.error.failed", Err: err}
}

// config checks what was typed and makes the sign-in's configuration.
func (c Credentials) config() (*teamfile.Config, error) {
	server := strings.TrimRight(strings.TrimSpace(c.Server), "/")
	u, err := url.Parse(server)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, &Problem{ID: "ui.team.error.server"}
	}
	email := strings.TrimSpace(c.Email)
	if email == "" {
		return nil, &Problem{ID: "ui.team.error.email"}
	}
	if c.Password == "" {
		return nil, &Problem{ID: "ui.team.error.password"}
	}
	device := strings.TrimSpace(c.Device)
	if device == "" {
		device, _ = os.Hostname()
	}
	cfg := &teamfile.Config{Server: server, Email: email, Device: device, CA: c.CA}
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, &Problem{ID: "ui.team.error.ca_file", Err: err}
		}
		cfg.CA = string(pem)
	}
	return cfg, nil
}

// SignIn signs this computer in off the UI thread and keeps the sign-in
// in team.json; then it runs the first round. done is told on the UI
// thread, with a *Problem or a client error when it failed.
func (s *Service) SignIn(c Credentials, done func(error)) {
	s.signInWith(func() (*teamfile.Config, error) { return s.signIn(c) }, done)
}

// signInWith runs signIn off the UI thread; signed in, it takes the new
// sign-in, runs the first round and keeps the rounds ticking. done is told
// on the UI thread.
func (s *Service) signInWith(signIn func() (*teamfile.Config, error), done func(error)) {
	var cfg *teamfile.Config
	var err error
	s.deps.Async(func() { cfg, err = signIn() }, func() {
		if err == nil {
			s.state = State{Config: cfg}
			s.notify()
			s.SyncNow()
			s.ensureTicking()
		}
		done(err)
	})
}

func (s *Service) signIn(c Credentials) (*teamfile.Config, error) {
	cfg, err := c.config()
	if err != nil {
		return nil, err
	}
	cl, err := s.client(cfg)
	if err != nil {
		return nil, err
	}
	resp, err := cl.Login(context.Background(), cfg.Email, c.Password, cfg.Device)
	if err != nil {
		return nil, err
	}
	cl.Token = resp.Token
	if err := s.join(cl, cfg.Server); err != nil {
		return nil, err
	}
	cfg.Token, cfg.DeviceID, cfg.Advisor, cfg.Organisation = resp.Token, resp.DeviceID, resp.AdvisorName, resp.Organisation
	if err := teamfile.Save(s.dir, cfg); err != nil {
		return nil, fmt.Errorf("keep the sign-in: %w", err)
	}
	return cfg, nil
}

// join ties the data folder to the team cl signed in to; a folder that
// syncs with another team is a Problem that says so.
func (s *Service) join(cl *client.Client, server string) error {
	err := teamfile.Join(context.Background(), cl, s.x, server)
	if errors.Is(err, engine.ErrOtherTeam) {
		return &Problem{ID: "ui.team.error.other_team", Err: err}
	}
	return err
}

// SignOut tells the server, when it answers, and forgets the sign-in.
// The local data stays. done is told on the UI thread.
func (s *Service) SignOut(done func(error)) {
	cfg := s.state.Config
	if cfg == nil {
		done(nil)
		return
	}
	var err error
	s.deps.Async(func() {
		if c, cerr := s.withToken(cfg).Client(); cerr == nil {
			c.Attempts = 1
			kit.LogError("tell the team server about the sign-out", c.Logout(context.Background()))
		}
		err = teamfile.Remove(s.dir)
	}, func() {
		if err == nil {
			s.state = State{}
			s.notify()
		}
		done(err)
	})
}
