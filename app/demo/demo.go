// Package demo holds the example companies that the app and pomi-cli offer to
// load: three fictional Swedish SMEs, each with two assessments months apart,
// so that results, history and comparison have something to show.
package demo

import (
	"bytes"
	"context"
	"embed"
	"errors"
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

// Loaded says what Load did with one example company: stored it under ID, or
// found a company with its org.nr already there (Existed).
type Loaded struct {
	ID          app.CompanyID
	Name        string
	Assessments int
	Existed     bool
}

// Load stores the example companies that are not there yet; one already
// stored (same org.nr) is left as it is, so loading twice adds nothing.
func Load(ctx context.Context, repo app.Repository, d *ref.Data, now time.Time) ([]Loaded, error) {
	docs, err := Companies(d, now)
	if err != nil {
		return nil, err
	}
	out := make([]Loaded, 0, len(docs))
	for _, doc := range docs {
		l := Loaded{Name: doc.Company.Name, Assessments: len(doc.Assessments)}
		l.ID, err = repo.ImportDocument(ctx, doc, app.ImportRefuseDuplicate)
		switch {
		case errors.Is(err, app.ErrDuplicateOrgNr):
			l.Existed = true
		case err != nil:
			return out, fmt.Errorf("load example %s: %w", doc.Company.Name, err)
		}
		out = append(out, l)
	}
	return out, nil
}
