package datadir

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
)

// networkFSTypes are the Linux file systems that live on another machine.
// 9p covers WSL2's /mnt/c, where SQLite's shared memory is not reliable either.
var networkFSTypes = map[string]bool{
	"nfs": true, "nfs4": true, "cifs": true, "smb3": true, "smbfs": true,
	"fuse.sshfs": true, "9p": true, "afs": true, "davfs": true, "fuse.davfs2": true,
	"ceph": true, "glusterfs": true, "fuse.glusterfs": true, "fuse.rclone": true,
}

// onNetworkShare asks the kernel which mount holds path; mountinfo is used
// instead of statfs because it names FUSE file systems (sshfs, rclone).
func onNetworkShare(path string) bool {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	defer f.Close()
	return networkFSTypes[mountFSType(f, path)]
}

// mountFSType returns the file system type of the mount that contains path:
// the longest mount point that is a prefix of it, the last one listed when
// mounts are stacked on the same point. "" when nothing matches.
func mountFSType(mountinfo io.Reader, path string) string {
	best, bestLen := "", -1
	sc := bufio.NewScanner(mountinfo)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		point, fsType, ok := parseMountinfoLine(sc.Text())
		if ok && pathWithin(path, point) && len(point) >= bestLen {
			best, bestLen = fsType, len(point)
		}
	}
	return best
}

// parseMountinfoLine reads the mount point (field 5) and the file system type
// (first field after the "-" separator) of one /proc/self/mountinfo line.
func parseMountinfoLine(line string) (point, fsType string, ok bool) {
	fields := strings.Fields(line)
	if len(fields) < 5 {
		return "", "", false
	}
	for i := 5; i < len(fields)-1; i++ {
		if fields[i] == "-" {
			return unescapeMountinfo(fields[4]), fields[i+1], true
		}
	}
	return "", "", false
}

// unescapeMountinfo undoes the kernel's octal escapes (\040 for a space).
func unescapeMountinfo(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// pathWithin reports whether path is dir or below it, element by element so
// /mnt/nas does not contain /mnt/nas2.
func pathWithin(path, dir string) bool {
	if dir == "/" || path == dir {
		return true
	}
	return strings.HasPrefix(path, strings.TrimSuffix(dir, "/")+"/")
}
