package merge

import (
	"encoding/json"
	"math/rand/v2"
	"testing"
)

// randValue makes a small random JSON value, objects up to depth levels.
func randValue(r *rand.Rand, depth int) any {
	switch n := r.IntN(6); {
	case n < 2 && depth > 0:
		return randObject(r, depth-1)
	case n == 2:
		return []any{r.IntN(3), "s"}
	case n == 3:
		return nil
	default:
		return json.Number([]string{"1", "2", "3"}[r.IntN(3)])
	}
}

func randObject(r *rand.Rand, depth int) map[string]any {
	o := map[string]any{}
	for _, k := range []string{"a", "b", "c"} {
		if r.IntN(3) > 0 {
			o[k] = randValue(r, depth)
		}
	}
	return o
}

// mutate returns a copy of v with a few random changes.
func mutate(r *rand.Rand, v any, depth int) any {
	o, ok := v.(map[string]any)
	if !ok || r.IntN(8) == 0 {
		return randValue(r, depth)
	}
	out := map[string]any{}
	for k, x := range o {
		out[k] = x
	}
	for _, k := range []string{"a", "b", "c"} {
		switch r.IntN(5) {
		case 0:
			delete(out, k)
		case 1:
			out[k] = mutate(r, out[k], max(depth-1, 0))
		}
	}
	return out
}

func enc(t *testing.T, v any) json.RawMessage {
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func sides(n int, s Side) []Side {
	out := make([]Side, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestMergeLaws checks, on random documents, the laws the sync relies on:
// a side that did not change yields the other; equal sides yield that
// side without conflicts; the merge is symmetric once conflicts are
// resolved to the same side; and resolving every conflict to local gives
// the merged document back.
func TestMergeLaws(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		b := randObject(r, 2)
		base, local, remote := enc(t, b), enc(t, mutate(r, b, 2)), enc(t, mutate(r, b, 2))
		checkUnchangedSide(t, base, local)
		m1, c1, err1 := Merge(base, local, remote)
		m2, c2, err2 := Merge(base, remote, local)
		if err1 != nil || err2 != nil || len(c1) != len(c2) {
			t.Fatalf("case %d: %v %v %d/%d", i, err1, err2, len(c1), len(c2))
		}
		asLocal, err := Resolve(m1, c1, sides(len(c1), Local))
		if err != nil || !Equal(asLocal, m1) {
			t.Fatalf("case %d: all-local %s != merged %s (%v)", i, asLocal, m1, err)
		}
		asRemote, err := Resolve(m1, c1, sides(len(c1), Remote))
		if err != nil || !Equal(asRemote, m2) {
			t.Fatalf("case %d: base %s local %s remote %s: all-remote %s != mirrored merge %s (%v)", i, base, local, remote, asRemote, m2, err)
		}
	}
}

func checkUnchangedSide(t *testing.T, base, changed json.RawMessage) {
	t.Helper()
	for _, args := range [][3]json.RawMessage{{base, base, changed}, {base, changed, base}, {base, changed, changed}} {
		m, cs, err := Merge(args[0], args[1], args[2])
		if err != nil || len(cs) != 0 || !Equal(m, changed) {
			t.Fatalf("Merge(%s, %s, %s) = %s, %v, %v; want %s", args[0], args[1], args[2], m, cs, err, changed)
		}
	}
}
