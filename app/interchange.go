package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/pomi-planner/pomi/app/validate"

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
		return nil, fmt.Errorf("%w: %w", ErrNotInterchange, jsonProblem(err))
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
		return nil, fmt.Errorf("company file: %w", jsonProblem(err))
	}
	if err := errors.Join(nullRatings(raw), doc.Validate(d, now)); err != nil {
		return nil, fmt.Errorf("company file: %w", err)
	}
	return &doc, nil
}

// nullRatings refuses a rating written as null. Go would read it as 0,
// which is DontKnow: an answer nobody gave. A rating is 1–5, 0 for "don't
// know", or left out when the statement or competence was not assessed.
func nullRatings(raw []byte) error {
	var shape struct {
		Assessments []struct {
			CompetenceRatings map[string]json.RawMessage `json:"competence_ratings"`
			StatementRatings  map[string]json.RawMessage `json:"statement_ratings"`
		} `json:"assessments"`
	}
	if json.Unmarshal(raw, &shape) != nil {
		return nil // the strict decoding has already accepted it; nothing to add
	}
	var errs []error
	for i, a := range shape.Assessments {
		prefix := "assessments[" + strconv.Itoa(i) + "]."
		for _, m := range []struct {
			name    string
			ratings map[string]json.RawMessage
		}{{"competence_ratings", a.CompetenceRatings}, {"statement_ratings", a.StatementRatings}} {
			for _, id := range sortedKeys(m.ratings) {
				if string(bytes.TrimSpace(m.ratings[id])) == "null" {
					errs = append(errs, validate.Err(prefix+m.name+"."+id, validate.CodeRating))
				}
			}
		}
	}
	return errors.Join(errs...)
}

// Validate checks the company and every assessment.
func (doc *Document) Validate(d *ref.Data, now time.Time) error {
	errs := []error{validate.InField("company", doc.Company.Validate(now))}
	for i := range doc.Assessments {
		errs = append(errs, validate.InField("assessments["+strconv.Itoa(i)+"]", doc.Assessments[i].Validate(d)))
	}
	return errors.Join(errs...)
}

// JSONProblem says where a company file is not the JSON the format expects,
// in terms a caller can put in the user's language: no Go type names.
type JSONProblem struct {
	// Kind is JSONSyntax, JSONType, JSONUnknownField or JSONOther.
	Kind string
	// Offset is the byte where the JSON stops being valid (JSONSyntax).
	Offset int64
	// Field is the JSON path of the value (JSONType) or the unknown field's name.
	Field string
	// Want is the kind of JSON value the field needs (JSONType): one of
	// "integer", "number", "string", "boolean", "array", "object".
	Want string
	Err  error
}

// Kinds of JSONProblem.
const (
	JSONSyntax       = "syntax"
	JSONType         = "type"
	JSONUnknownField = "unknown_field"
	JSONOther        = "other"
)

// Error names the place in English for logs.
func (p *JSONProblem) Error() string {
	switch p.Kind {
	case JSONSyntax:
		return fmt.Sprintf("not valid JSON at byte %d: %v", p.Offset, p.Err)
	case JSONType:
		return fmt.Sprintf("field %q should be %s", p.Field, jsonKindText[p.Want])
	case JSONUnknownField:
		return fmt.Sprintf("unknown field %q", p.Field)
	}
	return p.Err.Error()
}

func (p *JSONProblem) Unwrap() error { return p.Err }

var jsonKindText = map[string]string{
	"integer": "a whole number", "number": "a number", "string": "text",
	"boolean": "true or false", "array": "a list", "object": "an object",
}

// jsonProblem turns a decoding error into a *JSONProblem that names where it is.
func jsonProblem(err error) *JSONProblem {
	var syntax *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return &JSONProblem{Kind: JSONSyntax, Offset: syntax.Offset, Err: err}
	case errors.As(err, &typ):
		return &JSONProblem{Kind: JSONType, Field: typ.Field, Want: jsonKind(typ.Type), Err: err}
	}
	// encoding/json has no type for an unknown field: `json: unknown field "x"`.
	if name, ok := strings.CutPrefix(err.Error(), "json: unknown field "); ok {
		if unq, qerr := strconv.Unquote(name); qerr == nil {
			name = unq
		}
		return &JSONProblem{Kind: JSONUnknownField, Field: name, Err: err}
	}
	return &JSONProblem{Kind: JSONOther, Err: err}
}

// jsonKind names the JSON value a Go type is decoded from.
func jsonKind(t reflect.Type) string {
	if t == nil {
		return "object"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.String:
		return "string"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice, reflect.Array:
		return "array"
	}
	if t == reflect.TypeFor[time.Time]() {
		return "string"
	}
	return "object"
}
