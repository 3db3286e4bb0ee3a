//go:build !unix && !windows

package store

import "errors"

// freeBytes is unknown here; the write itself tells when the disk is full.
func freeBytes(string) (int64, error) { return 0, errors.ErrUnsupported }

func isDiskFullOS(error) bool { return false }
