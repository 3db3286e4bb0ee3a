//go:build !linux && !darwin && !windows

package datadir

// onNetworkShare has no portable answer on other systems; the cloud-folder
// check in RiskyLocation still applies.
func onNetworkShare(path string) bool { return false }
