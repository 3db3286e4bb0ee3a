package pgtest

import (
	"errors"
	"strings"
	"testing"
)

func TestMissingBinariesNameTheInstallScript(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	old := debianBinGlob
	debianBinGlob = t.TempDir() + "/*/bin"
	defer func() { debianBinGlob = old }()
	_, err := findBinaries()
	if !errors.Is(err, ErrNoBinaries) || !strings.Contains(err.Error(), "bash .ci/install-deps.sh test") {
		t.Errorf("findBinaries = %v", err)
	}
}

func TestFindsDebianBinaries(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	dir, err := findBinaries()
	if err != nil || !strings.HasPrefix(dir, "/usr/lib/postgresql/") {
		t.Errorf("findBinaries = %q %v", dir, err)
	}
}
