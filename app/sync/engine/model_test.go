package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/merge"
	"github.com/pomi-planner/pomi/server/wire"
)

// world is two devices and a fake server, with a record of every edit the
// advisors made, to check that none vanishes. Each edit that sets a field
// writes a value never used before (a token), so it can be found again.
type world struct {
	t    *testing.T
	rng  *rand.Rand
	srv  *fakeServer
	devs []*device
	ids  []string
	next int
	// sets maps each token to the path it was written at.
	sets map[string]string
	// superseded: tokens an advisor overwrote or removed while seeing
	// them in the document; exposed: tokens a conflict resolution
	// dropped while the advisor saw them in the conflict view.
	superseded, exposed map[string]bool
	deletes             []*deletion
	choose              func(*rand.Rand) merge.Side
	trace               []string
}

type device struct {
	seen   map[string]bool // tokens that were ever in this device's documents
	name   string
	store  *MemStore
	syncer *Syncer
}

// deletion is an advisor removing a field.
type deletion struct {
	id, path   string
	overridden bool // a later edit or a conflict touched the path
}

func newWorld(t *testing.T, seed uint64, records int, choose func(*rand.Rand) merge.Side) *world {
	w := &world{t: t, rng: rand.New(rand.NewPCG(seed, 7)), srv: newFakeServer(), sets: map[string]string{},
		superseded: map[string]bool{}, exposed: map[string]bool{}, choose: choose}
	for i := range records {
		w.ids = append(w.ids, fmt.Sprintf("00000000-0000-4000-8000-%012d", i+1))
	}
	for _, name := range []string{"A", "B"} {
		st := NewMemStore()
		// Small batches and pages exercise paging.
		w.devs = append(w.devs, &device{seen: map[string]bool{}, name: name, store: st, syncer: &Syncer{Remote: w.srv, Outbox: st, Local: st, Batch: 2, PullLimit: 2}})
	}
	return w
}

var ctx = context.Background()

// edit makes one random change to a random record on device d.
func (w *world) edit(d *device) {
	id := w.ids[w.rng.IntN(len(w.ids))]
	doc := map[string]any{}
	if raw, ok := d.store.Doc(id); ok {
		must(w.t, json.Unmarshal(raw, &doc))
	}
	path := []string{[]string{"a", "b", "c"}[w.rng.IntN(3)]}
	if w.rng.IntN(2) == 0 {
		path = append(path, []string{"x", "y"}[w.rng.IntN(2)])
	}
	w.supersede(doc, path)
	key := strings.Join(path, "/")
	w.touch(id, key)
	if w.rng.IntN(5) == 0 {
		if remove(doc, path) && w.inBase(d, id, path) {
			// Removing a field is a change to the version last agreed
			// with the server only when it is there; removing a field
			// this device added since is no change to merge.
			w.deletes = append(w.deletes, &deletion{id: id, path: key, overridden: w.concurrentSet(d, id, key)})
		}
		w.logf("%s deletes %s/%s", d.name, id[len(id)-1:], key)
	} else {
		w.next++
		token := fmt.Sprintf("%s%d", d.name, w.next)
		var v any = token
		if w.rng.IntN(6) == 0 {
			v = []any{token, "list"}
		}
		put(doc, path, v)
		w.sets[token] = id + ":" + key
		w.logf("%s sets %s/%s=%s", d.name, id[len(id)-1:], key, token)
	}
	raw, err := json.Marshal(doc)
	must(w.t, err)
	must(w.t, d.store.Edit(id, wire.KindCompany, "", raw))
}

// supersede marks the tokens the edit at path overwrites, which the
// advisor sees: those inside the old value, and the old value of a parent
// that is not an object (the edit replaces it).
func (w *world) supersede(doc map[string]any, path []string) {
	if parent, ok := doc[path[0]]; ok && len(path) == 2 {
		if _, isObj := parent.(map[string]any); !isObj {
			markTokens(parent, w.superseded)
			return
		}
		markTokens(parent.(map[string]any)[path[1]], w.superseded)
		return
	}
	markTokens(doc[path[0]], w.superseded)
}

