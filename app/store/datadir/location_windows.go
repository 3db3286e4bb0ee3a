package datadir

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// onNetworkShare catches UNC paths and drive letters mapped to a share.
func onNetworkShare(path string) bool {
	if isUNCPath(path) {
		return true
	}
	vol := filepath.VolumeName(path)
	if vol == "" {
		return false
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return false
	}
	return windows.GetDriveType(root) == windows.DRIVE_REMOTE
}
