package datadir

import "syscall"

// networkFSTypes are the macOS file system types that live on another machine.
var networkFSTypes = map[string]bool{
	"smbfs": true, "nfs": true, "afpfs": true, "webdav": true, "cifs": true, "ftp": true,
}

// onNetworkShare asks statfs for the type of the volume holding path.
func onNetworkShare(path string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return false
	}
	return networkFSTypes[fsTypeName(st.Fstypename[:])]
}

// fsTypeName converts statfs's NUL-terminated C string.
func fsTypeName(raw []int8) string {
	b := make([]byte, 0, len(raw))
	for _, c := range raw {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return string(b)
}
