package datadir

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestResolveDirPrefersFlagThenEnvThenDefault(t *testing.T) {
	flagDir, envDir := t.TempDir(), t.TempDir()
	env := func(v string) func(string) string {
		return func(key string) string {
			if key == DataDirEnv {
				return v
			}
			return ""
		}
	}
	def, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, flag, env, want string
	}{
		{"flag wins", flagDir, envDir, flagDir},
		{"env without flag", "", envDir, envDir},
		{"default without either", "", "", def},
	}
	for _, c := range cases {
		got, err := ResolveDir(c.flag, env(c.env))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestResolveDirMakesRelativePathsAbsolute(t *testing.T) {
	got, err := ResolveDir(filepath.Join("some", "data"), func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	want, _ := filepath.Abs(filepath.Join("some", "data"))
	if !filepath.IsAbs(got) || got != want {
		t.Errorf("got %q, want absolute %q", got, want)
	}
}

func TestLocationDefaultDirIsAppFolderInUserConfig(t *testing.T) {
	base, err := os.UserConfigDir()
	if err != nil {
		t.Skip("no user config folder here:", err)
	}
	got, err := DefaultDir()
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(base, "POMI Planner"); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestLocationEnsureDirCreatesAndTightensTo0700(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions on Windows")
	}
	fresh := filepath.Join(t.TempDir(), "a", "POMI Planner")
	loose := t.TempDir()
	if err := os.Chmod(loose, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{fresh, loose} {
		if err := EnsureDir(dir); err != nil {
			t.Fatal(err)
		}
		st, err := os.Stat(dir)
		if err != nil {
			t.Fatal(err)
		}
		if !st.IsDir() || st.Mode().Perm() != 0o700 {
			t.Errorf("%s: mode %v, want drwx------", dir, st.Mode())
		}
	}
}

func TestLocationEnsureDirReportsAFileInTheWay(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := EnsureDir(filepath.Join(file, "sub")); err == nil {
		t.Error("want an error for a folder below a file")
	}
}

func TestLocationCloudFolderNames(t *testing.T) {
	cases := map[string]bool{
		`C:\Users\anna\OneDrive\Documents\POMI`:                         true,
		`C:\Users\anna\OneDrive - Contoso AB\POMI Planner`:              true,
		`/home/anna/Dropbox/pomi`:                                       true,
		`/home/anna/Dropbox (Personal)/pomi`:                            true,
		`G:\My Drive\pomi`:                                              true,
		`/Users/anna/Google Drive/pomi`:                                 true,
		`/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/POMI`: true,
		`/Users/anna/Library/CloudStorage/OneDrive-Contoso/POMI`:        true,
		`/Users/anna/Library/CloudStorage/GoogleDrive-anna@example.com`: true,
		`C:\Users\anna\iCloudDrive\POMI`:                                true,
		`/home/anna/pCloudDrive/POMI`:                                   true,
		`C:\Users\anna\Box\POMI`:                                        true,
		`/home/anna/.config/POMI Planner`:                               false,
		`C:\Users\anna\AppData\Roaming\POMI Planner`:                    false,
		`/home/anna/Dropboxes/x`:                                        false,
		`/home/anna/Library/CloudStorageX/x`:                            false,
		`/srv/cloudstorage/x`:                                           false,
	}
	for path, want := range cases {
		if got := inCloudFolder(path); got != want {
			t.Errorf("inCloudFolder(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestLocationUNCPaths(t *testing.T) {
	cases := map[string]bool{
		`\\nas\share\POMI`:       true,
		`//nas/share/POMI`:       true,
		`\\?\UNC\nas\share\POMI`: true,
		`\\?\C:\Users\anna\POMI`: false,
		`\\.\PhysicalDrive0`:     false,
		`C:\Users\anna\POMI`:     false,
		`/home/anna/POMI`:        false,
		`\\`:                     false,
	}
	for path, want := range cases {
		if got := isUNCPath(path); got != want {
			t.Errorf("isUNCPath(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestRiskyLocation(t *testing.T) {
	tmp := t.TempDir()
	cases := []struct {
		dir, reason string
	}{
		{filepath.Join(tmp, "OneDrive - Contoso", "POMI Planner"), ReasonCloudSync},
		{filepath.Join(tmp, "Dropbox", "POMI Planner"), ReasonCloudSync},
		{filepath.Join(tmp, "Library", "Mobile Documents", "com~apple~CloudDocs", "POMI"), ReasonCloudSync},
		{tmp, ""},
		{filepath.Join(tmp, "not", "created", "yet"), ""},
	}
	for _, c := range cases {
		reason, risky := RiskyLocation(c.dir)
		if reason != c.reason || risky != (c.reason != "") {
			t.Errorf("RiskyLocation(%q) = %q, %v; want %q", c.dir, reason, risky, c.reason)
		}
	}
}

func TestRiskyLocationFollowsSymlinks(t *testing.T) {
	tmp := t.TempDir()
	synced := filepath.Join(tmp, "Dropbox")
	if err := os.Mkdir(synced, 0o700); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(tmp, "data")
	if err := os.Symlink(synced, link); err != nil {
		t.Skip("symlinks not available:", err)
	}
	if reason, risky := RiskyLocation(filepath.Join(link, "POMI Planner")); !risky || reason != ReasonCloudSync {
		t.Errorf("a link into Dropbox: got %q, %v", reason, risky)
	}
}

func TestRiskyLocationOfUNCPathOnWindows(t *testing.T) {
	if runtime.GOOS != "windows" {
		t.Skip("UNC paths are network shares only on Windows; isUNCPath is tested everywhere")
	}
	if reason, risky := RiskyLocation(`\\nas\share\POMI`); !risky || reason != ReasonNetworkShare {
		t.Errorf(`\\nas\share\POMI: got %q, %v`, reason, risky)
	}
}
