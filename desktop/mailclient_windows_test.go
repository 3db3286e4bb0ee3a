package desktop

import (
	"testing"

	"golang.org/x/sys/windows/registry"
)

// TestRegisteredMailClientOnThisWindows reads the real registry. Under Wine
// (make test-windows runs this test binary there) the only client is Wine's
// winemapi.dll, which drops attachments, so no client may be taken as one
// that attaches the plan: the e-mail must then go the mailto: way and say so.
func TestRegisteredMailClientOnThisWindows(t *testing.T) {
	name, attaches := RegisteredMailClient()
	t.Logf("registered mail client %q, attaches files: %v", name, attaches)
	k, err := registry.OpenKey(registry.CURRENT_USER, `Software\Wine`, registry.QUERY_VALUE)
	if err != nil {
		return // real Windows: whatever is installed is right
	}
	k.Close()
	if attaches {
		t.Errorf("under Wine the mail client %q was taken as one that attaches files", name)
	}
}
