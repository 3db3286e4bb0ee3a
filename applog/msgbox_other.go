//go:build !windows

package applog

import (
	"fmt"
	"os"
)

// ShowError writes title and text to stderr: on Linux and macOS a program
// started from a terminal shows it there, and one started from a menu has
// the log file (the caller logs the same text).
func ShowError(title, text string) error {
	_, err := fmt.Fprintf(os.Stderr, "%s\n\n%s\n", title, text)
	return err
}
