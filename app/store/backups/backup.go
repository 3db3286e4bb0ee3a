package backups

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pomi-planner/pomi/app/store/datadir"

	_ "modernc.org/sqlite" // the "sqlite" database/sql driver, to check backups

	"github.com/pomi-planner/pomi/app"
)

// KeepBackups is how many backups Backup leaves: enough to go back about two
// weeks of daily use, few enough that copies of client data do not pile up.
const KeepBackups = 10

const (
	DirName    = "backups"
	TimeLayout = "20060102-150405"
	// maxReasonLen keeps file names short enough for Windows' path limit.
	maxReasonLen = 40
	// MaxSameSecond bounds the search for a free name within one second.
	MaxSameSecond = 1000
)

// NameRE matches pomi-<date>-<time>[-<n>]-<reason>.db. The reason
// starts with a letter, so a same-second number cannot be mistaken for part
// of a reason like "pre-migration-3".
var NameRE = regexp.MustCompile(`^pomi-(\d{8}-\d{6})(?:-(\d+))?-([a-z][a-z0-9-]*)\.db$`)

// mu serializes Backup within the process, so two backups in the same
// second pick different names; other processes are kept out by the data
// folder's lock.
var mu sync.Mutex

// Info is app.BackupInfo: one backup file.
type Info = app.BackupInfo

// entry adds the same-second number that orders backups of one second.
type entry struct {
	Info
	seq int
	// written breaks ties between backups of the same second with different reasons.
	written time.Time
}

// Dir is the folder of dbPath's backups: beside the database, so a
// copied data folder takes its history along.
func Dir(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), DirName)
}

// Backup writes a consistent copy of db with VACUUM INTO (a file copy of a
// live WAL database can be torn) to BackupDir(dbPath), named after now's
// local time and the reason (reduced to a-z, 0-9 and "-"), and prunes to
// KeepBackups. On a disk too full for it the oldest automatic backups give
// way first (makeRoom); a *NoSpaceError says how much more space it needs. The copy is written under a temporary name and renamed, so a
// file with a backup's name is always complete. When only pruning fails, the
// backup's path is returned together with the error.
func Backup(ctx context.Context, db *sql.DB, dbPath, reason string, now time.Time) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	dir := Dir(dbPath)
	if err := datadir.EnsureDir(dir); err != nil {
		return "", fmt.Errorf("back up %s: %w", dbPath, err)
	}
	path, err := freeBackupName(dir, now, SanitizeReason(reason))
	if err != nil {
		return "", err
	}
	size, err := Size(ctx, db)
	if err != nil {
		return "", fmt.Errorf("back up %s: %w", dbPath, err)
	}
	if err := makeRoom(dir, size); err != nil {
		return "", fmt.Errorf("back up %s: %w", dbPath, err)
	}
	if err := writeBackup(ctx, db, path); err != nil {
		if IsDiskFull(err) {
			err = &NoSpaceError{Dir: dir, Need: shortBy(dir, size), Err: err}
		}
		return "", fmt.Errorf("back up %s: %w", dbPath, err)
	}
	if err := prune(dir, KeepBackups, path); err != nil {
		return path, err
	}
	return path, nil
}

// writeBackup fills a temporary file and renames it to path once it is
// complete, private and on disk.
func writeBackup(ctx context.Context, db *sql.DB, path string) error {
	tmp := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".tmp")
	// VACUUM INTO refuses a file with content; a leftover is from a crash.
	if err := os.Remove(tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove leftover %s: %w", tmp, err)
	}
	// Made empty and private first: SQLite would create it, and its
	// journal, readable by all until finishFile, and a kill in between
	// would leave a client's data so.
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("create %s: %w", tmp, err)
	}
	f.Close()
	datadir.FileStep("backup: temporary file made")
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("vacuum into %s: %w", tmp, err)
	}
	datadir.FileStep("backup: written")
	if err := FinishFile(tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	datadir.FileStep("backup: synced")
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("rename backup to %s: %w", path, err)
	}
	datadir.FileStep("backup: renamed")
	SyncDir(filepath.Dir(path))
	return nil
}

