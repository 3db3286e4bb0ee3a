package merge

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
)

// Side is the advisor's choice in a conflict.
type Side int

// The sides of a conflict.
const (
	// Local keeps this device's value (what Merge provisionally kept).
	Local Side = iota
	// Remote takes the value from the server.
	Remote
)

// ErrChoices reports choices that do not match the conflicts.
var ErrChoices = errors.New("one choice per conflict is needed")

// Resolve applies the advisor's choices, one per conflict in the same
// order, to doc (a merged document, or the record's current document
// when the advisor has edited it since). Choosing a side sets the
// conflict's path to that side's value, or removes it when the value is
// absent; a conflict on the whole document (empty path) resolved to an
// absent value deletes the record (nil). Later conflicts win over earlier
// ones on the same path.
func Resolve(doc json.RawMessage, conflicts []Conflict, choices []Side) (json.RawMessage, error) {
	if len(conflicts) != len(choices) {
		return nil, fmt.Errorf("resolve: %d conflicts, %d choices: %w", len(conflicts), len(choices), ErrChoices)
	}
	root, err := decode(doc)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	for i, c := range conflicts {
		chosen := c.Local
		if choices[i] == Remote {
			chosen = c.Remote
		}
		v, err := decode(chosen)
		if err != nil {
			return nil, fmt.Errorf("resolve %s: %w", c.Pointer(), err)
		}
		root = set(root, c.Path, v)
	}
	out, err := encode(root)
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	return out, nil
}

// set returns root with the value at path replaced by v (removed when v
// is absent). The advisor may have edited the document since the merge:
// a missing object on the way is created, and a value on the way that is
// no longer an object is replaced by one, since choosing a value for the
// path means the path exists.
func set(root slot, path []string, v slot) slot {
	if len(path) == 0 {
		return v
	}
	obj, ok := root.v.(map[string]any)
	if !ok {
		obj = map[string]any{}
	}
	child := set(get(obj, path[0]), path[1:], v)
	if child.ok {
		obj[path[0]] = child.v
	} else {
		delete(obj, path[0])
	}
	return slot{v: obj, ok: true}
}

// At returns the value at path in doc (JSON), nil when it is absent or a
// value on the way is not an object.
func At(doc json.RawMessage, path []string) (json.RawMessage, error) {
	s, err := decode(doc)
	if err != nil {
		return nil, fmt.Errorf("value at path: %w", err)
	}
	for _, k := range path {
		obj, _ := s.v.(map[string]any)
		s = get(obj, k)
	}
	return encode(s)
}

func sortStrings(s []string) { sort.Strings(s) }
