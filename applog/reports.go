package applog

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// PendingCrashReports lists dir's crash reports nobody has been told about
// yet, oldest first (their names sort by time).
func PendingCrashReports(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("list crash reports: %w", err)
	}
	var pending []string
	for _, e := range entries {
		name := e.Name()
		if e.Type().IsRegular() && isCrashReport(name) && !strings.HasSuffix(name, seenSuffix) {
			pending = append(pending, filepath.Join(dir, name))
		}
	}
	slices.SortFunc(pending, compareReports)
	return pending, nil
}

func isCrashReport(name string) bool {
	return strings.HasPrefix(name, crashPrefix) && strings.HasSuffix(name, crashSuffix)
}

// compareReports orders by time, then by sequence number: a plain string
// sort would put crash-X-10 before crash-X-2.
func compareReports(a, b string) int {
	ka, kb := reportKey(filepath.Base(a)), reportKey(filepath.Base(b))
	if ka.stamp != kb.stamp {
		return strings.Compare(ka.stamp, kb.stamp)
	}
	return ka.seq - kb.seq
}

type reportSortKey struct {
	stamp string
	seq   int
}

func reportKey(name string) reportSortKey {
	core := strings.TrimSuffix(strings.TrimSuffix(name, seenSuffix), crashSuffix)
	core = strings.TrimPrefix(core, crashPrefix)
	k := reportSortKey{stamp: core, seq: 1}
	if len(core) > len(stampLayout) {
		k.stamp = core[:len(stampLayout)]
		_, _ = fmt.Sscanf(core[len(stampLayout):], "-%d", &k.seq)
	}
	return k
}

// MarkSeen renames a pending report to its -seen name, so later starts do
// not announce it again, prunes the seen reports to KeepSeenReports, and
// returns the new path (the one to show the user).
func MarkSeen(path string) (string, error) {
	if strings.HasSuffix(path, seenSuffix) {
		return path, nil
	}
	seen := strings.TrimSuffix(path, crashSuffix) + seenSuffix
	if err := os.Rename(path, seen); err != nil {
		return path, fmt.Errorf("mark crash report seen: %w", err)
	}
	return seen, pruneSeen(filepath.Dir(path), KeepSeenReports)
}

// pruneSeen deletes all but the keep newest reports already shown.
func pruneSeen(dir string, keep int) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("prune crash reports: %w", err)
	}
	var seen []string
	for _, e := range entries {
		if isCrashReport(e.Name()) && strings.HasSuffix(e.Name(), seenSuffix) {
			seen = append(seen, filepath.Join(dir, e.Name()))
		}
	}
	slices.SortFunc(seen, compareReports)
	var errs []error
	for _, p := range seen[:max(0, len(seen)-keep)] {
		if err := os.Remove(p); err != nil {
			errs = append(errs, fmt.Errorf("prune crash reports: %w", err))
		}
	}
	return errors.Join(errs...)
}