// FinishFile makes the copy private and flushes it, since VACUUM INTO does
// not sync its output.
func FinishFile(path string) error {
	if err := datadir.MakePrivate(path, 0o600); err != nil {
		return fmt.Errorf("protect backup %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("open backup %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return fmt.Errorf("sync backup %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close backup %s: %w", path, err)
	}
	return nil
}

// SyncDir makes the rename durable where the OS allows syncing a folder;
// Windows does not, and the backup is complete either way.
func SyncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// freeBackupName returns the next name for this second: the plain name for
// the first backup, then -2, -3 … after the time, numbered on from the
// highest of the second there is (lastSeq).
func freeBackupName(dir string, now time.Time, reason string) (string, error) {
	ts := now.Local().Format(TimeLayout)
	for seq := lastSeq(dir, ts) + 1; seq <= MaxSameSecond; seq++ {
		path := filepath.Join(dir, FileName(ts, seq, reason))
		if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
			return path, nil
		} else if err != nil {
			return "", fmt.Errorf("check backup name %s: %w", path, err)
		}
	}
	return "", fmt.Errorf("no free backup name in %s for %s", dir, ts)
}

// lastSeq is the highest number among dir's backups of second ts, 0 for
// none. Numbering on from it, never filling a gap that pruning left, keeps
// the names of one second in the order they were written.
func lastSeq(dir, ts string) int {
	entries, _ := list(dir)
	last := 0
	for _, e := range entries {
		if e.Time.Format(TimeLayout) == ts && e.seq > last {
			last = e.seq
		}
	}
	return last
}

func FileName(stamp string, seq int, reason string) string {
	if seq <= 1 {
		return "pomi-" + stamp + "-" + reason + ".db"
	}
	return "pomi-" + stamp + "-" + strconv.Itoa(seq) + "-" + reason + ".db"
}

// SanitizeReason keeps file names portable and parseable: lower-case a-z,
// 0-9 and single hyphens, starting with a letter.
func SanitizeReason(reason string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(reason) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		s = strings.TrimRight("backup-"+s, "-")
	}
	if len(s) > maxReasonLen {
		s = strings.TrimRight(s[:maxReasonLen], "-")
	}
	return s
}

// Prune deletes the oldest backups in dir beyond keep. Only files named like
// our backups are counted or deleted, so nothing else a user puts there is
// lost.
func Prune(dir string, keep int) error {
	return prune(dir, keep, "")
}

// prune never deletes protect, the backup just made, even when a clock set
// back makes it look older than the ones it should follow.
func prune(dir string, keep int, protect string) error {
	entries, err := list(dir)
	if err != nil {
		return err
	}
	kept := 0
	if slices.ContainsFunc(entries, func(e entry) bool { return e.Path == protect }) {
		kept = 1
	}
	var errs []error
	for _, e := range entries {
		if e.Path == protect {
			continue
		}
		if kept < keep {
			kept++
			continue
		}
		if err := os.Remove(e.Path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, fmt.Errorf("prune backup %s: %w", e.Path, err))
		}
		datadir.FileStep("backup: pruned one")
	}
	return errors.Join(errs...)
}

// List returns dir's backups, newest first. A missing folder has none.
func List(dir string) ([]Info, error) {
	entries, err := list(dir)
	if err != nil {
		return nil, err
	}
	infos := make([]Info, len(entries))
	for i, e := range entries {
		infos[i] = e.Info
	}
	return infos, nil
}

func list(dir string) ([]entry, error) {
	des, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups in %s: %w", dir, err)
	}
	var entries []entry
	for _, de := range des {
		if e, ok := parseBackupEntry(dir, de); ok {
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		if c := b.written.Compare(a.written); c != 0 {
			return c
		}
		return b.seq - a.seq
	})
	return entries, nil
}

