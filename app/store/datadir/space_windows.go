package datadir

import (
	"errors"

	"golang.org/x/sys/windows"
)

// FreeBytes is the space on dir's volume this user may still use (disk
// quotas included).
func FreeBytes(dir string) (int64, error) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, err
	}
	var avail, total, totalFree uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, &total, &totalFree); err != nil {
		return 0, err
	}
	return int64(avail), nil
}

// IsDiskFullOS knows Windows' own words for a full disk.
func IsDiskFullOS(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}
