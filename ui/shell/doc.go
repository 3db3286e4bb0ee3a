// Package shell is the window's frame: the tabs (companies, entry modes,
// settings, help), the menu and its shortcuts, the language switch, the accent
// colour, the working indicator, the window's remembered size and the crash
// notice. cmd/pomi builds one Shell; it holds the other screens.
package shell
