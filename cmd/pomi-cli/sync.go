package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/app/sync/engine"
	"github.com/pomi-planner/pomi/app/sync/teamfile"
	"github.com/pomi-planner/pomi/locales"
)

// syncNow is the clock of sync's output; tests replace it.
var syncNow = time.Now

// syncResult is what pomi-cli sync --json prints.
type syncResult struct {
	Server     string     `json:"server"`
	Pushed     int        `json:"pushed"`
	Pulled     int        `json:"pulled"`
	Merged     int        `json:"merged"`
	Conflicts  int        `json:"conflicts"`
	Rejected   int        `json:"rejected"`
	Erased     int        `json:"erased"`
	More       bool       `json:"more"`
	LastSynced *time.Time `json:"last_synced,omitempty"`
}

// runSync runs one sync round with the team server, or with --status says
// how things stand.
func runSync(args []string, out io.Writer) error {
	fs := newFlags("sync", out)
	dataFlags(fs)
	langFlag(fs)
	status := fs.Bool("status", false, "show the server, the sign-in, pending changes, open conflicts and the last sync")
	asJSON := fs.Bool("json", false, "print JSON")
	if _, err := fs.parseLocalized(args); err != nil {
		return err
	}
	dir, err := store.ResolveDir(*fs.dataDir, os.Getenv)
	if err != nil {
		return err
	}
	cfg, err := loadTeam(dir)
	if err != nil {
		return err
	}
	c, err := teamClient(cfg)
	if err != nil {
		return err
	}
	return withStore(fs, func(ctx context.Context, s *store.Store) error {
		if *status {
			return syncStatus(ctx, out, fs.loc(), cfg, c, s.SyncStore(), *asJSON)
		}
		return syncRound(ctx, out, fs.loc(), cfg, c, s.SyncStore(), *asJSON)
	})
}

// syncRound runs one round through engine.Syncer and reports it.
func syncRound(ctx context.Context, out io.Writer, l *locales.Localizer, cfg *teamConfig, c *client.Client,
	x *store.SyncStore, asJSON bool,
) error {
	syncer := &engine.Syncer{Remote: c, Outbox: x, Local: x, Now: syncNow}
	st, err := syncer.Sync(ctx)
	if err != nil {
		return roundFailure(ctx, err, cfg, x)
	}
	if err := x.SetLastSynced(ctx, st.LastSynced); err != nil {
		return err
	}
	res := syncResult{Server: cfg.Server, Pushed: st.Pushed, Pulled: st.Pulled, Merged: st.Merged,
		Conflicts: st.Conflicts, Rejected: st.Rejected, Erased: st.Erased, More: st.More, LastSynced: &st.LastSynced}
	if asJSON {
		return writeJSON(out, res)
	}
	fmt.Fprintln(out, l.Tf("cli.sync.done", map[string]any{"Server": cfg.Server,
		"Pushed": st.Pushed, "Pulled": st.Pulled, "Merged": st.Merged}))
	if st.Conflicts > 0 {
		fmt.Fprintln(out, l.N("cli.sync.conflicts", st.Conflicts, nil))
	}
	if st.Erased > 0 {
		fmt.Fprintln(out, l.N("cli.sync.erased", st.Erased, nil))
	}
	if st.Rejected > st.Erased {
		fmt.Fprintln(out, l.N("cli.sync.rejected", st.Rejected-st.Erased, nil))
	}
	if st.More {
		fmt.Fprintln(out, l.T("cli.sync.more"))
	}
	return nil
}

// roundFailure says why a round stopped; offline, the changes wait.
func roundFailure(ctx context.Context, err error, cfg *teamConfig, x *store.SyncStore) error {
	if errors.Is(err, client.ErrOffline) {
		n, cerr := x.PendingCount(ctx)
		if cerr != nil {
			return errors.Join(err, cerr)
		}
		return failure(err, "cli.sync.offline_pending", map[string]any{"Server": cfg.Server, "Count": n},
			fmt.Sprintf("the team server %s cannot be reached; %d changes wait for the next sync", cfg.Server, n))
	}
	return serverFailure(err, cfg.Server)
}

