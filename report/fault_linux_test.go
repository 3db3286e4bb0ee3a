package report

// A full disk, made with RLIMIT_FSIZE (the largest file this process may
// write) set to zero: every write to a regular file then fails with EFBIG,
// as on a full or read-only disk. Writing to /dev/full would not do: the
// plan is written beside its target and renamed over it, which as root
// would replace the device. Linux only.

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/pomi-planner/pomi/internal/diskfull"
	"github.com/pomi-planner/pomi/locales"
)

func TestAFullDiskKeepsTheEarlierPlanAndLeavesNoHalfFile(t *testing.T) {
	in := demoInput(t, demoFiles["malmo-mat"])
	dir := t.TempDir()
	path := filepath.Join(dir, "plan.pdf")
	if _, err := Generate(in, locales.MustNew("sv"), path); err != nil {
		t.Fatal(err)
	}
	earlier, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	in.Company.Name = "Nytt namn AB"
	var fullErr, newErr error
	diskfull.While(t, func() {
		_, fullErr = Generate(in, locales.MustNew("sv"), path)
		_, newErr = Generate(in, locales.MustNew("en"), filepath.Join(dir, "ny plan.pdf"))
	})
	for _, err := range []error{fullErr, newErr} {
		var we *WriteError
		if !errors.As(err, &we) || we.MessageID() != "report.error.write" || !errors.Is(err, syscall.EFBIG) {
			t.Errorf("on a full disk: %v, want a *WriteError for the write that did not fit", err)
		}
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, earlier) {
		t.Error("the earlier plan was changed by the failed save")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left in the folder: %v (want only the earlier plan)", entries)
	}
	if _, err := Generate(in, locales.MustNew("sv"), path); err != nil {
		t.Errorf("once there is room again: %v", err)
	}
}
