package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestDecodePushNormalisesIDs(t *testing.T) {
	body := `{"records":[{"change_id":"AAAAAAAA-0000-4000-8000-000000000001","id":"BBBBBBBB-0000-4000-8000-000000000002",
		"kind":"action","company":"CCCCCCCC-0000-4000-8000-000000000003","doc":{"a":1}}]}`
	req, err := DecodePush(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r := req.Records[0]
	if r.ChangeID != "aaaaaaaa-0000-4000-8000-000000000001" || r.ID[0] != 'b' || r.Company[0] != 'c' {
		t.Errorf("record = %+v", r)
	}
	var de *DecodeError
	_, err = DecodePush(strings.NewReader(`{"records":[{"id":"x"}]}`))
	if !errors.As(err, &de) || de.Code != ErrBadRequest || de.Index != 0 {
		t.Errorf("bad record: %v", err)
	}
}

// FuzzDecodePush: the decoder never panics, and what it accepts is valid:
// UUID ids, a known kind, a JSON object doc or a tombstone without one.
func FuzzDecodePush(f *testing.F) {
	f.Add(`{"records":[{"change_id":"aaaaaaaa-0000-4000-8000-000000000001","id":"bbbbbbbb-0000-4000-8000-000000000002","kind":"company","doc":{"name":"x"}}]}`)
	f.Add(`{"records":[{"change_id":"aaaaaaaa-0000-4000-8000-000000000001","id":"bbbbbbbb-0000-4000-8000-000000000002","kind":"company","deleted":true,"base_version":3}]}`)
	f.Add(`{"records":[]}`)
	f.Add(`{"records":[{"kind":"action","company":"'; DROP TABLE records; --"}]}`)
	f.Fuzz(func(t *testing.T, body string) {
		req, err := DecodePush(strings.NewReader(body))
		if err != nil {
			return
		}
		for _, r := range req.Records {
			if _, ok := NormalizeUUID(r.ID); !ok || !r.Kind.Valid() || r.BaseVersion < 0 {
				t.Fatalf("accepted %+v", r)
			}
			if r.Deleted != (r.Doc == nil) || (!r.Deleted && (!json.Valid(r.Doc) || bytes.TrimSpace(r.Doc)[0] != '{')) {
				t.Fatalf("accepted doc %q deleted=%v", r.Doc, r.Deleted)
			}
			if (r.Company != "" && !r.Kind.BelongsToCompany()) || (r.Company == "" && r.Kind.NeedsCompany()) {
				t.Fatalf("accepted company %q for %s", r.Company, r.Kind)
			}
		}
	})
}
