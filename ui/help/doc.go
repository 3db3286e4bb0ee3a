// Package help is the help tab (the POMI model, how the numbers are worked
// out, the sources, shortcuts, about) and the entry modes tab.
package help
