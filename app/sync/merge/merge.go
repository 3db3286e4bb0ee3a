// Package merge is the three-way merge of JSON documents that team sync
// uses when two advisors changed the same record since they last agreed on
// it. A field changed by one side only takes that side's value; a field
// changed by both in the same way takes it; a field changed by both in
// different ways becomes a Conflict that keeps both values, so nothing is
// lost and the advisor chooses (Resolve). Objects are merged key by key,
// recursively; any other value, arrays included, is merged as a whole, since
// the positions in an array carry no identity to merge by. Removing a key is
// a change like any other.
//
// The package is pure: no I/O, no clock, deterministic output (object keys
// sorted, as encoding/json writes maps).
package merge

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Conflict is a field both sides changed differently since Base. Values are
// JSON; nil means the field is absent (removed, or never there). An empty
// Path is the whole document: one side deleted the record, the other
// changed it.
type Conflict struct {
	Path   []string        `json:"path"`
	Base   json.RawMessage `json:"base,omitempty"`
	Local  json.RawMessage `json:"local,omitempty"`
	Remote json.RawMessage `json:"remote,omitempty"`
	// By is who made the Remote value: the advisor's id on the server, 0
	// when not known. Merge leaves it 0; sync sets it for the conflict view.
	By int64 `json:"by,omitempty"`
}

// Pointer returns the conflict's path as a JSON Pointer (RFC 6901), such as
// "/contact/email"; "" is the whole document.
func (c Conflict) Pointer() string {
	var b strings.Builder
	for _, k := range c.Path {
		k = strings.ReplaceAll(k, "~", "~0")
		b.WriteString("/" + strings.ReplaceAll(k, "/", "~1"))
	}
	return b.String()
}

// slot is a decoded JSON value that may be absent.
type slot struct {
	v  any
	ok bool
}

// Merge merges local and remote, both descended from base. Each argument is
// a JSON document or nil for "absent": base is nil for a record new on
// both sides, local or remote nil for a record deleted on that side. The
// merged document (nil when the merge deletes the record) provisionally
// keeps the local value of every conflicting field; the conflicts say
// which fields those are and hold both values.
func Merge(base, local, remote json.RawMessage) (json.RawMessage, []Conflict, error) {
	b, err := decode(base)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: base: %w", err)
	}
	l, err := decode(local)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: local: %w", err)
	}
	r, err := decode(remote)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: remote: %w", err)
	}
	m := &merger{}
	out := m.value(nil, b, l, r)
	if m.err != nil {
		return nil, nil, fmt.Errorf("merge: %w", m.err)
	}
	raw, err := encode(out)
	if err != nil {
		return nil, nil, fmt.Errorf("merge: %w", err)
	}
	return raw, m.conflicts, nil
}

type merger struct {
	conflicts []Conflict
	err       error
}

// value merges one value at path.
func (m *merger) value(path []string, base, local, remote slot) slot {
	switch {
	case same(local, remote), same(base, remote):
		return local
	case same(base, local):
		return remote
	}
	lo, lok := local.v.(map[string]any)
	ro, rok := remote.v.(map[string]any)
	if local.ok && remote.ok && lok && rok {
		// Both sides changed an object: merge it key by key. A base that
		// was absent or no object counts as empty, so keys added by one
		// side only are taken.
		bo, _ := base.v.(map[string]any)
		return slot{v: m.object(path, bo, lo, ro), ok: true}
	}
	m.conflict(path, base, local, remote)
	return local
}

// object merges the keys of three objects.
func (m *merger) object(path []string, base, local, remote map[string]any) map[string]any {
	out := make(map[string]any, len(local)+len(remote))
	for _, k := range unionKeys(base, local, remote) {
		p := append(path[:len(path):len(path)], k)
		v := m.value(p, get(base, k), get(local, k), get(remote, k))
		if v.ok {
			out[k] = v.v
		}
	}
	return out
}

func (m *merger) conflict(path []string, base, local, remote slot) {
	c := Conflict{Path: append([]string{}, path...)}
	var errs [3]error
	c.Base, errs[0] = encode(base)
	c.Local, errs[1] = encode(local)
	c.Remote, errs[2] = encode(remote)
	if err := errors.Join(errs[:]...); err != nil && m.err == nil {
		m.err = err
	}
	m.conflicts = append(m.conflicts, c)
}

func get(o map[string]any, k string) slot {
	v, ok := o[k]
	return slot{v: v, ok: ok}
}

func unionKeys(objs ...map[string]any) []string {
	seen := map[string]bool{}
	var keys []string
	for _, o := range objs {
		for k := range o {
			if !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
	}
	sortStrings(keys)
	return keys
}

// same reports whether two slots hold the same value (both absent counts).
func same(a, b slot) bool {
	return a.ok == b.ok && (!a.ok || reflect.DeepEqual(a.v, b.v))
}

// Equal reports whether two JSON documents are the same value (object key
// order and white space aside); nil is the absent document and equals
// only nil. An invalid document equals nothing.
func Equal(a, b json.RawMessage) bool {
	x, err1 := decode(a)
	y, err2 := decode(b)
	return err1 == nil && err2 == nil && same(x, y)
}

// Canonical returns doc re-encoded with sorted keys and no white space,
// nil for nil.
func Canonical(doc json.RawMessage) (json.RawMessage, error) {
	s, err := decode(doc)
	if err != nil {
		return nil, err
	}
	return encode(s)
}

// decode reads a JSON value, keeping numbers as written (json.Number) so a
// merge never changes a number it did not touch.
func decode(raw json.RawMessage) (slot, error) {
	if raw == nil {
		return slot{}, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return slot{}, fmt.Errorf("decode JSON: %w", err)
	}
	if dec.More() {
		return slot{}, errors.New("decode JSON: data after the value")
	}
	return slot{v: v, ok: true}, nil
}

func encode(s slot) (json.RawMessage, error) {
	if !s.ok {
		return nil, nil
	}
	raw, err := json.Marshal(s.v)
	if err != nil {
		return nil, fmt.Errorf("encode JSON: %w", err)
	}
	return raw, nil
}
