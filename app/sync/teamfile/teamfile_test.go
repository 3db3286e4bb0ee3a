package teamfile

import (
	"errors"
	"os"
	"runtime"
	"testing"
)

func TestSaveLoadRemove(t *testing.T) {
	t.Setenv(EnvVar, "file")
	dir := t.TempDir()
	if Exists(dir) {
		t.Fatal("exists before saving")
	}
	if _, err := Load(dir); !errors.Is(err, ErrNotSignedIn) {
		t.Fatalf("load without a file: %v", err)
	}
	want := &Config{Server: "https://pomi.example.se", Email: "anna@example.se", Advisor: "Anna Berg",
		Organisation: "Rådgivarna AB", Device: "laptop", DeviceID: 7, Token: "tok"}
	if err := Save(dir, want); err != nil {
		t.Fatal(err)
	}
	if want.TokenStore != InFile || want.StoreErr != nil {
		t.Errorf("saved to %q (%v), want the file", want.TokenStore, want.StoreErr)
	}
	got, err := Load(dir)
	if err != nil || *got != *want {
		t.Fatalf("load: %+v %v", got, err)
	}
	if fi, err := os.Stat(Path(dir)); err != nil || (runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600) {
		t.Fatalf("mode: %v %v", fi, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left %d files, want team.json alone", len(entries))
	}
	if err := Remove(dir); err != nil || Exists(dir) {
		t.Fatalf("remove: %v", err)
	}
	if err := Remove(dir); err != nil {
		t.Errorf("remove again: %v", err)
	}
}

func TestBadCAAndBrokenFile(t *testing.T) {
	if _, err := (&Config{Server: "https://x", CA: "nonsense"}).Client(); !errors.Is(err, ErrBadCA) {
		t.Errorf("bad CA: %v", err)
	}
	if _, err := (&Config{Server: "https://x"}).Client(); err != nil {
		t.Errorf("no CA: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(Path(dir), []byte("{"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil || errors.Is(err, ErrNotSignedIn) {
		t.Errorf("broken file: %v", err)
	}
	var we *WriteError
	if err := Save(dir+"/missing", &Config{}); !errors.As(err, &we) {
		t.Errorf("save into a missing folder: %v", err)
	}
}
