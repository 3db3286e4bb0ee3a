// Package firststart is the page of the very first start: who uses the app,
// the organisation's name and the language.
package firststart