// syncState is what pomi-cli sync --status --json prints.
type syncState struct {
	Server       string     `json:"server"`
	Email        string     `json:"email"`
	Advisor      string     `json:"advisor"`
	Organisation string     `json:"organisation"`
	Device       string     `json:"device"`
	Connection   string     `json:"connection"` // ok, offline, unauthorized, certificate, error
	Pending      int        `json:"pending"`
	Conflicts    int        `json:"conflicts"`
	LastSynced   *time.Time `json:"last_synced,omitempty"`
	TokenStore   string     `json:"token_store"` // keyring or file, as in team.json
	// TokenError is why the credential store cannot give the token now.
	TokenError string `json:"token_error,omitempty"`
}

// syncStatus reports the sign-in, what waits and whether the server answers.
func syncStatus(ctx context.Context, out io.Writer, l *locales.Localizer, cfg *teamConfig, c *client.Client,
	x *store.SyncStore, asJSON bool,
) error {
	st := syncState{Server: cfg.Server, Email: cfg.Email, Advisor: cfg.Advisor, Organisation: cfg.Organisation, Device: cfg.Device,
		TokenStore: cfg.TokenStore}
	if cfg.TokenStore == teamfile.InKeyring && cfg.StoreErr != nil {
		st.TokenError = oneLine(cfg.StoreErr.Error())
	}
	var err error
	if st.Pending, err = x.PendingCount(ctx); err != nil {
		return err
	}
	if st.Conflicts, err = x.ConflictCount(ctx); err != nil {
		return err
	}
	last, err := x.LastSynced(ctx)
	if err != nil {
		return err
	}
	if !last.IsZero() {
		st.LastSynced = &last
	}
	c.Attempts = 1 // a status answers at once
	st.Connection = connection(c.Me(ctx))
	if asJSON {
		return writeJSON(out, st)
	}
	writeStatusText(out, l, st, last)
	return nil
}

func connection(_ any, err error) string {
	switch {
	case err == nil:
		return "ok"
	case errors.Is(err, client.ErrOffline):
		return "offline"
	case errors.Is(err, client.ErrUnauthorized):
		return "unauthorized"
	case errors.Is(err, client.ErrCertificate):
		return "certificate"
	}
	return "error"
}

func writeStatusText(out io.Writer, l *locales.Localizer, st syncState, last time.Time) {
	fmt.Fprintln(out, l.Tf("cli.sync.status_server", map[string]any{"Server": st.Server}))
	fmt.Fprintln(out, l.Tf("cli.sync.status_signed_in", map[string]any{"Advisor": st.Advisor, "Email": st.Email,
		"Organisation": st.Organisation, "Device": st.Device}))
	fmt.Fprintln(out, l.Tf("cli.sync.status_connection", map[string]any{"State": l.T("cli.sync.connection_" + st.Connection)}))
	fmt.Fprintln(out, l.N("cli.sync.status_pending", st.Pending, nil))
	fmt.Fprintln(out, l.N("cli.sync.status_conflicts", st.Conflicts, nil))
	fmt.Fprintln(out, l.Tf("cli.sync.status_last", map[string]any{"When": ago(l, last, syncNow())}))
	switch {
	case st.TokenError != "":
		fmt.Fprintln(out, l.Tf("cli.sync.status_token_unreadable", map[string]any{"Reason": st.TokenError}))
	case st.TokenStore == teamfile.InKeyring:
		fmt.Fprintln(out, l.T("cli.sync.status_token_keyring"))
	default:
		fmt.Fprintln(out, l.T("cli.sync.status_token_file"))
	}
}

// ago says how long ago t was, roughly: "2 min ago".
func ago(l *locales.Localizer, t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return l.T("cli.sync.never")
	case d < time.Minute:
		return l.T("cli.sync.just_now")
	case d < time.Hour:
		return l.N("cli.sync.minutes_ago", int(d/time.Minute), nil)
	case d < 48*time.Hour:
		return l.N("cli.sync.hours_ago", int(d/time.Hour), nil)
	}
	return l.N("cli.sync.days_ago", int(d/(24*time.Hour)), nil)
}
