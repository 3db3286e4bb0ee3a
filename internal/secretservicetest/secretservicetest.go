// Package secretservicetest runs a real Secret Service for tests: a
// private D-Bus session bus and gnome-keyring-daemon with an unlocked
// login keyring in a temporary home, so the credential store is tested
// against the daemon Linux desktops use rather than a mock. Tests skip
// where the two programs are missing; CI installs them
// (.ci/install-deps.sh test: dbus, gnome-keyring).
package secretservicetest

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/sync/credstore"
)

// busConfig is a session bus of the test's own that starts no services
// on demand: the keyring is the daemon the test runs, or none at all.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=%DIR%</listen>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// Start runs dbus-daemon and gnome-keyring-daemon (its login
// keyring unlocked with a password on standard input, in a home of the
// test's own) and points this process's session bus at them. stop ends
// the keyring daemon early.
func Start(t testing.TB) (stop func()) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("the Secret Service is Linux's credential store")
	}
	for _, bin := range []string{"dbus-daemon", "gnome-keyring-daemon"} {
		if _, err := exec.LookPath(bin); err != nil {
			t.Skipf("%s is not installed (apt-get install dbus gnome-keyring; .ci/install-deps.sh test does): %v", bin, err)
		}
	}
	home := t.TempDir()
	run := filepath.Join(home, "run")
	if err := os.Mkdir(run, 0o700); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(home, "bus.conf")
	if err := os.WriteFile(conf, []byte(strings.ReplaceAll(busConfig, "%DIR%", run)), 0o600); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "data"),
		"XDG_CONFIG_HOME="+filepath.Join(home, "config"), "XDG_RUNTIME_DIR="+run)
	bus := exec.Command("dbus-daemon", "--config-file="+conf, "--nofork", "--print-address=1")
	bus.Env = env
	out, err := bus.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := bus.Start(); err != nil {
		t.Fatalf("dbus-daemon: %v", err)
	}
	t.Cleanup(func() { _ = bus.Process.Kill(); _ = bus.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("dbus-daemon's address: %v", err)
	}
	addr = strings.TrimSpace(addr)
	keys := exec.Command("gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets")
	keys.Env = append(env, "DBUS_SESSION_BUS_ADDRESS="+addr)
	keys.Stdin = strings.NewReader("pass")
	if err := keys.Start(); err != nil {
		t.Fatalf("gnome-keyring-daemon: %v", err)
	}
	stopped := false
	stop = func() {
		if !stopped {
			stopped = true
			_ = keys.Process.Kill()
			_ = keys.Wait()
		}
	}
	t.Cleanup(stop)
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", addr)
	t.Setenv("XDG_RUNTIME_DIR", run)
	waitForKeyring(t)
	return stop
}

// waitForKeyring waits until the daemon answers on the bus.
func waitForKeyring(t testing.TB) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for {
		_, err := credstore.Get("probe")
		if errors.Is(err, credstore.ErrNotFound) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("gnome-keyring-daemon does not answer: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
