package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/store/datadir"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/oidclogin"
)

// openBrowser opens the identity provider's page; tests follow it with
// an http.Client instead.
var openBrowser = oidclogin.OpenBrowser

// ssoTimeout bounds the wait for the advisor to sign in in the browser.
const ssoTimeout = 5 * time.Minute

// runLoginSSO signs this computer in through the organisation's identity
// provider (login --sso): the browser shows the provider's sign-in, and
// the server names the advisor by the e-mail address it vouches for.
func runLoginSSO(fs *cmdFlags, out io.Writer, server, device, ca string) error {
	// The e-mail address comes from the server once signed in.
	cfg, err := loginConfig(server, "-", device, ca)
	if err != nil {
		return err
	}
	dir, err := store.ResolveDir(*fs.dataDir, os.Getenv)
	if err != nil {
		return err
	}
	c, err := teamClient(cfg)
	if err != nil {
		return err
	}
	l := fs.loc()
	ctx, cancel := context.WithTimeout(context.Background(), ssoTimeout)
	defer cancel()
	flow := &oidclogin.Flow{Client: c, Device: cfg.Device, Open: func(u string) error {
		fmt.Fprintln(os.Stderr, l.Tf("cli.login.sso_open", map[string]any{"URL": u}))
		if err := openBrowser(u); err != nil {
			warn(l, "cli.login.sso_no_browser", nil) // the address above still works
		}
		return nil
	}, Page: oidclogin.Page{Title: "POMI Planner", Done: l.T("cli.login.sso_page_done"), Failed: l.T("cli.login.sso_page_failed")}}
	resp, err := flow.SignIn(ctx)
	if err != nil {
		return ssoFailure(err, cfg.Server)
	}
	c.Token = resp.Token
	me, err := c.Me(ctx)
	if err != nil {
		return serverFailure(err, cfg.Server)
	}
	if err := joinTeam(fs, c, cfg.Server); err != nil {
		return err
	}
	cfg.Email, cfg.Token, cfg.DeviceID, cfg.Advisor, cfg.Organisation = me.Email, resp.Token, resp.DeviceID, resp.AdvisorName, resp.Organisation
	if err := datadir.EnsureDir(dir); err != nil {
		return err
	}
	if err := saveTeam(dir, cfg); err != nil {
		return err
	}
	fmt.Fprintln(out, l.Tf("cli.login.done", map[string]any{"Server": cfg.Server, "Advisor": cfg.Advisor, "Organisation": cfg.Organisation}))
	fmt.Fprintln(out, tokenKept(l, cfg))
	return nil
}

// ssoFailure says why the sign-in through the identity provider failed.
func ssoFailure(err error, server string) error {
	var ce *client.Error
	errors.As(err, &ce)
	data := map[string]any{"Server": server}
	switch {
	case errors.Is(err, client.ErrNoOIDC):
		return failure(err, "cli.login.sso_unavailable", data, server+" offers no sign-in through an identity provider")
	case errors.Is(err, client.ErrIdentityProvider):
		return failure(err, "cli.login.sso_provider_failed", data, "the identity provider failed")
	case errors.Is(err, oidclogin.ErrDenied):
		return failure(err, "cli.login.sso_denied", data, "the identity provider gave no sign-in")
	case errors.Is(err, context.DeadlineExceeded):
		return failure(err, "cli.login.sso_timeout", data, "no sign-in in the browser in time")
	case ce != nil && ce.Code == "bad_credentials":
		return failure(err, "cli.login.sso_no_advisor", data, "no advisor with that account's e-mail address")
	}
	return serverFailure(err, server)
}
