package engine

import (
	"context"
	"errors"
	"strings"
)

// Team names what a data folder syncs with: the server's address and the
// organisation's id on it.
type Team struct {
	Server       string `json:"server"`
	Organisation int64  `json:"organisation"`
}

// Same reports whether t and u are one team, the addresses compared
// without case and trailing slashes.
func (t Team) Same(u Team) bool {
	norm := func(s string) string { return strings.ToLower(strings.TrimRight(s, "/")) }
	return norm(t.Server) == norm(u.Server) && t.Organisation == u.Organisation
}

// ErrOtherTeam is returned by Binder.Bind when the data folder already
// holds records agreed with another team: syncing it with a second one
// would mix two organisations' companies.
var ErrOtherTeam = errors.New("the data folder is synced with another team")

// Binder is a device's database that keeps to one team: Bind is called at
// sign-in, before the first round with that team.
type Binder interface {
	Bind(ctx context.Context, t Team) error
}
