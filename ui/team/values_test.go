package team

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
)

func TestFieldNamesAreWordsWhereKnown(t *testing.T) {
	sv := locales.MustNew("sv")
	for _, c := range []struct {
		path []string
		want string
	}{
		{[]string{"contact", "email"}, "Kontaktperson: e-post"},
		{[]string{"name"}, "Företagets namn"},
		{[]string{"actions", "2", "title"}, "Handlingsplan: #3 › title"},
		{[]string{"odd", "thing"}, "odd: thing"},
		{nil, "Hela posten"},
	} {
		if got := FieldName(sv, c.path); got != c.want {
			t.Errorf("%v: %q, want %q", c.path, got, c.want)
		}
	}
}

func TestValuesReadAsText(t *testing.T) {
	sv, en := locales.MustNew("sv"), locales.MustNew("en")
	for _, c := range []struct {
		loc  *locales.Localizer
		raw  string
		want string
	}{
		{sv, `"anna@medtech.se"`, "anna@medtech.se"},
		{sv, `1234.5`, "1\u00a0234,5"},
		{en, `1234`, "1,234"},
		{sv, `["DE","NO"]`, "DE, NO"},
		{sv, `true`, "Ja"},
		{sv, `""`, "(tomt)"},
		{en, `[{"title":"Hire a sales rep"},{"title":"Visit a fair"}]`, "Hire a sales rep, Visit a fair"},
		{en, `{"city":"Lund","street":"Storgatan 1"}`, "city: Lund; street: Storgatan 1"},
	} {
		if got := Readable(c.loc, json.RawMessage(c.raw)); got != c.want {
			t.Errorf("%s: %q, want %q", c.raw, got, c.want)
		}
	}
	if got := Readable(sv, nil); got != "(borttaget)" {
		t.Errorf("removed: %q", got)
	}
}

func TestStatusTexts(t *testing.T) {
	sv := locales.MustNew("sv")
	now := uitest.Today
	signed := &teamfile.Config{}
	for _, c := range []struct {
		st   State
		want string
	}{
		{State{Config: signed}, "Inte synkad än"},
		{State{Config: signed, Running: true}, "Synkar …"},
		{State{Config: signed, LastSynced: now.Add(-3 * time.Hour)}, "Synkad för 3 timmar sedan"},
		{State{Config: signed, LastSynced: now.Add(-72 * time.Hour)}, "Synkad för 3 dagar sedan"},
		{State{Config: signed, Offline: true, Pending: 3}, "Offline – 3 ändringar väntar"},
		{State{Config: signed, Unauthorized: true, Conflicts: 2}, "Logga in igen"},
		{State{Config: signed, Conflicts: 2}, "2 konflikter att lösa"},
		{State{Config: signed, CompanyChanged: true, LastSynced: now}, "Företaget har ändrats av teamet – öppna det igen"},
	} {
		if got := StatusText(sv, c.st, now); got != c.want {
			t.Errorf("%+v: %q, want %q", c.st, got, c.want)
		}
	}
}

func TestFromStoreNeedsASyncStoreMethod(t *testing.T) {
	if _, ok := FromStore(nil); ok {
		t.Error("nil has a sync store")
	}
	if _, ok := FromStore(struct{}{}); ok {
		t.Error("a struct without the method has a sync store")
	}
	if _, ok := FromStore(uitest.OpenStore(t)); !ok {
		t.Error("the SQLite store has no sync store")
	}
}
