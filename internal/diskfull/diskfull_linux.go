// Package diskfull lets tests see what a full disk does: every write to a
// regular file fails while they run. Linux only.
package diskfull

import (
	"syscall"
	"testing"
)

// While runs fn with RLIMIT_FSIZE (the largest file this process may write)
// at zero, so every write past the start of a regular file fails with
// EFBIG, as on a full or read-only disk. Go ignores SIGXFSZ, so the write
// returns an error instead of killing the process. The limit holds for the
// whole process: only sequential tests may use it (parallel tests run after
// all sequential ones). It skips the test where the limit cannot be set.
func While(t testing.TB, fn func()) {
	t.Helper()
	var old syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
		t.Skipf("getrlimit: %v", err)
	}
	limit := old
	limit.Cur = 0
	if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
		t.Skipf("setrlimit: %v", err)
	}
	defer func() {
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &old); err != nil {
			t.Fatalf("restore the file size limit: %v", err)
		}
	}()
	fn()
}
