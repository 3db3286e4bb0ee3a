package report

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"

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

// WriteFile renders doc and saves it at path atomically: it writes a
// temporary file in the same folder, syncs it and renames it over path, so a
// crash or a full disk never leaves a half-written PDF, and an existing plan
// at path stays as it was until the new one is complete.
func WriteFile(path string, doc *layout.Document) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".pomi-plan-*.tmp")
	if err != nil {
		return &WriteError{Path: path, Err: err}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	buf := bufio.NewWriterSize(tmp, 256<<10)
	if err := render.Render(doc, buf); err != nil {
		return err
	}
	if err := errors.Join(buf.Flush(), tmp.Chmod(0o644), tmp.Sync()); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := tmp.Close(); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return &WriteError{Path: path, Err: err}
	}
	return nil
}

// Generate builds the plan for in and saves it at path; see Build and WriteFile.
func Generate(in *Input, loc Localizer, path string) ([]Warning, error) {
	doc, warnings, err := Build(in, loc)
	if err != nil {
		return nil, err
	}
	return warnings, WriteFile(path, doc)
}
