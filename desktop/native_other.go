//go:build !windows

package desktop

import (
	"errors"
	"fmt"
	"syscall"
)

// callNative has nothing to call outside Windows; the commands for other
// systems use none.
func callNative(c Command) error {
	return fmt.Errorf("%s: %w", c.Native, errors.ErrUnsupported)
}

// sysProcAttr leaves programs' arguments to the usual exec rules.
func sysProcAttr([]string) *syscall.SysProcAttr { return nil }

// RegisteredMailClient finds no Simple MAPI mail program: only Windows
// has them; the other systems attach through xdg-email or Apple Mail.
func RegisteredMailClient() (string, bool) { return "", false }
