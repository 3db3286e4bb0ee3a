// Package kit is what every screen is handed: the Store and Maintenance
// interfaces the screens use instead of the SQLite package, Deps (the UI
// thread, the clock, the desktop, the Documents folder and the way work
// runs off the UI thread, with the working indicator), the language names
// and LogError.
package kit
