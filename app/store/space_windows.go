package store

import (
	"errors"

	"golang.org/x/sys/windows"
)

// freeBytes is the space on dir's volume this user may still use (disk
// quotas included).
func freeBytes(dir string) (int64, error) {
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

// isDiskFullOS knows Windows' own words for a full disk.
func isDiskFullOS(err error) bool {
	return errors.Is(err, windows.ERROR_DISK_FULL) || errors.Is(err, windows.ERROR_HANDLE_DISK_FULL)
}
