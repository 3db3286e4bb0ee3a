//go:build unix

package datadir

import "golang.org/x/sys/unix"

// FreeBytes is the space in dir's file system that an unprivileged user
// may still use.
func FreeBytes(dir string) (int64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return int64(st.Bavail) * int64(st.Bsize), nil
}

func IsDiskFullOS(error) bool { return false }
