package datadir

import (
	"strings"
	"testing"
)

const sampleMountinfo = `22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw
60 27 0:50 / /mnt/nas rw,relatime shared:30 - nfs4 nas:/export rw,vers=4.2
61 27 0:51 / /mnt/nas2 rw,relatime - ext4 /dev/vdb rw
62 27 0:52 / /media/anna/Team\040Share rw,relatime - cifs //srv/team rw
63 27 0:53 / /home/anna/remote rw,nosuid - fuse.sshfs anna@host:/ rw
64 63 0:54 / /home/anna/remote rw,nosuid - tmpfs tmpfs rw
65 27 0:55 / /mnt/c rw,noatime - 9p drvfs rw
`

func TestLocationMountFSType(t *testing.T) {
	cases := map[string]string{
		"/home/anna/.config/POMI Planner": "ext4",
		"/mnt/nas":                        "nfs4",
		"/mnt/nas/pomi":                   "nfs4",
		"/mnt/nas2/pomi":                  "ext4",
		"/media/anna/Team Share/POMI":     "cifs",
		"/home/anna/remote/x":             "tmpfs", // the later mount on the same point wins
		"/mnt/c/Users/anna":               "9p",
	}
	for path, want := range cases {
		if got := mountFSType(strings.NewReader(sampleMountinfo), path); got != want {
			t.Errorf("mountFSType(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestLocationParseMountinfoLineRejectsShortLines(t *testing.T) {
	for _, line := range []string{"", "1 2 3", "1 2 0:1 / /x rw no-separator here"} {
		if _, _, ok := parseMountinfoLine(line); ok {
			t.Errorf("parseMountinfoLine(%q) accepted", line)
		}
	}
}

func TestLocationUnescapeMountinfo(t *testing.T) {
	cases := map[string]string{
		`/a\040b`:   "/a b",
		`/tab\011x`: "/tab\tx",
		`/back\134`: `/back\`,
		`/short\04`: `/short\04`,
		`/plain`:    "/plain",
	}
	for in, want := range cases {
		if got := unescapeMountinfo(in); got != want {
			t.Errorf("unescapeMountinfo(%q) = %q, want %q", in, got, want)
		}
	}
}
