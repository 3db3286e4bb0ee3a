// Package demo holds the example companies that the app and pomi-cli offer to
// load: three fictional Swedish SMEs, each with two assessments months apart,
// so that results, history and comparison have something to show.
package demo

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
)

//go:embed companies/*.json
var files embed.FS

// Companies decodes the example companies, in file-name order.
func Companies(d *ref.Data, now time.Time) ([]*app.Document, error) {
	names, err := fs.Glob(files, "companies/*.json")
	if err != nil {
		return nil, err
	}
	var docs []*app.Document
	for _, name := range names {
		raw, err := files.ReadFile(name)
		if err != nil {
			return nil, err
		}
		doc, err := app.Decode(bytes.NewReader(raw), d, now)
		if err != nil {
			return nil, fmt.Errorf("example company %s: %w", name, err)
		}
		docs = append(docs, doc)
	}
	return docs, nil
}