// concurrentSet reports a value set at an overlapping path of the record
// on the other device that d never had: an edit concurrent with a removal
// on d, which the merge rightly keeps (it is new to both bases).
func (w *world) concurrentSet(d *device, id, key string) bool {
	for tok, where := range w.sets {
		rid, path, _ := strings.Cut(where, ":")
		if rid == id && !strings.HasPrefix(tok, d.name) && overlaps(path, key) && !d.seen[tok] {
			return true
		}
	}
	return false
}

// observe records the tokens each device holds now.
func (w *world) observe() {
	for _, d := range w.devs {
		for _, id := range w.ids {
			doc, _ := d.store.Doc(id)
			for tok := range tokensIn(w.t, doc) {
				d.seen[tok] = true
			}
		}
	}
}

// inBase reports whether path is in the record's base on d.
func (w *world) inBase(d *device, id string, path []string) bool {
	rec, err := d.store.Get(ctx, id)
	must(w.t, err)
	v, err := merge.At(rec.Base, path)
	must(w.t, err)
	return v != nil
}

// touch marks earlier deletions at overlapping paths as overridden.
func (w *world) touch(id, key string) {
	for _, d := range w.deletes {
		if d.id == id && overlaps(d.path, key) {
			d.overridden = true
		}
	}
}

func overlaps(a, b string) bool {
	return a == b || strings.HasPrefix(a, b+"/") || strings.HasPrefix(b, a+"/")
}

func put(doc map[string]any, path []string, v any) {
	if len(path) == 1 {
		doc[path[0]] = v
		return
	}
	obj, ok := doc[path[0]].(map[string]any)
	if !ok {
		obj = map[string]any{}
		doc[path[0]] = obj
	}
	obj[path[1]] = v
}

// remove deletes the field at path and reports whether it was there.
func remove(doc map[string]any, path []string) bool {
	if len(path) == 1 {
		_, ok := doc[path[0]]
		delete(doc, path[0])
		return ok
	}
	obj, ok := doc[path[0]].(map[string]any)
	if !ok {
		return false
	}
	_, ok = obj[path[1]]
	delete(obj, path[1])
	return ok
}

// markTokens adds every string inside v to set.
func markTokens(v any, set map[string]bool) {
	switch x := v.(type) {
	case string:
		set[x] = true
	case []any:
		for _, e := range x {
			markTokens(e, set)
		}
	case map[string]any:
		for _, e := range x {
			markTokens(e, set)
		}
	}
}

