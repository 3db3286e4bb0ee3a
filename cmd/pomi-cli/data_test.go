package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/store"
)

func TestDataCommandsOnARealDatabase(t *testing.T) {
	dir := t.TempDir()
	dd := []string{"--data-dir", dir}
	runOK(t, append([]string{"demo"}, dd...)...)
	if out := string(runOK(t, append([]string{"demo"}, dd...)...)); strings.Count(out, "already there") != 3 {
		t.Errorf("loading the demo twice should add nothing:\n%s", out)
	}
	var list struct {
		Total     int `json:"total"`
		Companies []struct {
			ID   int64  `json:"id"`
			Name string `json:"name"`
		} `json:"companies"`
	}
	if err := json.Unmarshal(runOK(t, append([]string{"list", "--json", "--search", "pasta"}, dd...)...), &list); err != nil {
		t.Fatal(err)
	}
	if list.Total != 1 || !strings.HasPrefix(list.Companies[0].Name, "Möllevångens") {
		t.Fatalf("search pasta: %+v", list)
	}
	id := list.Companies[0].ID
	idArg := []string{"--company", itoa(id)}
	analysis := runOK(t, append(append([]string{"analyze", "--json", "--lang", "sv"}, idArg...), dd...)...)
	if !bytes.Contains(analysis, []byte(`"dimensions"`)) {
		t.Error("analyze --company gave no dimensions")
	}
	file := filepath.Join(dir, "export.json")
	runOK(t, append(append([]string{"export", "--out", file}, idArg...), dd...)...)
	err := run(append([]string{"import", file}, dd...), &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "--merge") {
		t.Errorf("importing a duplicate org.nr: %v, want advice on --merge/--as-new", err)
	}
	runOK(t, append([]string{"import", file, "--as-new"}, dd...)...)
	runOK(t, append([]string{"import", "--merge", file}, dd...)...)
	runOK(t, append(append([]string{"erase"}, idArg...), dd...)...)
	if err := run(append(append([]string{"show"}, idArg...), dd...), &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("show after erase: %v", err)
	}
	backup := strings.TrimSpace(string(runOK(t, append([]string{"backup"}, dd...)...)))
	runOK(t, append([]string{"restore", backup}, dd...)...)
	if out := string(runOK(t, append([]string{"check"}, dd...)...)); !strings.Contains(out, "found no problems") {
		t.Errorf("check: %q", out)
	}
	if err := run(append([]string{"show"}, dd...), &bytes.Buffer{}); !errors.Is(err, errUsage) {
		t.Errorf("show without --company: %v, want a usage error", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestRestorePutsABackupInPlaceOfADatabaseThatCannotBeOpened(t *testing.T) {
	dir := t.TempDir()
	dd := []string{"--data-dir", dir}
	runOK(t, append([]string{"demo"}, dd...)...)
	out := string(runOK(t, append([]string{"backup"}, dd...)...))
	backup := strings.TrimSpace(out[strings.LastIndex(out, " ")+1:])
	if err := os.WriteFile(filepath.Join(dir, store.DatabaseName), bytes.Repeat([]byte("not a database "), 500), 0o600); err != nil {
		t.Fatal(err)
	}
	_ = os.Remove(filepath.Join(dir, store.DatabaseName+"-wal"))
	var buf bytes.Buffer
	if err := run(append([]string{"list"}, dd...), &buf); err == nil {
		t.Fatal("a garbage database opened")
	}
	restored := string(runOK(t, append([]string{"restore", backup}, dd...)...))
	if !strings.Contains(restored, "damaged database is kept as") {
		t.Errorf("restore said %q", restored)
	}
	if list := string(runOK(t, append([]string{"list"}, dd...)...)); !strings.Contains(list, "Möllevångens") {
		t.Errorf("after restoring: %s", list)
	}
}

// erase --everywhere says it removed the company from the backups too, and
// no backup file holds its name afterwards (issue 12, finding 3); the plain
// erase says the backups still hold it.
func TestEraseEverywhereLeavesTheCompanyInNoBackup(t *testing.T) {
	dir := t.TempDir()
	dd := []string{"--data-dir", dir}
	runOK(t, append([]string{"demo"}, dd...)...)
	runOK(t, append([]string{"backup"}, dd...)...)
	kept := string(runOK(t, append([]string{"erase", "--company", "1"}, dd...)...))
	if !strings.Contains(kept, "until newer backups replace them") || !strings.Contains(kept, "--everywhere") {
		t.Errorf("plain erase says %q", kept)
	}
	gone := string(runOK(t, append([]string{"erase", "--company", "2", "--everywhere"}, dd...)...))
	if !strings.Contains(gone, "from the backups in") || !strings.Contains(gone, "backups held it and were rewritten") {
		t.Errorf("erase --everywhere says %q", gone)
	}
	name := strings.TrimSpace(gone[:strings.Index(gone, " is erased")])
	backups, _ := filepath.Glob(filepath.Join(dir, "backups", "*.db"))
	if len(backups) < 2 {
		t.Fatalf("backups: %v", backups)
	}
	for _, b := range backups {
		if raw, _ := os.ReadFile(b); bytes.Contains(raw, []byte(name)) {
			t.Errorf("%s still holds %s", b, name)
		}
	}
}
