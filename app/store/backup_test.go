package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/store/datadir"

	_ "modernc.org/sqlite"
)

// backupTestTime is a fixed local time, so names are predictable.
var backupTestTime = time.Date(2026, 11, 28, 15, 30, 12, 0, time.Local)

// newBackupTestDB creates a WAL database with rows rows in a fresh folder.
func newBackupTestDB(t *testing.T, rows int) (*sql.DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), datadir.DatabaseName)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=journal_mode(WAL)&_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	ctx := context.Background()
	if _, err := db.ExecContext(ctx, "CREATE TABLE client (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"); err != nil {
		t.Fatal(err)
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		if _, err := tx.ExecContext(ctx, "INSERT INTO client (name) VALUES (?)", fmt.Sprintf("Kund %d åäö", i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return db, path
}

func clientNames(t *testing.T, uri string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", uri)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query("SELECT name FROM client ORDER BY id")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		names = append(names, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return names
}

func mustBackup(t *testing.T, db *sql.DB, dbPath, reason string, now time.Time) string {
	t.Helper()
	path, err := backups.Backup(context.Background(), db, dbPath, reason, now)
	if err != nil {
		t.Fatal(err)
	}
	return path
}

// touchBackup creates an empty file with a backup's name; listing and
// pruning go by name only.
func touchBackup(t *testing.T, dir, name string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func backupNames(t *testing.T, dir string) []string {
	t.Helper()
	list, err := backups.List(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, b := range list {
		names = append(names, filepath.Base(b.Path))
	}
	return names
}

func TestBackupIsACompleteReadOnlyCopy(t *testing.T) {
	db, dbPath := newBackupTestDB(t, 25)
	path := mustBackup(t, db, dbPath, "manual", backupTestTime)

	want := filepath.Join(filepath.Dir(dbPath), "backups", "pomi-20261128-153012-manual.db")
	if path != want {
		t.Errorf("path %q, want %q", path, want)
	}
	if got, orig := clientNames(t, backups.ReadOnlyURI(path)), clientNames(t, "file:"+dbPath); !slices.Equal(got, orig) || len(got) != 25 {
		t.Errorf("backup has %d rows, database %d", len(got), len(orig))
	}
	if err := backups.QuickCheckBackup(context.Background(), path); err != nil {
		t.Error(err)
	}
	entries, _ := os.ReadDir(backups.Dir(dbPath))
	if len(entries) != 1 {
		t.Errorf("backup folder holds %v, want just the backup (no temp, -wal or -shm files)", entries)
	}
}

func TestBackupFilesArePrivate(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions on Windows")
	}
	db, dbPath := newBackupTestDB(t, 1)
	path := mustBackup(t, db, dbPath, "daily", backupTestTime)
	for p, want := range map[string]os.FileMode{path: 0o600, backups.Dir(dbPath): 0o700} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != want {
			t.Errorf("%s: %v %v, want %v", p, st.Mode().Perm(), err, want)
		}
	}
}

func TestBackupSameSecondGetsNumbers(t *testing.T) {
	db, dbPath := newBackupTestDB(t, 1)
	for range 3 {
		mustBackup(t, db, dbPath, "pre-migration-3", backupTestTime)
	}
	got := backupNames(t, backups.Dir(dbPath))
	want := []string{
		"pomi-20261128-153012-3-pre-migration-3.db",
		"pomi-20261128-153012-2-pre-migration-3.db",
		"pomi-20261128-153012-pre-migration-3.db",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	list, _ := backups.List(backups.Dir(dbPath))
	for _, b := range list {
		if b.Reason != "pre-migration-3" || !b.Time.Equal(backupTestTime) || b.Size == 0 {
			t.Errorf("parsed %+v", b)
		}
	}
}

func TestBackupReasonSanitized(t *testing.T) {
	cases := map[string]string{
		"pre-import":            "pre-import",
		"Pre Migration 3!":      "pre-migration-3",
		"  --Manual__copy ":     "manual-copy",
		"../../etc/passwd":      "etc-passwd",
		"":                      "backup",
		"åäö":                   "backup",
		"2fa":                   "backup-2fa",
		strings.Repeat("a", 60): strings.Repeat("a", 40),
	}
	for in, want := range cases {
		if got := backups.SanitizeReason(in); got != want {
			t.Errorf("sanitizeReason(%q) = %q, want %q", in, got, want)
		}
		name := backups.FileName("20261128-153012", 2, backups.SanitizeReason(in))
		if m := backups.NameRE.FindStringSubmatch(name); m == nil || m[3] != want {
			t.Errorf("%q does not parse back to %q: %v", name, want, m)
		}
	}
}

func TestBackupPrunesToKeepBackups(t *testing.T) {
	db, dbPath := newBackupTestDB(t, 1)
	var made []string
	for i := range backups.KeepBackups + 3 {
		made = append(made, mustBackup(t, db, dbPath, "daily", backupTestTime.Add(time.Duration(i)*time.Hour)))
	}
	got := backupNames(t, backups.Dir(dbPath))
	if len(got) != backups.KeepBackups {
		t.Fatalf("%d backups left, want %d", len(got), backups.KeepBackups)
	}
	if got[0] != filepath.Base(made[len(made)-1]) || got[backups.KeepBackups-1] != filepath.Base(made[3]) {
		t.Errorf("kept %v", got)
	}
}

func TestBackupKeepsTheNewFileWhenTheClockWentBack(t *testing.T) {
	db, dbPath := newBackupTestDB(t, 1)
	dir := backups.Dir(dbPath)
	for i := range backups.KeepBackups {
		touchBackup(t, dir, fmt.Sprintf("pomi-20261201-0000%02d-daily.db", i))
	}
	path := mustBackup(t, db, dbPath, "manual", backupTestTime) // older than all
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the new backup was pruned: %v", err)
	}
	if n := len(backupNames(t, dir)); n != backups.KeepBackups {
		t.Errorf("%d backups, want %d", n, backups.KeepBackups)
	}
}

func TestPruneKeepsNewestAndIgnoresOtherFiles(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "backups")
	var names []string
	for i := range 13 {
		names = append(names, filepath.Base(touchBackup(t, dir, fmt.Sprintf("pomi-202611%02d-120000-daily.db", i+1))))
	}
	others := []string{"notes.txt", "pomi-bad.db", "pomi-20261101-120000-daily.db.tmp", ".pomi-20261130-120000-daily.db.tmp"}
	if runtime.GOOS == "linux" {
		// Elsewhere file names ignore case: this is the daily backup itself.
		others = append(others, "pomi-20261101-120000-Daily.db")
	}
	for _, o := range others {
		touchBackup(t, dir, o)
	}
	if err := backups.Prune(dir, 10); err != nil {
		t.Fatal(err)
	}
	got := backupNames(t, dir)
	slices.Reverse(names)
	if !slices.Equal(got, names[:10]) {
		t.Errorf("kept %v, want %v", got, names[:10])
	}
	for _, o := range others {
		if _, err := os.Stat(filepath.Join(dir, o)); err != nil {
			t.Errorf("%s was touched: %v", o, err)
		}
	}
	if err := backups.Prune(filepath.Join(dir, "missing"), 10); err != nil {
		t.Errorf("missing folder: %v", err)
	}
}

func TestListBackupsNewestFirst(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{
		"pomi-20261128-153012-manual.db",
		"pomi-20261201-080000-daily.db",
		"pomi-20261128-153012-2-pre-import.db",
		"pomi-20251231-235959-daily.db",
		"pomi-20261128-153013-pre-erase.db",
	} {
		touchBackup(t, dir, n)
	}
	if err := os.Mkdir(filepath.Join(dir, "pomi-20270101-000000-daily.db"), 0o700); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"pomi-20261201-080000-daily.db",
		"pomi-20261128-153013-pre-erase.db",
		"pomi-20261128-153012-2-pre-import.db",
		"pomi-20261128-153012-manual.db",
		"pomi-20251231-235959-daily.db",
	}
	if got := backupNames(t, dir); !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	list, _ := backups.List(dir)
	if b := list[2]; b.Reason != "pre-import" || !b.Time.Equal(backupTestTime) || b.Size != 1 || b.Path != filepath.Join(dir, want[2]) {
		t.Errorf("parsed %+v", b)
	}
}

