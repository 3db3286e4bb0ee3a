// Package radar draws the POMI profile as a radar chart: the current
// scores, the previous assessment and the target, with a legend, in the
// app's light and dark themes.
package radar
