// Package teamfile reads and writes team.json, the sign-in to pomi-server
// kept in the data folder. pomi-cli and the window share it, so a sign-in
// made in one is used by the other.
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
// alone; the OS credential store comes later.
const Name = "team.json"

// Config is what team.json holds.
type Config struct {
	Server       string `json:"server"`
	Email        string `json:"email"`
	Advisor      string `json:"advisor"`
	Organisation string `json:"organisation"`
	Device       string `json:"device"`
	DeviceID     int64  `json:"device_id"`
	Token        string `json:"token"`
	// CA is the PEM of the certificate authority to trust besides the
	// system's, for a server with its own certificate.
	CA string `json:"ca,omitempty"`
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

// Load reads dir's team.json; ErrNotSignedIn when there is none.
func Load(dir string) (*Config, error) {
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

// Save writes cfg to dir's team.json through a temp file and a rename, so
// there is never half a file, readable by the user alone.
func Save(dir string, cfg *Config) error {
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

// Remove deletes dir's team.json: this computer is signed out. A file
// already gone is no error.
func Remove(dir string) error {
	if err := os.Remove(Path(dir)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove %s: %w", Name, err)
	}
	return nil
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
