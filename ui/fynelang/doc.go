// Package fynelang gives Fyne's own words (dialog buttons, the date picker)
// in the app's language rather than the operating system's.
package fynelang
