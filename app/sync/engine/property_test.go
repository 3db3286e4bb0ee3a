package engine

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/merge"
)

// op is one step of a device: e edit, p push, l pull, x push whose answer
// is lost, r resolve its conflicts.
type op struct {
	dev  int
	kind byte
}

func (w *world) run(o op) {
	d := w.devs[o.dev]
	defer w.observe()
	switch o.kind {
	case 'e':
		w.edit(d)
	case 'p':
		w.push(d, false)
	case 'x':
		w.push(d, true)
	case 'l':
		w.pull(d)
	case 'r':
		w.resolve(d)
	}
}

// permutations calls f with every distinct ordering of ops.
func permutations(ops []op, f func([]op)) {
	var rec func(prefix []op, rest []op)
	rec = func(prefix, rest []op) {
		if len(rest) == 0 {
			f(prefix)
			return
		}
		used := map[op]bool{}
		for i, o := range rest {
			if used[o] {
				continue
			}
			used[o] = true
			next := append(append([]op{}, rest[:i]...), rest[i+1:]...)
			rec(append(prefix, o), next)
		}
	}
	rec(nil, ops)
}

// TestNoEditVanishesExhaustive runs every interleaving of two edits,
// a push and a pull on each of two devices sharing one record (10 080
// orders), then syncs both until they agree, for each way of resolving
// conflicts; the edits are random, seeded by the order's number.
func TestNoEditVanishesExhaustive(t *testing.T) {
	ops := []op{{0, 'e'}, {0, 'e'}, {0, 'p'}, {0, 'l'}, {1, 'e'}, {1, 'e'}, {1, 'p'}, {1, 'l'}}
	for _, mode := range sortedKeys(choosers) {
		t.Run(mode, func(t *testing.T) {
			n := 0
			permutations(ops, func(order []op) {
				n++
				w := newWorld(t, uint64(n), 1, choosers[mode])
				for _, o := range order {
					w.run(o)
				}
				w.converge()
				w.check()
			})
			if n != 10080 {
				t.Fatalf("%d orders", n)
			}
		})
	}
}

// TestNoEditVanishesRandom runs long random interleavings over several
// records, with lost push answers and conflicts resolved midway.
func TestNoEditVanishesRandom(t *testing.T) {
	kinds := []byte("eeeeppllxr")
	for _, mode := range sortedKeys(choosers) {
		for seed := range uint64(400) {
			t.Run(fmt.Sprintf("%s/%d", mode, seed), func(t *testing.T) {
				w := newWorld(t, seed, 3, choosers[mode])
				for range 60 {
					w.run(op{dev: w.rng.IntN(2), kind: kinds[w.rng.IntN(len(kinds))]})
				}
				w.converge()
				w.check()
			})
		}
	}
}

var choosers = map[string]func(*rand.Rand) merge.Side{
	"local":  func(*rand.Rand) merge.Side { return merge.Local },
	"remote": func(*rand.Rand) merge.Side { return merge.Remote },
	"random": func(r *rand.Rand) merge.Side { return merge.Side(r.IntN(2)) },
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
