package teamtest

import (
	"os"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/pgtest"
)

// Main is the TestMain of a package that signs data folders in to a team
// server: tokens go to team.json, not to the keyring of whoever runs the
// tests (unless POMI_CREDENTIAL_STORE says otherwise), and PostgreSQL runs
// for the package (pgtest.Main). It does not return.
func Main(m *testing.M) {
	if os.Getenv(teamfile.EnvVar) == "" {
		os.Setenv(teamfile.EnvVar, "file")
	}
	pgtest.Main(m)
}