// tokensIn returns the tokens in a JSON document with their paths.
func tokensIn(t *testing.T, raw json.RawMessage) map[string]string {
	out := map[string]string{}
	if raw == nil {
		return out
	}
	var v any
	must(t, json.Unmarshal(raw, &v))
	var walk func(any, string)
	walk = func(v any, path string) {
		switch x := v.(type) {
		case string:
			out[x] = path
		case []any:
			for _, e := range x {
				walk(e, path)
			}
		case map[string]any:
			for k, e := range x {
				walk(e, strings.TrimPrefix(path+"/"+k, "/"))
			}
		}
	}
	walk(v, "")
	return out
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func (w *world) logf(format string, args ...any) {
	w.trace = append(w.trace, fmt.Sprintf(format, args...))
}

func (w *world) fail(format string, args ...any) {
	w.t.Helper()
	w.t.Fatalf("%s\nsteps:\n  %s", fmt.Sprintf(format, args...), strings.Join(w.trace, "\n  "))
}

// resolve has the advisor on d choose a side in every open conflict.
// Whatever the resolution drops that the advisor saw (the document's
// tokens and both sides of each conflict) counts as explicitly overridden.
func (w *world) resolve(d *device) {
	for _, id := range w.ids {
		cs, err := d.store.Conflicts(id)
		must(w.t, err)
		if len(cs) == 0 {
			continue
		}
		seen := map[string]bool{}
		before, _ := d.store.Doc(id)
		for tok := range tokensIn(w.t, before) {
			seen[tok] = true
		}
		choices := make([]merge.Side, len(cs))
		for i, c := range cs {
			choices[i] = w.choose(w.rng)
			for _, raw := range []json.RawMessage{c.Local, c.Remote} {
				for tok := range tokensIn(w.t, raw) {
					seen[tok] = true
				}
			}
			w.touch(id, strings.Join(c.Path, "/"))
		}
		must(w.t, d.store.Resolve(id, choices))
		after, _ := d.store.Doc(id)
		kept := tokensIn(w.t, after)
		for tok := range seen {
			if _, ok := kept[tok]; !ok {
				w.exposed[tok] = true
			}
		}
		w.logf("%s resolves %s %v: %s", d.name, id[len(id)-1:], choices, after)
	}
}

// push and pull may fail only as offline (a lost answer).
func (w *world) push(d *device, lose bool) {
	w.srv.loseNext = lose
	st, err := d.syncer.Push(ctx)
	w.srv.loseNext = false // nothing was pending
	w.logf("%s pushes (lost=%v): %+v %v", d.name, lose, st, err)
	if err != nil && !(lose && st.Offline) {
		w.fail("push: %v", err)
	}
}

func (w *world) pull(d *device) {
	st, err := d.syncer.Pull(ctx)
	w.logf("%s pulls: %+v", d.name, st)
	if err != nil {
		w.fail("pull: %v", err)
	}
}

// converge syncs both devices, resolving conflicts, until they and the
// server agree and nothing is pending. After two rounds the advisors keep
// their own values: two advisors who always take the other's value while
// both hold a conflict on the same field would swap them forever.
func (w *world) converge() {
	for round := range 8 {
		if round == 2 {
			w.choose = choosers["local"]
		}
		for _, d := range w.devs {
			st, err := d.syncer.Sync(ctx)
			w.logf("%s syncs: %+v", d.name, st)
			if err != nil {
				w.fail("sync: %v", err)
			}
			w.resolve(d)
		}
		if w.agreed() {
			return
		}
	}
	var state []string
	for _, d := range w.devs {
		for _, id := range w.ids {
			rec, _ := d.store.Get(ctx, id)
			state = append(state, fmt.Sprintf("%s %s: base v%d %s doc %s pending %v", d.name, id[len(id)-1:], rec.BaseVersion, rec.Base, rec.Doc, rec.Pending))
		}
	}
	for _, id := range w.ids {
		if r := w.srv.recs[id]; r != nil {
			state = append(state, fmt.Sprintf("server %s: v%d %s", id[len(id)-1:], r.Version, r.Doc))
		}
	}
	w.fail("devices did not converge:\n%s", strings.Join(state, "\n"))
}

func (w *world) agreed() bool {
	for _, d := range w.devs {
		if d.store.PendingCount() > 0 {
			return false
		}
		for _, id := range w.ids {
			cs, _ := d.store.Conflicts(id)
			doc, _ := d.store.Doc(id)
			srv := w.srv.recs[id]
			if len(cs) > 0 || (srv == nil) != (doc == nil) || (srv != nil && !merge.Equal(srv.Doc, doc)) {
				return false
			}
		}
	}
	return true
}

// check asserts that no edit vanished: every token written is in the
// final document at its path unless an advisor overwrote it seeing it or
// dropped it in a conflict; every removed field is absent unless an edit
// or conflict touched it later. And no change was applied twice.
func (w *world) check() {
	w.srv.checkAppliedOnce(w.t)
	final := map[string]string{}
	for _, id := range w.ids {
		if rec := w.srv.recs[id]; rec != nil {
			for tok, path := range tokensIn(w.t, rec.Doc) {
				final[tok] = id + ":" + path
			}
		}
	}
	for tok, where := range w.sets {
		if !w.superseded[tok] && !w.exposed[tok] && final[tok] != where {
			w.fail("edit %s at %s vanished (final: %q)", tok, where, final[tok])
		}
	}
	for _, d := range w.deletes {
		if d.overridden {
			continue
		}
		if _, ok := present(w.t, w.srv.recs[d.id], d.path); ok {
			w.fail("removal of %s in %s undone", d.path, d.id)
		}
	}
}

func present(t *testing.T, rec *wire.Record, path string) (json.RawMessage, bool) {
	if rec == nil {
		return nil, false
	}
	v, err := merge.At(rec.Doc, strings.Split(path, "/"))
	must(t, err)
	return v, v != nil
}
