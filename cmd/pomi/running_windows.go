//go:build windows

package main

import "golang.org/x/sys/windows"

// runningMarker names the mutex that says "POMI Planner is running" to the
// Windows installer and uninstaller: they refuse to replace or remove the
// program while it exists. The same name is in installer/windows/pomi.nsi
// (!define RUNNING_MUTEX); change both together.
const runningMarker = `Local\se.pomiplanner.app.running`

// runningHandle keeps the mutex for the life of the process; Windows
// releases it when the process ends, however it ends.
var runningHandle windows.Handle

// holdRunningMarker creates the named mutex. It only marks the process as
// running (nobody waits on it), so a failure to create it is not an error
// worth stopping for: the installer then just cannot tell.
func holdRunningMarker() {
	name, err := windows.UTF16PtrFromString(runningMarker)
	if err != nil {
		return
	}
	h, err := windows.CreateMutex(nil, false, name)
	if h != 0 && (err == nil || err == windows.ERROR_ALREADY_EXISTS) {
		runningHandle = h
	}
}
