package merge

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func raw(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	return json.RawMessage(s)
}

func TestMerge(t *testing.T) {
	tests := []struct {
		name                string
		base, local, remote string
		want                string
		conflicts           []string // pointers
	}{
		{"one side each", `{"a":1,"b":1}`, `{"a":2,"b":1}`, `{"a":1,"b":3}`, `{"a":2,"b":3}`, nil},
		{"same change", `{"a":1}`, `{"a":2}`, `{"a":2}`, `{"a":2}`, nil},
		{"both differently", `{"a":1,"b":1}`, `{"a":2,"b":1}`, `{"a":3,"b":4}`, `{"a":2,"b":4}`, []string{"/a"}},
		{"nested", `{"c":{"x":1,"y":1}}`, `{"c":{"x":2,"y":1}}`, `{"c":{"x":1,"y":2}}`, `{"c":{"x":2,"y":2}}`, nil},
		{"nested conflict", `{"c":{"x":1}}`, `{"c":{"x":2}}`, `{"c":{"x":3}}`, `{"c":{"x":2}}`, []string{"/c/x"}},
		{"key removed one side", `{"a":1,"b":1}`, `{"b":1}`, `{"a":1,"b":2}`, `{"b":2}`, nil},
		{"removed vs changed", `{"a":1}`, `{}`, `{"a":2}`, `{}`, []string{"/a"}},
		{"removed object vs nested change", `{"c":{"x":1}}`, `{}`, `{"c":{"x":2}}`, `{}`, []string{"/c"}},
		{"added both sides differently", `{}`, `{"n":"a"}`, `{"n":"b"}`, `{"n":"a"}`, []string{"/n"}},
		{"added objects merge", `{}`, `{"c":{"x":1}}`, `{"c":{"y":2}}`, `{"c":{"x":1,"y":2}}`, nil},
		{"arrays are one value", `{"l":[1,2]}`, `{"l":[1,2,3]}`, `{"l":[0,1,2]}`, `{"l":[1,2,3]}`, []string{"/l"}},
		{"array one side", `{"l":[1]}`, `{"l":[1]}`, `{"l":[1,{"k":2}]}`, `{"l":[1,{"k":2}]}`, nil},
		{"new record both sides", ``, `{"a":1,"b":2}`, `{"a":1,"c":3}`, `{"a":1,"b":2,"c":3}`, nil},
		{"deleted locally, unchanged remotely", `{"a":1}`, ``, `{"a":1}`, ``, nil},
		{"deleted locally, changed remotely", `{"a":1}`, ``, `{"a":2}`, ``, []string{""}},
		{"numbers kept as written", `{"a":1.50,"b":1}`, `{"a":1.50,"b":2}`, `{"a":1.50,"b":1}`, `{"a":1.50,"b":2}`, nil},
		{"object vs scalar", `{"a":{"x":1}}`, `{"a":{"x":2}}`, `{"a":"s"}`, `{"a":{"x":2}}`, []string{"/a"}},
		{"key with slash", `{"a/b":1}`, `{"a/b":2}`, `{"a/b":3}`, `{"a/b":2}`, []string{"/a~1b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, cs, err := Merge(raw(tt.base), raw(tt.local), raw(tt.remote))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("merged = %s, want %s", got, tt.want)
			}
			var ptrs []string
			for _, c := range cs {
				ptrs = append(ptrs, c.Pointer())
			}
			if !reflect.DeepEqual(ptrs, tt.conflicts) {
				t.Errorf("conflicts = %q, want %q", ptrs, tt.conflicts)
			}
		})
	}
}

func TestConflictKeepsAllThreeValues(t *testing.T) {
	_, cs, err := Merge(raw(`{"c":{"x":1}}`), raw(`{"c":{"x":2}}`), raw(`{"c":{}}`))
	if err != nil {
		t.Fatal(err)
	}
	want := Conflict{Path: []string{"c", "x"}, Base: raw(`1`), Local: raw(`2`), Remote: nil}
	if len(cs) != 1 || !reflect.DeepEqual(cs[0], want) {
		t.Fatalf("conflicts = %+v, want %+v", cs, want)
	}
}

func TestResolve(t *testing.T) {
	base, local, remote := raw(`{"a":1,"c":{"x":1},"d":1}`), raw(`{"a":2,"c":{"x":2},"d":1}`), raw(`{"a":3,"c":{},"d":5}`)
	merged, cs, err := Merge(base, local, remote)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		choices []Side
		want    string
	}{
		{[]Side{Local, Local}, `{"a":2,"c":{"x":2},"d":5}`},
		{[]Side{Remote, Remote}, `{"a":3,"c":{},"d":5}`},
		{[]Side{Remote, Local}, `{"a":3,"c":{"x":2},"d":5}`},
	} {
		got, err := Resolve(merged, cs, tt.choices)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("%v: %s, want %s", tt.choices, got, tt.want)
		}
	}
	if _, err := Resolve(merged, cs, []Side{Local}); !errors.Is(err, ErrChoices) {
		t.Errorf("too few choices: %v", err)
	}
}

func TestResolveWholeDocument(t *testing.T) {
	merged, cs, err := Merge(raw(`{"a":1}`), nil, raw(`{"a":2}`))
	if err != nil || merged != nil || len(cs) != 1 {
		t.Fatalf("merge = %s %v %v", merged, cs, err)
	}
	got, err := Resolve(merged, cs, []Side{Remote})
	if err != nil || string(got) != `{"a":2}` {
		t.Errorf("remote = %s %v", got, err)
	}
	got, err = Resolve(merged, cs, []Side{Local})
	if err != nil || got != nil {
		t.Errorf("local = %s %v", got, err)
	}
}

// The advisor may have replaced an object by a scalar after the merge;
// choosing a value for a key inside it makes it an object again.
func TestResolveIntoEditedDocument(t *testing.T) {
	c := Conflict{Path: []string{"a", "b"}, Local: raw(`1`), Remote: raw(`2`)}
	got, err := Resolve(raw(`{"a":"s"}`), []Conflict{c}, []Side{Remote})
	if err != nil || string(got) != `{"a":{"b":2}}` {
		t.Errorf("resolve = %s %v", got, err)
	}
	got, err = Resolve(raw(`{}`), []Conflict{c}, []Side{Local})
	if err != nil || string(got) != `{"a":{"b":1}}` {
		t.Errorf("resolve = %s %v", got, err)
	}
}

func TestAt(t *testing.T) {
	doc := raw(`{"a":{"b":[1]},"s":"x"}`)
	for path, want := range map[string]string{"a": `{"b":[1]}`, "a/b": `[1]`, "s/x": ``, "z": ``} {
		got, err := At(doc, strings.Split(path, "/"))
		if err != nil || string(got) != want {
			t.Errorf("At %s = %s %v, want %s", path, got, err, want)
		}
	}
}

func TestMergeRejectsInvalidJSON(t *testing.T) {
	if _, _, err := Merge(raw(`{`), raw(`{}`), raw(`{}`)); err == nil {
		t.Error("no error")
	}
	if _, _, err := Merge(raw(`{}`), raw(`{} x`), raw(`{}`)); err == nil {
		t.Error("no error for trailing data")
	}
}

func TestEqual(t *testing.T) {
	if !Equal(raw(`{"a":1, "b":[1]}`), raw(`{"b":[1],"a":1}`)) || Equal(raw(`{}`), nil) || !Equal(nil, nil) || Equal(raw(`{`), raw(`{`)) {
		t.Error("Equal")
	}
}
