package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/store/datadir"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/locales"
)

// teamFile holds the sign-in to pomi-server in the data folder; package
// teamfile reads and writes it for pomi-cli and the window alike.
const teamFile = teamfile.Name

// stdin is where login reads the password; tests replace it.
var stdin io.Reader = os.Stdin

// teamConfig is what team.json holds.
type teamConfig = teamfile.Config

// errNoServer is returned by loadTeam when no server is configured.
var errNoServer = teamfile.ErrNotSignedIn

func loadTeam(dir string) (*teamConfig, error) {
	cfg, err := teamfile.Load(dir)
	if errors.Is(err, teamfile.ErrNotSignedIn) {
		return nil, failure(errNoServer, "cli.sync.no_server", nil,
			"no team server is configured; sign in with pomi-cli login --server URL --email E")
	}
	return cfg, err
}

// saveTeam writes team.json atomically, readable by the user alone.
func saveTeam(dir string, cfg *teamConfig) error {
	var we *teamfile.WriteError
	if err := teamfile.Save(dir, cfg); errors.As(err, &we) {
		return writeFailure(we.Path, we.Err)
	} else if err != nil {
		return err
	}
	return nil
}

// teamClient is a client of cfg's server, as the user's words say when
// the configured certificate authority is unusable.
func teamClient(cfg *teamConfig) (*client.Client, error) {
	c, err := cfg.Client()
	if errors.Is(err, teamfile.ErrBadCA) {
		return nil, failure(nil, "cli.login.bad_ca", nil, "the --ca file holds no PEM certificate")
	} else if err != nil {
		return nil, err
	}
	if tuneClient != nil {
		tuneClient(c)
	}
	return c, nil
}

// tuneClient, when set, adjusts every client (tests shorten the retries).
var tuneClient func(*client.Client)

// runLogin signs this computer in to pomi-server and keeps the token.
func runLogin(args []string, out io.Writer) error {
	fs := newFlags("login", out)
	dataFlags(fs)
	langFlag(fs)
	server := fs.String("server", "", "the team server, e.g. https://pomi.example.se:8443")
	email := fs.String("email", "", "your e-mail address on the team server")
	device := fs.String("device", "", "this computer's name on the server (default: its host name)")
	ca := fs.String("ca", "", "a PEM file with the certificate authority to trust for the server")
	sso := fs.Bool("sso", false, "sign in through your organisation's account in the browser instead of a password")
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	if *sso {
		return runLoginSSO(fs, out, *server, *device, *ca)
	}
	cfg, err := loginConfig(*server, *email, *device, *ca)
	if err != nil {
		return err
	}
	dir, err := store.ResolveDir(*fs.dataDir, os.Getenv)
	if err != nil {
		return err
	}
	password, err := readPassword(fs.loc())
	if err != nil {
		return err
	}
	c, err := teamClient(cfg)
	if err != nil {
		return err
	}
	resp, err := c.Login(context.Background(), cfg.Email, password, cfg.Device)
	if err != nil {
		return serverFailure(err, cfg.Server)
	}
	c.Token = resp.Token
	if err := joinTeam(fs, c, cfg.Server); err != nil {
		return err
	}
	cfg.Token, cfg.DeviceID, cfg.Advisor, cfg.Organisation = resp.Token, resp.DeviceID, resp.AdvisorName, resp.Organisation
	if err := datadir.EnsureDir(dir); err != nil {
		return err
	}
	if err := saveTeam(dir, cfg); err != nil {
		return err
	}
	fmt.Fprintln(out, fs.loc().Tf("cli.login.done", map[string]any{"Server": cfg.Server, "Advisor": cfg.Advisor, "Organisation": cfg.Organisation}))
	fmt.Fprintln(out, tokenKept(fs.loc(), cfg))
	return nil
}

// joinTeam ties the data folder's database to the team c has just signed
// in to (teamfile.Join): a folder that syncs with another team is refused.
func joinTeam(fs *cmdFlags, c *client.Client, server string) error {
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		err := teamfile.Join(ctx, c, s.SyncStore(), server)
		switch {
		case errors.Is(err, engine.ErrOtherTeam):
			return failure(err, "cli.login.other_team", nil,
				"this data folder already syncs with another team; sign in with --data-dir and a folder of its own")
		case err != nil:
			return serverFailure(err, server)
		}
		return nil
	})
}

