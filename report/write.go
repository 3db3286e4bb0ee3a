package report

import (
	"errors"
	"fmt"
	"io"

	"github.com/pomi-planner/pomi/internal/atomicfile"
	"github.com/pomi-planner/pomi/report/layout"
	"github.com/pomi-planner/pomi/report/render"
)

// WriteError means the plan was rendered but could not be saved where the
// user asked: the folder is missing or read-only, or the file is open in a
// program that locks it.
type WriteError struct {
	Path string
	Err  error
}

func (e *WriteError) Error() string { return fmt.Sprintf("save plan to %s: %v", e.Path, e.Err) }

// Unwrap returns the cause.
func (e *WriteError) Unwrap() error { return e.Err }

// MessageID is the message that tells the user.
func (e *WriteError) MessageID() string { return "report.error.write" }

// WriteFile renders doc and saves it at path whole or not at all
// (internal/atomicfile): a crash or a full disk never leaves a half-written
// PDF, and an existing plan at path stays as it was until the new one is
// complete. A file that cannot be saved gives a *WriteError.
func WriteFile(path string, doc *layout.Document) error {
	err := atomicfile.Write(path, ".pomi-plan-*.tmp", func(w io.Writer) error { return render.Render(doc, w) })
	if ioErr := (*atomicfile.IOError)(nil); errors.As(err, &ioErr) {
		return &WriteError{Path: path, Err: ioErr.Err}
	}
	return err
}

// Generate builds the plan for in and saves it at path; see Build and WriteFile.
func Generate(in *Input, loc Localizer, path string) ([]Warning, error) {
	doc, warnings, err := Build(in, loc)
	if err != nil {
		return nil, err
	}
	return warnings, WriteFile(path, doc)
}
