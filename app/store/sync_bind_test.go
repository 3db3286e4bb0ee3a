package store

import (
	"errors"
	"testing"

	"github.com/pomi-planner/pomi/app/sync/engine"
)

// A data folder is bound to the team it first signs in to: the same team
// again keeps its state, another team is refused once records were agreed,
// and a folder that agreed none may move, starting from the beginning.
func TestBindKeepsADataFolderToOneTeam(t *testing.T) {
	a, b, _ := twoStores(t)
	x := b.SyncStore()
	first := engine.Team{Server: "https://pomi.example.se", Organisation: 1}
	must(t, x.Bind(bg, first))
	must(t, x.Bind(bg, engine.Team{Server: "https://POMI.example.se/", Organisation: 1}))

	// Nothing agreed yet: b may move to a test server, from the beginning.
	must(t, x.SetCursor(bg, 7))
	trial := engine.Team{Server: "https://localhost:8443", Organisation: 1}
	must(t, x.Bind(bg, trial))
	if n, err := x.Cursor(bg); err != nil || n != 0 {
		t.Errorf("cursor %d (%v) after moving, want 0", n, err)
	}
	relay(t, a.SyncStore(), x, nil) // b now holds records agreed with trial
	err := x.Bind(bg, first)
	if !errors.Is(err, engine.ErrOtherTeam) {
		t.Fatalf("moving a data folder with agreed records: %v, want engine.ErrOtherTeam", err)
	}
	if got, ok, err := x.BoundTeam(bg); err != nil || !ok || got != trial {
		t.Errorf("bound to %+v %v (%v), want still %+v", got, ok, err, trial)
	}
	if err := x.Bind(bg, engine.Team{Server: trial.Server, Organisation: 2}); !errors.Is(err, engine.ErrOtherTeam) {
		t.Errorf("another organisation on the same server: %v, want engine.ErrOtherTeam", err)
	}
}
