//go:build !race

package main

// raceEnabled: the race detector slows modernc.org/sqlite about threefold.
const raceEnabled = false