// parseBackupEntry reads a backup's time, number and reason from its name;
// anything else in the folder (temporary files, a user's own copies) is not
// a backup.
func parseBackupEntry(dir string, de fs.DirEntry) (entry, bool) {
	m := NameRE.FindStringSubmatch(de.Name())
	if m == nil || !de.Type().IsRegular() {
		return entry{}, false
	}
	t, err := time.ParseInLocation(TimeLayout, m[1], time.Local)
	if err != nil {
		return entry{}, false
	}
	seq := 1
	if m[2] != "" {
		if seq, err = strconv.Atoi(m[2]); err != nil {
			return entry{}, false
		}
	}
	var size int64
	var written time.Time
	if fi, err := de.Info(); err == nil {
		size, written = fi.Size(), fi.ModTime()
	}
	info := Info{Path: filepath.Join(dir, de.Name()), Time: t, Reason: m[3], Size: size}
	return entry{Info: info, seq: seq, written: written}, true
}

// NewestGood returns the newest backup in dir that opens read-only and
// passes PRAGMA quick_check, for restoring after the database is damaged.
// It returns "" and nil when there is none.
func NewestGood(ctx context.Context, dir string) (string, error) {
	backups, err := List(dir)
	if err != nil {
		return "", err
	}
	for _, b := range backups {
		if err := ctx.Err(); err != nil {
			return "", fmt.Errorf("find good backup in %s: %w", dir, err)
		}
		if QuickCheckBackup(ctx, b.Path) == nil {
			return b.Path, nil
		}
	}
	return "", nil
}

// QuickCheckBackup opens path read-only, so checking never changes a backup.
// SQLite takes a file shorter than one page for an empty database that
// passes every check, so the header is required first.
func QuickCheckBackup(ctx context.Context, path string) error {
	if err := checkSQLiteHeader(path); err != nil {
		return err
	}
	db, err := sql.Open("sqlite", ReadOnlyURI(path))
	if err != nil {
		return fmt.Errorf("open backup %s: %w", path, err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA quick_check")
	if err != nil {
		return fmt.Errorf("check backup %s: %w", path, err)
	}
	defer rows.Close()
	var results []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return fmt.Errorf("check backup %s: %w", path, err)
		}
		results = append(results, s)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("check backup %s: %w", path, err)
	}
	if len(results) != 1 || results[0] != "ok" {
		return fmt.Errorf("backup %s is damaged: %s", path, strings.Join(results, "; "))
	}
	return nil
}

// sqliteHeader starts every SQLite 3 database file.
const sqliteHeader = "SQLite format 3\x00"

func checkSQLiteHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open backup %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteHeader {
		return fmt.Errorf("backup %s is not an SQLite database", path)
	}
	return nil
}

// ReadOnlyURI builds an SQLite URI for path in read-only mode. Characters
// that mean something in a URI are escaped, and Windows paths get the
// file:///C:/ form, so a folder named "a#b" or "what?" still works.
func ReadOnlyURI(path string) string { return FileURI(path, "mode=ro") }

// FileURI turns a path into an SQLite URI with the given parameters.
// Escaping '%', '?' and '#' keeps a folder named "Kund #1?" from being read
// as parameters.
func FileURI(path, params string) string {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file://" + p + "?" + params
}

// DailyDue reports whether no backup of any kind was made on now's
// local date; one taken before an import that day protects the data as well.
// When the folder cannot be read it says yes, since a backup too many is
// harmless.
func DailyDue(dir string, now time.Time) bool {
	backups, err := List(dir)
	if err != nil {
		return true
	}
	y, m, d := now.Local().Date()
	for _, b := range backups {
		by, bm, bd := b.Time.Date()
		if by == y && bm == m && bd == d {
			return false
		}
	}
	return true
}