// tokenKept says where saveTeam kept the token, and why not in the
// operating system's credential store when that was passed over.
func tokenKept(l *locales.Localizer, cfg *teamConfig) string {
	switch {
	case cfg.TokenStore == teamfile.InKeyring:
		return l.T("cli.login.token_keyring")
	case cfg.StoreErr != nil:
		return l.Tf("cli.login.token_file_because", map[string]any{"Reason": oneLine(cfg.StoreErr.Error())})
	}
	return l.T("cli.login.token_file")
}

// loginConfig checks login's flags and makes the configuration to sign in with.
func loginConfig(server, email, device, caFile string) (*teamConfig, error) {
	u, err := url.Parse(server)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return nil, usageFailure("cli.login.server_required", nil, "login: --server https://HOST[:PORT] is required")
	}
	if strings.TrimSpace(email) == "" {
		return nil, usageFailure("cli.login.email_required", nil, "login: --email is required")
	}
	if device == "" {
		device, _ = os.Hostname()
	}
	cfg := &teamConfig{Server: strings.TrimRight(server, "/"), Email: strings.TrimSpace(email), Device: device}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, failure(err, "cli.error.open_file", map[string]any{"Path": caFile, "Reason": reasonOf(err)},
				fmt.Sprintf("open %s: %v", caFile, err))
		}
		cfg.CA = string(pem)
	}
	return cfg, nil
}

// readPassword prompts without echo at a terminal, else reads the first
// line of standard input: a password is never a flag.
func readPassword(l *locales.Localizer) (string, error) {
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(os.Stderr, l.T("cli.login.password_prompt")+" ")
		pw, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(os.Stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		return string(pw), nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	line = strings.TrimRight(line, "\r\n")
	if err != nil && line == "" {
		return "", usageFailure("cli.login.password_required", nil, "login: give the password on standard input or run at a terminal")
	}
	return line, nil
}

// runLogout signs this computer out and forgets the token. The local data
// stays; a server that cannot be reached is told at the next sign-in, and
// the administrator can revoke the device meanwhile.
func runLogout(args []string, out io.Writer) error {
	fs := newFlags("logout", out)
	dataFlags(fs)
	langFlag(fs)
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	dir, err := store.ResolveDir(*fs.dataDir, os.Getenv)
	if err != nil {
		return err
	}
	cfg, err := loadTeam(dir)
	if err != nil {
		return err
	}
	if c, err := teamClient(cfg); err == nil {
		c.Attempts = 1
		if err := c.Logout(context.Background()); err != nil {
			warn(fs.loc(), "cli.logout.server_not_told", map[string]any{"Server": cfg.Server})
		}
	}
	if err := teamfile.Remove(dir); err != nil {
		return err
	}
	fmt.Fprintln(out, fs.loc().Tf("cli.logout.done", map[string]any{"Server": cfg.Server}))
	return nil
}

// serverFailure says in the user's language why the server did not do
// what was asked.
func serverFailure(err error, server string) error {
	var ce *client.Error
	code := ""
	if errors.As(err, &ce) {
		code = ce.Code
	}
	data := map[string]any{"Server": server}
	switch {
	case errors.Is(err, client.ErrOffline):
		return failure(err, "cli.sync.offline", data, "the team server "+server+" cannot be reached")
	case errors.Is(err, client.ErrCertificate):
		return failure(err, "cli.sync.certificate", data, "the certificate of "+server+" is not trusted")
	case code == "bad_credentials":
		return failure(err, "cli.login.bad_credentials", data, "wrong e-mail address or password")
	case errors.Is(err, client.ErrRateLimited):
		return failure(err, "cli.login.rate_limited", data, "too many sign-in attempts; wait a while")
	case errors.Is(err, client.ErrUnauthorized):
		return failure(err, "cli.sync.unauthorized", data, "sign in again: pomi-cli login")
	}
	return failure(err, "cli.sync.failed", map[string]any{"Server": server, "Detail": oneLine(err.Error())},
		"talking to "+server+": "+err.Error())
}
