package main

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/store/datadir"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/locales"
)

// teamFile holds the sign-in to pomi-server in the data folder. It is
// readable by the user alone; the OS credential store comes later.
const teamFile = "team.json"

// stdin is where login reads the password; tests replace it.
var stdin io.Reader = os.Stdin

// teamConfig is what team.json holds.
type teamConfig struct {
	Server       string `json:"server"`
	Email        string `json:"email"`
	Advisor      string `json:"advisor"`
	Organisation string `json:"organisation"`
	Device       string `json:"device"`
	DeviceID     int64  `json:"device_id"`
	Token        string `json:"token"`
	// CA is the PEM of the certificate authority to trust besides the
	// system's (--ca at login), for a server with its own certificate.
	CA string `json:"ca,omitempty"`
}

// errNoServer is returned by loadTeam when no server is configured.
var errNoServer = errors.New("no server configured")

func loadTeam(dir string) (*teamConfig, error) {
	raw, err := os.ReadFile(filepath.Join(dir, teamFile))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, failure(errNoServer, "cli.sync.no_server", nil,
			"no team server is configured; sign in with pomi-cli login --server URL --email E")
	} else if err != nil {
		return nil, fmt.Errorf("read %s: %w", teamFile, err)
	}
	var cfg teamConfig
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("read %s: %w", teamFile, err)
	}
	return &cfg, nil
}

// saveTeam writes team.json atomically, readable by the user alone.
func saveTeam(dir string, cfg *teamConfig) error {
	path := filepath.Join(dir, teamFile)
	return writeFileAtomic(path, func(w io.Writer) error {
		if f, ok := w.(*os.File); ok {
			if err := datadir.MakePrivate(f.Name(), 0o600); err != nil {
				return err
			}
		}
		return writeJSON(w, cfg)
	})
}

// httpClient trusts the system's authorities and the configured one.
func (cfg *teamConfig) httpClient() (*http.Client, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.CA != "" {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM([]byte(cfg.CA)) {
			return nil, failure(nil, "cli.login.bad_ca", nil, "the --ca file holds no PEM certificate")
		}
		tc.RootCAs = pool
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: tc, Proxy: http.ProxyFromEnvironment}}, nil
}

func (cfg *teamConfig) client() (*client.Client, error) {
	hc, err := cfg.httpClient()
	if err != nil {
		return nil, err
	}
	c := client.New(cfg.Server, hc, cfg.Token)
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
	if _, err := fs.parseLocalized(args); err != nil {
		return err
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
	c, err := cfg.client()
	if err != nil {
		return err
	}
	resp, err := c.Login(context.Background(), cfg.Email, password, cfg.Device)
	if err != nil {
		return serverFailure(err, cfg.Server)
	}
	cfg.Token, cfg.DeviceID, cfg.Advisor, cfg.Organisation = resp.Token, resp.DeviceID, resp.AdvisorName, resp.Organisation
	if err := datadir.EnsureDir(dir); err != nil {
		return err
	}
	if err := saveTeam(dir, cfg); err != nil {
		return err
	}
	fmt.Fprintln(out, fs.loc().Tf("cli.login.done", map[string]any{"Server": cfg.Server, "Advisor": cfg.Advisor, "Organisation": cfg.Organisation}))
	return nil
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
	if c, err := cfg.client(); err == nil {
		c.Attempts = 1
		if err := c.Logout(context.Background()); err != nil {
			warn(fs.loc(), "cli.logout.server_not_told", map[string]any{"Server": cfg.Server})
		}
	}
	if err := os.Remove(filepath.Join(dir, teamFile)); err != nil {
		return fmt.Errorf("remove %s: %w", teamFile, err)
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
