package pgstore

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Why a token is refused.
var (
	ErrTokenUnknown    = errors.New("unknown token")
	ErrTokenExpired    = errors.New("token expired")
	ErrDeviceRevoked   = errors.New("device revoked")
	ErrAdvisorDisabled = errors.New("advisor disabled")
)

// LoginAccount is what signing in needs to know of an advisor.
type LoginAccount struct {
	AdvisorID    int64
	OrgID        int64
	Name         string
	OrgName      string
	PasswordHash string
	Disabled     bool
}

// Principal is who a valid token speaks for.
type Principal struct {
	OrgID       int64
	OrgName     string
	AdvisorID   int64
	AdvisorName string
	Email       string
	DeviceID    int64
	DeviceName  string
	ExpiresAt   time.Time
}

// LoginAccount finds the advisor with this (lower-case) e-mail address.
func (s *Store) LoginAccount(ctx context.Context, email string) (LoginAccount, error) {
	var a LoginAccount
	err := s.pool.QueryRow(ctx, `SELECT a.id, a.org_id, a.name, o.name, a.password_hash, a.disabled_at IS NOT NULL
		FROM advisors a JOIN organisations o ON o.id = a.org_id WHERE a.email = $1`, email).
		Scan(&a.AdvisorID, &a.OrgID, &a.Name, &a.OrgName, &a.PasswordHash, &a.Disabled)
	if err != nil {
		return LoginAccount{}, notFound(err, "login account")
	}
	return a, nil
}

func emailKey(email string) string { return "email:" + email }
func addrKey(addr string) string   { return "addr:" + addr }

// LoginBlocked reports whether the failed logins within window for this
// e-mail address reached perEmail, or those from this remote address
// reached perAddr.
func (s *Store) LoginBlocked(ctx context.Context, email, addr string, window time.Duration, perEmail, perAddr int) (bool, error) {
	var byEmail, byAddr int
	err := s.pool.QueryRow(ctx, `SELECT
		count(*) FILTER (WHERE key = $1), count(*) FILTER (WHERE key = $2)
		FROM login_failures WHERE key IN ($1, $2) AND at > now() - $3::interval`,
		emailKey(email), addrKey(addr), window).Scan(&byEmail, &byAddr)
	if err != nil {
		return false, fmt.Errorf("count login failures: %w", err)
	}
	return byEmail >= perEmail || byAddr >= perAddr, nil
}

// RecordLoginFailure counts one failed login against the e-mail address and
// the remote address, and forgets failures older than keep.
func (s *Store) RecordLoginFailure(ctx context.Context, email, addr string, keep time.Duration) error {
	_, err := s.pool.Exec(ctx, `WITH old AS (DELETE FROM login_failures WHERE at < now() - $3::interval)
		INSERT INTO login_failures (key) VALUES ($1), ($2)`, emailKey(email), addrKey(addr), keep)
	if err != nil {
		return fmt.Errorf("record login failure: %w", err)
	}
	return nil
}

// ClearLoginFailures forgets the failed logins of an e-mail address, after
// it signed in.
func (s *Store) ClearLoginFailures(ctx context.Context, email string) error {
	if _, err := s.pool.Exec(ctx, "DELETE FROM login_failures WHERE key = $1", emailKey(email)); err != nil {
		return fmt.Errorf("clear login failures: %w", err)
	}
	return nil
}

// CreateDevice registers a signed-in device holding the token with this
// hash, valid for the store's TokenLifetime.
func (s *Store) CreateDevice(ctx context.Context, orgID, advisorID int64, name string, tokenHash []byte) (Device, error) {
	d := Device{OrgID: orgID, AdvisorID: advisorID, Name: name}
	err := s.pool.QueryRow(ctx, `INSERT INTO devices (org_id, advisor_id, name, token_hash, expires_at)
		SELECT $1, $2, $3, $4, now() + $5::interval WHERE EXISTS
		(SELECT 1 FROM advisors WHERE id = $2 AND org_id = $1 AND disabled_at IS NULL)
		RETURNING id, created_at, last_seen_at, expires_at`,
		orgID, advisorID, name, tokenHash, s.TokenLifetime).Scan(&d.ID, &d.CreatedAt, &d.LastSeenAt, &d.ExpiresAt)
	if err != nil {
		return Device{}, notFound(err, "create device")
	}
	return d, nil
}

// Authenticate returns who the token with this hash speaks for, and
// extends its life (at most once a minute, to spare writes). It returns
// ErrTokenUnknown, ErrTokenExpired, ErrDeviceRevoked or ErrAdvisorDisabled
// for a token that must be refused.
func (s *Store) Authenticate(ctx context.Context, tokenHash []byte) (Principal, error) {
	var p Principal
	var expired, revoked, disabled, stale bool
	err := s.pool.QueryRow(ctx, `SELECT o.id, o.name, a.id, a.name, a.email, d.id, d.name, d.expires_at,
		d.expires_at <= now(), d.revoked_at IS NOT NULL, a.disabled_at IS NOT NULL,
		d.last_seen_at < now() - interval '1 minute'
		FROM devices d JOIN advisors a ON a.id = d.advisor_id JOIN organisations o ON o.id = d.org_id
		WHERE d.token_hash = $1`, tokenHash).Scan(&p.OrgID, &p.OrgName, &p.AdvisorID, &p.AdvisorName, &p.Email,
		&p.DeviceID, &p.DeviceName, &p.ExpiresAt, &expired, &revoked, &disabled, &stale)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return Principal{}, ErrTokenUnknown
	case err != nil:
		return Principal{}, fmt.Errorf("authenticate: %w", err)
	case revoked:
		return Principal{}, ErrDeviceRevoked
	case disabled:
		return Principal{}, ErrAdvisorDisabled
	case expired:
		return Principal{}, ErrTokenExpired
	case stale:
		err = s.pool.QueryRow(ctx, `UPDATE devices SET last_seen_at = now(), expires_at = now() + $2::interval
			WHERE id = $1 RETURNING expires_at`, p.DeviceID, s.TokenLifetime).Scan(&p.ExpiresAt)
		if err != nil {
			return Principal{}, fmt.Errorf("extend token: %w", err)
		}
	}
	return p, nil
}

// RevokeOwnDevice revokes the device a principal signed in on (sign-out).
func (s *Store) RevokeOwnDevice(ctx context.Context, p Principal) error {
	_, err := s.pool.Exec(ctx, "UPDATE devices SET revoked_at = coalesce(revoked_at, now()) WHERE org_id = $1 AND id = $2",
		p.OrgID, p.DeviceID)
	if err != nil {
		return fmt.Errorf("sign out: %w", err)
	}
	return nil
}
