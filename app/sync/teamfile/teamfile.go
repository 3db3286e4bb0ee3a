// Package teamfile reads and writes team.json, the sign-in to pomi-server
// kept in the data folder, and the device's token beside it: in the
// operating system's credential store where there is one (package
// credstore), else inside team.json. pomi-cli and the window share both,
// so a sign-in made in one is used by the other.
package teamfile

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/pomi-planner/pomi/app/store/datadir"
	"github.com/pomi-planner/pomi/app/sync/client"
)

// Name is the file's name in the data folder. It is readable by the user
// alone, since it holds the token when the credential store cannot.
const Name = "team.json"

// Config is what team.json holds.
type Config struct {
	Server       string `json:"server"`
	Email        string `json:"email"`
	Advisor      string `json:"advisor"`
	Organisation string `json:"organisation"`
	Device       string `json:"device"`
	DeviceID     int64  `json:"device_id"`
	// Token is the device's secret. Load fills it from wherever it is
	// kept; it is written to team.json only when TokenStore is InFile.
	Token string `json:"token,omitempty"`
	// CA is the PEM of the certificate authority to trust besides the
	// system's, for a server with its own certificate.
	CA string `json:"ca,omitempty"`
	// TokenStore is where the token is kept, InKeyring or InFile; Save
	// sets it. A team.json from before the credential store has none and
	// its token inside, which reads as InFile.
	TokenStore string `json:"token_store,omitempty"`
	// StoreErr is why the token is not in the credential store although
	// it could have been (Save fell back to the file), or why it could
	// not be read from there (Load left Token empty). Never written.
	StoreErr error `json:"-"`
}

// Errors of Load and HTTPClient, for errors.Is.
var (
	// ErrNotSignedIn: there is no team.json, so no server is configured.
	ErrNotSignedIn = errors.New("no server configured")
	// ErrBadCA: the configured certificate authority holds no PEM certificate.
	ErrBadCA = errors.New("the certificate authority holds no PEM certificate")
)

// Path is team.json's path in the data folder dir.
func Path(dir string) string { return filepath.Join(dir, Name) }

// Exists reports whether dir has a team.json: whether team mode is on.
func Exists(dir string) bool {
	_, err := os.Stat(Path(dir))
	return err == nil
}

// Load reads dir's team.json and the token; ErrNotSignedIn when there is
// none. A token the credential store cannot give leaves Token empty and
// says why in StoreErr: the server then asks to sign in again. A token
// still inside an old team.json moves to the credential store.
func Load(dir string) (*Config, error) {
	cfg, err := readFile(dir)
	if err != nil {
		return nil, err
	}
	loadToken(dir, cfg)
	return cfg, nil
}

// ReadSettings reads dir's team.json without asking the credential store
// for the token, which may wait for an unlock prompt: quick enough for the
// UI thread. Token is set only when team.json itself holds it; WithToken
// adds it where it is kept elsewhere.
func ReadSettings(dir string) (*Config, error) { return readFile(dir) }

// WithToken returns cfg, from ReadSettings, with its token as Load reads
// it (a copy; cfg stays as it is). A cfg that has its token already is
// returned as a copy without asking the store again.
func WithToken(dir string, cfg *Config) *Config {
	full := *cfg
	if full.Token == "" || full.TokenStore == "" {
		loadToken(dir, &full)
	}
	return &full
}

// readFile reads team.json alone.
func readFile(dir string) (*Config, error) {
	raw, err := os.ReadFile(Path(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNotSignedIn
	} else if err != nil {
		return nil, fmt.Errorf("read %s: %w", Name, err)
	}
	var cfg Config
	if err := json.Unmarshal(raw, &cfg); err != nil {
		return nil, fmt.Errorf("read %s: %w", Name, err)
	}
	return &cfg, nil
}

// Save keeps cfg's token in the credential store, or where that cannot be
// done in team.json (see EnvVar), and writes the rest to team.json. It
// sets cfg.TokenStore to where the token went, and cfg.StoreErr to why
// the store was passed over.
func Save(dir string, cfg *Config) error {
	old, _ := readFile(dir)
	kept, storeErr, err := keepToken(dir, cfg)
	if err != nil {
		return err
	}
	if err := writeFile(dir, kept); err != nil {
		forgetStale(dir, kept, old) // nothing points at the entry just made
		return err
	}
	cfg.TokenStore, cfg.StoreErr = kept.TokenStore, storeErr
	forgetStale(dir, old, kept)
	return nil
}

// writeFile writes cfg to dir's team.json through a temp file and a
// rename, so there is never half a file, readable by the user alone.
func writeFile(dir string, cfg *Config) error {
	path := Path(dir)
	tmp, err := os.CreateTemp(dir, ".pomi-*")
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	defer os.Remove(tmp.Name())
	err = datadir.MakePrivate(tmp.Name(), 0o600)
	if err == nil {
		enc := json.NewEncoder(tmp)
		enc.SetIndent("", "  ")
		err = enc.Encode(cfg)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	return nil
}

// WriteError is a team.json that could not be written.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("write %s: %v", e.Path, e.Err) }

// Unwrap returns why.
func (e *WriteError) Unwrap() error { return e.Err }

// Remove deletes dir's team.json and the token in the credential store:
// this computer is signed out. A file or entry already gone is no error;
// an entry the store would not delete is, after team.json is gone.
func Remove(dir string) error {
	cfg, _ := readFile(dir)
	if err := os.Remove(Path(dir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", Name, err)
	}
	if cfg == nil {
		return nil
	}
	return forgetToken(dir, cfg)
}

// HTTPClient trusts the system's authorities and the configured one.
func (cfg *Config) HTTPClient() (*http.Client, error) {
	tc := &tls.Config{MinVersion: tls.VersionTLS12}
	if cfg.CA != "" {
		pool, err := x509.SystemCertPool()
		if err != nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM([]byte(cfg.CA)) {
			return nil, ErrBadCA
		}
		tc.RootCAs = pool
	}
	return &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{TLSClientConfig: tc, Proxy: http.ProxyFromEnvironment}}, nil
}

// Client returns a client of cfg's server with cfg's token.
func (cfg *Config) Client() (*client.Client, error) {
	hc, err := cfg.HTTPClient()
	if err != nil {
		return nil, err
	}
	return client.New(cfg.Server, hc, cfg.Token), nil
}
