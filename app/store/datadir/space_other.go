//go:build !unix && !windows

package datadir

import "errors"

// FreeBytes is unknown here; the write itself tells when the disk is full.
func FreeBytes(string) (int64, error) { return 0, errors.ErrUnsupported }

func IsDiskFullOS(error) bool { return false }
