//go:build windows || darwin

package credstore

// available is always so on Windows and macOS: Credential Manager and the
// Keychain are part of every user session; errors come from the call.
func available() error { return nil }
