// Package wire defines the JSON shapes of pomi-server's HTTP API, shared by
// the server and (later) the app's sync client, and decodes and validates
// requests. It depends on nothing but the standard library.
package wire

import "time"

// Kind names a kind of syncable record.
type Kind string

// The kinds of syncable record.
const (
	KindCompany        Kind = "company"
	KindAssessment     Kind = "assessment"
	KindAction         Kind = "action"
	KindActor          Kind = "actor"
	KindRecommendation Kind = "recommendation"
	KindBranding       Kind = "branding"
)

// Kinds lists every kind of syncable record.
var Kinds = []Kind{KindCompany, KindAssessment, KindAction, KindActor, KindRecommendation, KindBranding}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, v := range Kinds {
		if k == v {
			return true
		}
	}
	return false
}

// BelongsToCompany reports whether records of kind k may belong to a
// company (and are then erased with it). Assessments and actions always
// do (NeedsCompany); actors and recommendations do when they are a
// company's, and name none when they are the organisation's own.
func (k Kind) BelongsToCompany() bool {
	return k != KindCompany && k != KindBranding
}

// NeedsCompany reports whether every record of kind k must name its company.
func (k Kind) NeedsCompany() bool {
	return k == KindAssessment || k == KindAction
}

// LoginRequest is the body of POST /v1/login.
type LoginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
	Device   string `json:"device"`
}

// LoginResponse answers a successful login. Token is shown only here; the
// server keeps only its SHA-256.
type LoginResponse struct {
	Token        string    `json:"token"`
	ExpiresAt    time.Time `json:"expires_at"`
	DeviceID     int64     `json:"device_id"`
	AdvisorID    int64     `json:"advisor_id"`
	AdvisorName  string    `json:"advisor_name"`
	Organisation string    `json:"organisation"`
}

// Me answers GET /v1/me: who the token belongs to.
type Me struct {
	OrganisationID int64     `json:"organisation_id"`
	Organisation   string    `json:"organisation"`
	AdvisorID      int64     `json:"advisor_id"`
	AdvisorName    string    `json:"advisor_name"`
	Email          string    `json:"email"`
	DeviceID       int64     `json:"device_id"`
	DeviceName     string    `json:"device_name"`
	ExpiresAt      time.Time `json:"expires_at"`
}

// Error is the body of every error response: a short, stable code the app
// can translate, never internal details.
type Error struct {
	Error string `json:"error"`
	// Index is the record a push was refused for, when there is one.
	Index *int `json:"index,omitempty"`
}

// Error codes.
const (
	ErrBadRequest      = "bad_request"
	ErrMalformedJSON   = "malformed_json"
	ErrTooLarge        = "too_large"
	ErrUnauthorized    = "unauthorized"
	ErrTokenExpired    = "token_expired"
	ErrDeviceRevoked   = "device_revoked"
	ErrAccountDisabled = "account_disabled"
	ErrBadCredentials  = "bad_credentials"
	ErrRateLimited     = "rate_limited"
	ErrNotFound        = "not_found"
	ErrInternal        = "internal"
	ErrUnavailable     = "unavailable" // the database is out of reach for now: try again later
)
