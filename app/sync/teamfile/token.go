package teamfile

import (
	"errors"
	"fmt"
	"os"

	"github.com/pomi-planner/pomi/app/sync/credstore"
)

// Where the token is kept: the values of Config.TokenStore.
const (
	// InKeyring: in the operating system's credential store, filed under
	// credstore.Service and an account naming the data folder and server.
	InKeyring = "keyring"
	// InFile: inside team.json, readable by the user alone.
	InFile = "file"
)

// EnvVar chooses where Save keeps the token: auto (the credential store
// when there is one, else team.json), keyring (the store or an error) or
// file (team.json alone, for tests and machines without a store).
const EnvVar = credstore.EnvVar

// errFileOnly is why a token in the store is not read when EnvVar says file.
var errFileOnly = errors.New(EnvVar + "=file keeps the credential store out of use")

// account names dir's entry for server in the credential store.
func account(dir, server string) string { return credstore.Account(dir, server) }

// keepToken puts cfg's token where EnvVar says and returns what team.json
// should hold, and why the store was passed over in auto mode.
func keepToken(dir string, cfg *Config) (kept *Config, storeErr, err error) {
	mode, err := credstore.ModeFrom(os.Getenv)
	if err != nil {
		return nil, nil, err
	}
	c := *cfg
	c.StoreErr = nil
	if mode != credstore.File {
		err := credstore.Set(account(dir, cfg.Server), cfg.Token)
		if err == nil {
			c.Token, c.TokenStore = "", InKeyring
			return &c, nil, nil
		}
		if mode == credstore.Keyring {
			return nil, nil, fmt.Errorf("keep the token: %w", err)
		}
		storeErr = err
	}
	c.TokenStore = InFile
	return &c, storeErr, nil
}

// loadToken fills cfg.Token from wherever team.json says it is, and moves
// a token still inside an old team.json to the credential store.
func loadToken(dir string, cfg *Config) {
	switch cfg.TokenStore {
	case InKeyring:
		mode, err := credstore.ModeFrom(os.Getenv)
		if err == nil && mode == credstore.File {
			err = errFileOnly
		}
		if err == nil {
			var token string
			if token, err = credstore.Get(account(dir, cfg.Server)); err == nil {
				cfg.Token = token
				return
			}
		}
		cfg.StoreErr = fmt.Errorf("read the token: %w", err)
	case "":
		cfg.TokenStore = InFile
		if mode, err := credstore.ModeFrom(os.Getenv); cfg.Token != "" && err == nil && mode != credstore.File {
			migrated := *cfg
			if Save(dir, &migrated) == nil { // else it stays where it is
				cfg.TokenStore = migrated.TokenStore
			}
		}
	}
}

// forgetStale deletes the entry of old in the store when team.json now
// says kept (nil: no team.json) and points elsewhere, so no usable token
// lingers there unseen.
func forgetStale(dir string, old, kept *Config) {
	if old == nil || old.TokenStore != InKeyring {
		return
	}
	if kept != nil && kept.TokenStore == InKeyring && account(dir, old.Server) == account(dir, kept.Server) {
		return
	}
	_ = credstore.Delete(account(dir, old.Server)) // best effort: the server revokes it anyway
}

// forgetToken deletes cfg's entry from the credential store. An entry
// team.json pointed at must go; any other is a leftover looked for only
// when the store may be used, and its errors do not matter.
func forgetToken(dir string, cfg *Config) error {
	mode, _ := credstore.ModeFrom(os.Getenv)
	if cfg.TokenStore != InKeyring && mode == credstore.File {
		return nil
	}
	err := credstore.Delete(account(dir, cfg.Server))
	if err == nil || errors.Is(err, credstore.ErrNotFound) || cfg.TokenStore != InKeyring {
		return nil
	}
	return fmt.Errorf("forget the token: %w", err)
}
