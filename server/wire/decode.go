package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxPushRecords is the most records one push may carry.
const MaxPushRecords = 1000

// DecodeError says why a request body was refused: Code is one of the
// error codes (ErrMalformedJSON, ErrBadRequest), Index the record at fault
// (-1 for none) and Detail a description for the server log.
type DecodeError struct {
	Code   string
	Index  int
	Detail string
}

func (e *DecodeError) Error() string {
	if e.Index >= 0 {
		return fmt.Sprintf("%s: record %d: %s", e.Code, e.Index, e.Detail)
	}
	return e.Code + ": " + e.Detail
}

func malformed(err error) error {
	return &DecodeError{Code: ErrMalformedJSON, Index: -1, Detail: err.Error()}
}

func badRecord(i int, format string, args ...any) error {
	return &DecodeError{Code: ErrBadRequest, Index: i, Detail: fmt.Sprintf(format, args...)}
}

// DecodeJSON reads exactly one JSON value from r into v. A read error
// (such as http.MaxBytesError) is returned as it is, so the caller can
// tell a too-large body from a malformed one.
func DecodeJSON(r io.Reader, v any) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if !utf8.Valid(raw) {
		return malformed(errors.New("body is not UTF-8"))
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if err := dec.Decode(v); err != nil {
		return malformed(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return malformed(errors.New("data after the JSON value"))
	}
	return nil
}

// DecodePush reads and validates a push body. IDs come back in lower case.
func DecodePush(r io.Reader) (PushRequest, error) {
	var req PushRequest
	if err := DecodeJSON(r, &req); err != nil {
		return PushRequest{}, err
	}
	if err := req.Validate(); err != nil {
		return PushRequest{}, err
	}
	return req, nil
}

// Validate checks every record of a push and normalises its ids to lower
// case; an error is a *DecodeError naming the record.
func (req *PushRequest) Validate() error {
	if len(req.Records) > MaxPushRecords {
		return &DecodeError{Code: ErrBadRequest, Index: -1, Detail: fmt.Sprintf("%d records, at most %d", len(req.Records), MaxPushRecords)}
	}
	ids := make(map[string]bool, len(req.Records))
	changes := make(map[string]bool, len(req.Records))
	for i := range req.Records {
		rec := &req.Records[i]
		if err := rec.validate(i); err != nil {
			return err
		}
		if ids[rec.ID] || changes[rec.ChangeID] {
			return badRecord(i, "id or change_id twice in one push")
		}
		ids[rec.ID], changes[rec.ChangeID] = true, true
	}
	return nil
}

func (rec *PushRecord) validate(i int) error {
	var ok bool
	if rec.ChangeID, ok = NormalizeUUID(rec.ChangeID); !ok {
		return badRecord(i, "change_id is not a UUID")
	}
	if rec.ID, ok = NormalizeUUID(rec.ID); !ok {
		return badRecord(i, "id is not a UUID")
	}
	if !rec.Kind.Valid() {
		return badRecord(i, "unknown kind")
	}
	if err := rec.validateCompany(i); err != nil {
		return err
	}
	if rec.BaseVersion < 0 {
		return badRecord(i, "negative base_version")
	}
	return rec.validateDoc(i)
}

func (rec *PushRecord) validateCompany(i int) error {
	if !rec.Kind.BelongsToCompany() {
		if rec.Company != "" {
			return badRecord(i, "a %s belongs to no company", rec.Kind)
		}
		return nil
	}
	if rec.Company == "" && !rec.Kind.NeedsCompany() {
		return nil // the organisation's own actor or recommendation
	}
	var ok bool
	if rec.Company, ok = NormalizeUUID(rec.Company); !ok {
		return badRecord(i, "company is not a UUID")
	}
	return nil
}

func (rec *PushRecord) validateDoc(i int) error {
	doc := bytes.TrimSpace(rec.Doc)
	if rec.Deleted {
		if len(doc) > 0 && !bytes.Equal(doc, []byte("null")) {
			return badRecord(i, "a tombstone carries no doc")
		}
		rec.Doc = nil
		return nil
	}
	if len(doc) == 0 || doc[0] != '{' {
		return badRecord(i, "doc is not a JSON object")
	}
	return nil
}

// NormalizeUUID returns s in canonical lower-case 8-4-4-4-12 form and true,
// or "" and false when s is not a UUID in that form.
func NormalizeUUID(s string) (string, bool) {
	if len(s) != 36 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case i == 8 || i == 13 || i == 18 || i == 23:
			if c != '-' {
				return "", false
			}
		case !isHex(c):
			return "", false
		}
	}
	return strings.ToLower(s), true
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
