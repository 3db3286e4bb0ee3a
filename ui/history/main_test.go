package history

import (
	"os"
	"testing"

	"github.com/pomi-planner/pomi/internal/uitest"
)

// TestMain runs the screens' background work synchronously; tests save
// with Flush.
func TestMain(m *testing.M) {
	uitest.Synchronous()
	os.Exit(m.Run())
}
