package reportstep

// A disk that takes no more bytes, made with RLIMIT_FSIZE (the largest file
// this process may write) set to zero, so every write to a regular file
// fails as on a full or read-only disk. Linux only.

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/internal/diskfull"
	"github.com/pomi-planner/pomi/locales"
)

// A plan exported to a full disk says it could not be saved there.
func TestAFullDiskKeepsThePlanUnsavedAndSaysSo(t *testing.T) {
	for _, lang := range locales.Languages() {
		docs := t.TempDir()
		v, _, _, _ := onExample(t, lang, docs)
		diskfull.While(t, v.Export)
		if want := locales.MustNew(lang).T("report.error.write"); !v.Problem.Visible() || v.Problem.Text != want || v.Result.Visible() {
			t.Errorf("%s: says %q, want %q", lang, v.Problem.Text, want)
		}
		entries, _ := os.ReadDir(filepath.Join(docs, FolderName))
		if len(entries) != 0 {
			t.Errorf("%s: left behind %v", lang, entries)
		}
	}
}
