package teamfile

import (
	"context"
	"errors"
	"fmt"

	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
)

// Join ties the data folder's database b to the team cl has just signed
// in to, before the sign-in is kept: the organisation comes from the
// server (GET /v1/me). When the folder already syncs with another team
// (engine.ErrOtherTeam), the new device token is handed back to the server
// and the error returned, so nothing of the sign-in stays.
func Join(ctx context.Context, cl *client.Client, b engine.Binder, server string) error {
	me, err := cl.Me(ctx)
	if err != nil {
		return err
	}
	err = b.Bind(ctx, engine.Team{Server: server, Organisation: me.OrganisationID})
	if errors.Is(err, engine.ErrOtherTeam) {
		cl.Attempts = 1
		_ = cl.Logout(ctx) // a token the server still holds expires unused
	}
	if err != nil {
		return fmt.Errorf("join %s: %w", server, err)
	}
	return nil
}
