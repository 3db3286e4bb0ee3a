//go:build !windows

package main

// holdRunningMarker does nothing outside Windows: only the Windows installer
// asks whether the app is running (see running_windows.go).
func holdRunningMarker() {}
