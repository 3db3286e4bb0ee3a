package team

import (
	"errors"
	"testing"
)

// Signing a data folder that syncs with one team in to another is refused
// with a sentence that says why, and the first sign-in stays.
func TestSignInToAnotherTeamIsRefused(t *testing.T) {
	first, second := newServer(t), newServer(t)
	anna := newDevice(t, "sv")
	anna.signIn(first, "anna@example.se")
	anna.company("Göteborg Medtech AB")
	anna.svc.SyncNow()
	var err error
	anna.svc.SignIn(Credentials{Server: second.URL, Email: "anna@example.se", Password: password, Device: "laptop", CAFile: second.CAFile},
		func(e error) { err = e })
	var p *Problem
	if !errors.As(err, &p) || p.ID != "ui.team.error.other_team" {
		t.Fatalf("sign-in to a second team: %v", err)
	}
	if got := Sentence(anna.loc, err); got == "" || got == p.ID {
		t.Errorf("the sentence shown: %q", got)
	}
	if cfg := anna.svc.State().Config; cfg == nil || cfg.Server != first.URL {
		t.Errorf("after the refusal the sign-in is %+v", cfg)
	}
}