func TestListBackupsOfMissingFolderIsEmpty(t *testing.T) {
	list, err := backups.List(filepath.Join(t.TempDir(), "backups"))
	if err != nil || len(list) != 0 {
		t.Errorf("got %v, %v", list, err)
	}
}

func TestNewestGoodBackupSkipsDamagedOnes(t *testing.T) {
	ctx := context.Background()
	db, dbPath := newBackupTestDB(t, 2000) // several pages, so half is a real truncation
	dir := backups.Dir(dbPath)
	good := mustBackup(t, db, dbPath, "daily", backupTestTime)

	garbage := filepath.Join(dir, "pomi-20261128-160000-manual.db")
	if err := os.WriteFile(garbage, []byte("this is not an SQLite database at all, just garbage bytes"), 0o600); err != nil {
		t.Fatal(err)
	}
	whole, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "pomi-20261128-170000-manual.db")
	if err := os.WriteFile(truncated, whole[:len(whole)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	tiny := touchBackup(t, dir, "pomi-20261128-180000-tiny.db") // SQLite would call it empty
	for _, bad := range []string{garbage, truncated, tiny} {
		if err := backups.QuickCheckBackup(ctx, bad); err == nil {
			t.Errorf("%s passed the check", filepath.Base(bad))
		}
	}

	got, err := backups.NewestGood(ctx, dir)
	if err != nil || got != good {
		t.Errorf("got %q, %v; want %q", got, err, good)
	}
	after, _ := os.ReadFile(good)
	if !slices.Equal(after, whole) {
		t.Error("checking changed the backup")
	}
}

func TestNewestGoodBackupWhenNone(t *testing.T) {
	dir := t.TempDir()
	for _, d := range []string{dir, filepath.Join(dir, "missing")} {
		if got, err := backups.NewestGood(context.Background(), d); got != "" || err != nil {
			t.Errorf("%s: got %q, %v", d, got, err)
		}
	}
	touchBackup(t, dir, "pomi-20261128-180000-daily.db")
	if got, err := backups.NewestGood(context.Background(), dir); got != "" || err != nil {
		t.Errorf("only a damaged backup: got %q, %v", got, err)
	}
}

func TestNewestGoodBackupStopsWhenCancelled(t *testing.T) {
	db, dbPath := newBackupTestDB(t, 1)
	mustBackup(t, db, dbPath, "daily", backupTestTime)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got, err := backups.NewestGood(ctx, backups.Dir(dbPath)); err == nil || got != "" {
		t.Errorf("got %q, %v", got, err)
	}
}

func TestBackupInAFolderWithURICharacters(t *testing.T) {
	name := "Kund #1 100% klar"
	if runtime.GOOS != "windows" {
		name += "?"
	}
	dir := filepath.Join(t.TempDir(), name)
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	_, src := newBackupTestDB(t, 3)
	db, err := sql.Open("sqlite", src) // plain path: no URI parsing
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	dbPath := filepath.Join(dir, datadir.DatabaseName)
	path := mustBackup(t, db, dbPath, "manual", backupTestTime)
	if got, err := backups.NewestGood(context.Background(), backups.Dir(dbPath)); err != nil || got != path {
		t.Errorf("got %q, %v; want %q", got, err, path)
	}
	if n := len(clientNames(t, backups.ReadOnlyURI(path))); n != 3 {
		t.Errorf("%d rows", n)
	}
}

func TestBackupReadOnlyURI(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Unix paths")
	}
	if got, want := backups.ReadOnlyURI("/a b/x#1?%.db"), "file:///a b/x%231%3f%25.db?mode=ro"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestDailyBackupDue(t *testing.T) {
	dir := t.TempDir()
	morning := time.Date(2026, 11, 28, 0, 0, 1, 0, time.Local)
	if !backups.DailyDue(dir, morning) {
		t.Error("no backups: want due")
	}
	touchBackup(t, dir, "pomi-20261127-235959-daily.db")
	if !backups.DailyDue(dir, morning) {
		t.Error("only yesterday's backup: want due")
	}
	touchBackup(t, dir, "pomi-20261128-000001-pre-import.db")
	for _, now := range []time.Time{morning, time.Date(2026, 11, 28, 23, 59, 59, 0, time.Local)} {
		if backups.DailyDue(dir, now) {
			t.Errorf("%v: backup made today, want not due", now)
		}
	}
	if !backups.DailyDue(dir, time.Date(2026, 11, 29, 0, 0, 0, 0, time.Local)) {
		t.Error("next day: want due")
	}
}
