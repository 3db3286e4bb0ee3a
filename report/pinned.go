//go:build pinned

package report

// The PDF renderer (this package) and the store use these modules. Importing
// them under a build tag that no build sets keeps their versions pinned in
// go.mod, as engineering.md requires, until the code that uses them lands.
import (
	_ "codeberg.org/go-pdf/fpdf"
	_ "modernc.org/sqlite"
)
