package pgstore

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
)

// Organisation is one customer organisation; its advisors share one portfolio.
type Organisation struct {
	ID        int64
	Name      string
	CreatedAt time.Time
}

// Advisor is a person who signs in.
type Advisor struct {
	ID        int64
	OrgID     int64
	Name      string
	Email     string
	CreatedAt time.Time
	Disabled  bool
}

// Device is one sign-in of an advisor on one computer, holding one token.
type Device struct {
	ID           int64
	OrgID        int64
	AdvisorID    int64
	AdvisorEmail string
	Name         string
	CreatedAt    time.Time
	LastSeenAt   time.Time
	ExpiresAt    time.Time
	Revoked      bool
}

// CreateOrganisation adds an organisation; ErrExists when the name is taken.
func (s *Store) CreateOrganisation(ctx context.Context, name string) (Organisation, error) {
	o := Organisation{Name: name}
	err := s.pool.QueryRow(ctx, "INSERT INTO organisations (name) VALUES ($1) RETURNING id, created_at", name).
		Scan(&o.ID, &o.CreatedAt)
	if isUniqueViolation(err) {
		return Organisation{}, fmt.Errorf("organisation %q: %w", name, ErrExists)
	}
	if err != nil {
		return Organisation{}, fmt.Errorf("create organisation: %w", err)
	}
	return o, nil
}

// FindOrganisation finds an organisation by its id (digits) or exact name.
func (s *Store) FindOrganisation(ctx context.Context, ref string) (Organisation, error) {
	var o Organisation
	id, err := strconv.ParseInt(ref, 10, 64)
	if err != nil {
		id = 0
	}
	err = s.pool.QueryRow(ctx,
		"SELECT id, name, created_at FROM organisations WHERE id = $1 OR name = $2 ORDER BY id = $1 DESC LIMIT 1",
		id, ref).Scan(&o.ID, &o.Name, &o.CreatedAt)
	if err != nil {
		return Organisation{}, notFound(err, fmt.Sprintf("organisation %q", ref))
	}
	return o, nil
}

// ListOrganisations lists every organisation by id.
func (s *Store) ListOrganisations(ctx context.Context) ([]Organisation, error) {
	rows, _ := s.pool.Query(ctx, "SELECT id, name, created_at FROM organisations ORDER BY id")
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Organisation, error) {
		var o Organisation
		return o, r.Scan(&o.ID, &o.Name, &o.CreatedAt)
	})
	if err != nil {
		return nil, fmt.Errorf("list organisations: %w", err)
	}
	return out, nil
}

// AddAdvisor adds an advisor to an organisation with an already hashed
// password; ErrExists when the e-mail address is taken.
func (s *Store) AddAdvisor(ctx context.Context, orgID int64, name, email, passwordHash string) (Advisor, error) {
	a := Advisor{OrgID: orgID, Name: name, Email: email}
	err := s.pool.QueryRow(ctx,
		"INSERT INTO advisors (org_id, name, email, password_hash) VALUES ($1, $2, $3, $4) RETURNING id, created_at",
		orgID, name, email, passwordHash).Scan(&a.ID, &a.CreatedAt)
	if isUniqueViolation(err) {
		return Advisor{}, fmt.Errorf("advisor %s: %w", email, ErrExists)
	}
	if err != nil {
		return Advisor{}, fmt.Errorf("add advisor: %w", err)
	}
	return a, nil
}

const advisorColumns = "id, org_id, name, email, created_at, disabled_at IS NOT NULL"

func scanAdvisor(r pgx.Row) (Advisor, error) {
	var a Advisor
	err := r.Scan(&a.ID, &a.OrgID, &a.Name, &a.Email, &a.CreatedAt, &a.Disabled)
	return a, err
}

// SetAdvisorDisabled disables (or enables again) the advisor with this
// e-mail address. A disabled advisor can neither sign in nor use a token.
func (s *Store) SetAdvisorDisabled(ctx context.Context, email string, disabled bool) (Advisor, error) {
	a, err := scanAdvisor(s.pool.QueryRow(ctx,
		"UPDATE advisors SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END WHERE email = $1 RETURNING "+advisorColumns,
		email, disabled))
	if err != nil {
		return Advisor{}, notFound(err, "advisor "+email)
	}
	return a, nil
}

// SetPassword replaces an advisor's password hash.
func (s *Store) SetPassword(ctx context.Context, email, passwordHash string) (Advisor, error) {
	a, err := scanAdvisor(s.pool.QueryRow(ctx,
		"UPDATE advisors SET password_hash = $2 WHERE email = $1 RETURNING "+advisorColumns, email, passwordHash))
	if err != nil {
		return Advisor{}, notFound(err, "advisor "+email)
	}
	return a, nil
}

// ListAdvisors lists an organisation's advisors by id.
func (s *Store) ListAdvisors(ctx context.Context, orgID int64) ([]Advisor, error) {
	rows, _ := s.pool.Query(ctx, "SELECT "+advisorColumns+" FROM advisors WHERE org_id = $1 ORDER BY id", orgID)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Advisor, error) { return scanAdvisor(r) })
	if err != nil {
		return nil, fmt.Errorf("list advisors: %w", err)
	}
	return out, nil
}

// AdvisorNames returns the names of an organisation's advisors with the
// given ids, by id; an id of another organisation is left out.
func (s *Store) AdvisorNames(ctx context.Context, orgID int64, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, _ := s.pool.Query(ctx, "SELECT id, name FROM advisors WHERE org_id = $1 AND id = ANY($2)", orgID, ids)
	var id int64
	var name string
	_, err := pgx.ForEachRow(rows, []any{&id, &name}, func() error {
		out[id] = name
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("advisor names: %w", err)
	}
	return out, nil
}

const deviceColumns = `d.id, d.org_id, d.advisor_id, a.email, d.name, d.created_at, d.last_seen_at,
	d.expires_at, d.revoked_at IS NOT NULL`

func scanDevice(r pgx.Row) (Device, error) {
	var d Device
	err := r.Scan(&d.ID, &d.OrgID, &d.AdvisorID, &d.AdvisorEmail, &d.Name, &d.CreatedAt, &d.LastSeenAt, &d.ExpiresAt, &d.Revoked)
	return d, err
}

// ListDevices lists an organisation's devices by id, those of one advisor
// when email is not empty.
func (s *Store) ListDevices(ctx context.Context, orgID int64, email string) ([]Device, error) {
	rows, _ := s.pool.Query(ctx, "SELECT "+deviceColumns+` FROM devices d JOIN advisors a ON a.id = d.advisor_id
		WHERE d.org_id = $1 AND ($2 = '' OR a.email = $2) ORDER BY d.id`, orgID, email)
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Device, error) { return scanDevice(r) })
	if err != nil {
		return nil, fmt.Errorf("list devices: %w", err)
	}
	return out, nil
}

// RevokeDevice revokes a device of an organisation: its token stops working.
func (s *Store) RevokeDevice(ctx context.Context, orgID, deviceID int64) (Device, error) {
	d, err := scanDevice(s.pool.QueryRow(ctx, `UPDATE devices d SET revoked_at = coalesce(d.revoked_at, now())
		FROM advisors a WHERE a.id = d.advisor_id AND d.org_id = $1 AND d.id = $2 RETURNING `+deviceColumns,
		orgID, deviceID))
	if err != nil {
		return Device{}, notFound(err, fmt.Sprintf("device %d", deviceID))
	}
	return d, nil
}
