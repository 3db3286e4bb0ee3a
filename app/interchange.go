package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/pomi-planner/pomi/app/ref"
)

// Interchange format identity and version. A file with a newer version is
// refused rather than half understood.
const (
	InterchangeFormat  = "pomi-planner/company"
	InterchangeVersion = 1
	// MaxInterchangeSize bounds what Decode reads: a company with dozens of
	// assessments is well under a megabyte.
	MaxInterchangeSize = 16 << 20
)

// Document is one company with all its assessments and actions, as exported
// to and imported from a JSON file.
type Document struct {
	Format      string       `json:"format"`
	Version     int          `json:"version"`
	Exported    time.Time    `json:"exported,omitzero"`
	Company     Company      `json:"company"`
	Assessments []Assessment `json:"assessments"`
}

// Errors Decode wraps, so callers can tell a wrong file from a bad value.
var (
	ErrNotInterchange = errors.New("not a POMI Planner company file")
	ErrNewerFormat    = errors.New("file written by a newer version of POMI Planner")
	ErrTooLarge       = errors.New("file too large")
)

// NewDocument wraps a company and its assessments for export.
func NewDocument(c Company, as []Assessment, now time.Time) *Document {
	if as == nil {
		as = []Assessment{}
	}
	return &Document{Format: InterchangeFormat, Version: InterchangeVersion, Exported: now.UTC(), Company: c, Assessments: as}
}

// Encode writes the document as indented JSON.
func (doc *Document) Encode(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("encode company file: %w", err)
	}
	return nil
}

// Decode reads and checks a company file: the JSON must be well formed with no
// unknown fields, the format and version known, every value valid and every id
// known to the reference data. Problems name the field, e.g.
// "assessments[1].statement_ratings.P99: unknown_value".
func Decode(r io.Reader, d *ref.Data, now time.Time) (*Document, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxInterchangeSize+1))
	if err != nil {
		return nil, fmt.Errorf("read company file: %w", err)
	}
	if len(raw) > MaxInterchangeSize {
		return nil, ErrTooLarge
	}
	// Windows Notepad used to start UTF-8 files with a byte order mark;
	// RFC 8259 lets a reader ignore it.
	raw = bytes.TrimPrefix(raw, []byte("\uFEFF"))
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(raw, &head); err != nil {
		return nil, fmt.Errorf("%w: %s", ErrNotInterchange, jsonProblem(err))
	}
	switch {
	case head.Format != InterchangeFormat:
		return nil, fmt.Errorf("%w: format is %q", ErrNotInterchange, head.Format)
	case head.Version > InterchangeVersion:
		return nil, fmt.Errorf("%w: version %d, this version reads up to %d", ErrNewerFormat, head.Version, InterchangeVersion)
	case head.Version < 1:
		return nil, fmt.Errorf("%w: version %d", ErrNotInterchange, head.Version)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var doc Document
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("company file: %s", jsonProblem(err))
	}
	if err := doc.Validate(d, now); err != nil {
		return nil, fmt.Errorf("company file: %w", err)
	}
	return &doc, nil
}

// Validate checks the company and every assessment.
func (doc *Document) Validate(d *ref.Data, now time.Time) error {
	errs := []error{inField("company", doc.Company.Validate(now))}
	for i := range doc.Assessments {
		errs = append(errs, inField("assessments["+strconv.Itoa(i)+"]", doc.Assessments[i].Validate(d)))
	}
	return errors.Join(errs...)
}

// jsonProblem turns a decoding error into a line that names where it is.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("not valid JSON at byte %d: %v", syntax.Offset, syntax)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q should be %s, not %s", typ.Field, typ.Type, typ.Value)
	}
	return err.Error()
}
