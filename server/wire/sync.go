package wire

import (
	"encoding/json"
	"time"
)

// BrandingID is the global id of an organisation's one branding record:
// fixed, so that every device edits the same record (a UUID version 5 of
// "https://pomi-planner/sync/branding" in the URL namespace).
const BrandingID = "0f9586f4-1f96-5780-b405-0a46a7a49940"

// PushRequest is the body of POST /v1/push.
type PushRequest struct {
	Records []PushRecord `json:"records"`
}

// PushRecord is one record a device pushes: its new state, on top of the
// version the device last saw.
type PushRecord struct {
	// ChangeID is chosen by the device for this one change (a UUID); a
	// retried push with the same ChangeID is recognised and not applied again.
	ChangeID string `json:"change_id"`
	// ID is the record's global id, a UUID chosen by the device that made it.
	ID   string `json:"id"`
	Kind Kind   `json:"kind"`
	// Company is the id of the company the record belongs to: required for
	// assessments and actions, empty for companies and branding, and for
	// the organisation's own actors and recommendations.
	Company string `json:"company,omitempty"`
	// BaseVersion is the version the device last saw: 0 for a new record.
	BaseVersion int64 `json:"base_version"`
	// Deleted makes this change a tombstone (Doc must then be absent). A
	// company's tombstone erases it and every record that belongs to it.
	Deleted bool `json:"deleted,omitempty"`
	// Doc is the record's JSON document (any JSON object), opaque to the server.
	Doc json.RawMessage `json:"doc,omitempty"`
}

// Push result statuses.
const (
	// StatusApplied: stored as Version with sequence Seq (Duplicate when
	// this ChangeID had been applied before and was not applied again).
	StatusApplied = "applied"
	// StatusConflict: BaseVersion was not the current version; Current holds
	// the server's record to merge with before pushing again.
	StatusConflict = "conflict"
	// StatusRejected: refused for Reason; Current holds the server's record
	// when there is one.
	StatusRejected = "rejected"
)

// Reasons for StatusRejected.
const (
	// ReasonErased: the record, or the company it belongs to, was erased.
	ReasonErased = "erased"
	// ReasonKindMismatch: a record with this id exists with another kind.
	ReasonKindMismatch = "kind_mismatch"
	// ReasonChangeIDReused: the change id was used before for another record.
	ReasonChangeIDReused = "change_id_reused"
)

// PushResponse answers POST /v1/push with one result per pushed record, in
// the order they were pushed.
type PushResponse struct {
	Results []PushResult `json:"results"`
}

// PushResult is the outcome for one pushed record.
type PushResult struct {
	ID        string  `json:"id"`
	ChangeID  string  `json:"change_id"`
	Status    string  `json:"status"`
	Reason    string  `json:"reason,omitempty"`
	Duplicate bool    `json:"duplicate,omitempty"`
	Version   int64   `json:"version,omitempty"`
	Seq       int64   `json:"seq,omitempty"`
	Current   *Record `json:"current,omitempty"`
}

// Record is a record as the server holds it, in pull and in conflicts.
type Record struct {
	ID        string          `json:"id"`
	Kind      Kind            `json:"kind"`
	Company   string          `json:"company,omitempty"`
	Version   int64           `json:"version"`
	Seq       int64           `json:"seq"`
	Deleted   bool            `json:"deleted,omitempty"`
	Doc       json.RawMessage `json:"doc,omitempty"`
	CreatedBy int64           `json:"created_by"`
	ChangedBy int64           `json:"changed_by"`
	ChangedAt time.Time       `json:"changed_at"`
}

// PullResponse answers GET /v1/pull?since=SEQ&limit=N: the records changed
// after SEQ, each once in its latest state, in sequence order. Next is the
// cursor for the following pull (the last Seq returned, or SEQ when there
// was nothing); More says whether a pull from Next has more to give now.
type PullResponse struct {
	Changes []Record `json:"changes"`
	Next    int64    `json:"next"`
	More    bool     `json:"more"`
	// Advisors names the advisors of the page's CreatedBy and ChangedBy,
	// by id, so a device can show who made and who last changed a record.
	Advisors map[int64]string `json:"advisors,omitempty"`
	// Advisor is the id of the advisor the token belongs to: the device
	// counts its own edits as theirs until the server has them.
	Advisor int64 `json:"advisor,omitempty"`
}
