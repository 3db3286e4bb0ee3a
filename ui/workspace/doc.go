// Package workspace is the open company: its steps in the order of the
// conversation, the step list with progress, Back and Next, and the quiet
// save indicator. Each step's view comes from its own package.
package workspace
