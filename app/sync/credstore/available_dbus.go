//go:build !windows && !darwin

package credstore

import (
	"os"
	"path/filepath"
)

// available says whether there is a session bus to find the Secret Service
// on. Without one godbus would run dbus-launch to start a bus of its own,
// which outlives the process and never has a keyring on it: a headless
// machine keeps the token in the file instead.
func available() error {
	if a := os.Getenv("DBUS_SESSION_BUS_ADDRESS"); a != "" && a != "autolaunch:" {
		return nil
	}
	if rt := os.Getenv("XDG_RUNTIME_DIR"); rt != "" {
		if _, err := os.Stat(filepath.Join(rt, "bus")); err == nil {
			return nil
		}
	}
	return ErrUnavailable
}
