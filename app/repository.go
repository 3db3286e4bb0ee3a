package app

import (
	"context"
	"errors"
	"time"
)

// Errors a Repository returns, wrapped with context; test with errors.Is.
var (
	ErrNotFound = errors.New("not found")
	// ErrDuplicateOrgNr is returned by an import that meets a company with the
	// same org.nr, unless the caller chose how to resolve it.
	ErrDuplicateOrgNr = errors.New("a company with this organisation number exists")
)

// CompanyID identifies a stored company; AssessmentID a stored assessment.
type (
	CompanyID    int64
	AssessmentID int64
)

// StoredCompany is a company with its storage identity.
type StoredCompany struct {
	ID CompanyID
	Company
}

// StoredAssessment is an assessment with its storage identity.
type StoredAssessment struct {
	ID        AssessmentID
	CompanyID CompanyID
	Assessment
	Updated time.Time
}

// CompanySummary is one row of the company list.
type CompanySummary struct {
	ID             CompanyID `json:"id"`
	Name           string    `json:"name"`
	OrgNr          string    `json:"org_nr,omitempty"`
	City           string    `json:"city,omitempty"`
	ExportStage    string    `json:"export_stage,omitempty"`
	LastAssessment string    `json:"last_assessment,omitempty"`
	Assessments    int       `json:"assessments"`
	Updated        time.Time `json:"updated"`
}

// ListQuery asks for a page of companies, newest change first. Search
// matches name, org.nr, city, contact and notes by word prefix.
type ListQuery struct {
	Search string
	Offset int
	Limit  int
}

// ImportMode says what to do when an imported company's org.nr already exists.
type ImportMode int

// Import modes.
const (
	// ImportRefuseDuplicate fails with ErrDuplicateOrgNr and changes nothing.
	ImportRefuseDuplicate ImportMode = iota
	// ImportMerge adds the file's assessments to the existing company.
	ImportMerge
	// ImportAsNew adds the file as a separate company.
	ImportAsNew
)

// Repository is what the domain needs from storage. app/store implements it on
// SQLite; every method that changes more than one row does so atomically.
type Repository interface {
	CreateCompany(ctx context.Context, c *Company) (CompanyID, error)
	UpdateCompany(ctx context.Context, id CompanyID, c *Company) error
	Company(ctx context.Context, id CompanyID) (*StoredCompany, error)
	ListCompanies(ctx context.Context, q ListQuery) ([]CompanySummary, int, error)
	// EraseCompany removes the company and everything about it, for good,
	// from the database and, with EraseEverywhere, from every backup.
	EraseCompany(ctx context.Context, id CompanyID, scope EraseScope) (EraseReport, error)

	SaveAssessment(ctx context.Context, company CompanyID, a *Assessment) (AssessmentID, error)
	UpdateAssessment(ctx context.Context, id AssessmentID, a *Assessment) error
	Assessment(ctx context.Context, id AssessmentID) (*StoredAssessment, error)
	// Assessments returns a company's assessments, oldest first.
	Assessments(ctx context.Context, company CompanyID) ([]StoredAssessment, error)
	DeleteAssessment(ctx context.Context, id AssessmentID) error
	// SaveWork stores a company's profile and one of its assessments (a
	// new one when assessment is 0) in one transaction and returns the
	// assessment's id.
	SaveWork(ctx context.Context, company CompanyID, c *Company, assessment AssessmentID, a *Assessment) (AssessmentID, error)
	// SaveWorkOnto is SaveWork for working copies made from base (as read
	// or last saved): only what they changed since base is written over
	// what is stored now, which team sync may have changed meanwhile. A
	// field changed on both sides takes the working copy's value and keeps
	// the stored one as an open conflict. A nil base is SaveWork.
	SaveWorkOnto(ctx context.Context, company CompanyID, base *Work, c *Company, assessment AssessmentID, a *Assessment) (AssessmentID, error)

	// ExportCompany returns the company and all its assessments as one document.
	ExportCompany(ctx context.Context, id CompanyID, now time.Time) (*Document, error)
	// ImportDocument stores a decoded document in one transaction.
	ImportDocument(ctx context.Context, doc *Document, mode ImportMode) (CompanyID, error)

	Settings(ctx context.Context) (*Settings, error)
	SaveSettings(ctx context.Context, s *Settings) error
}

// Settings are the organisation's branding and the user's preferences.
type Settings struct {
	Branding       Branding `json:"branding"`
	UILanguage     string   `json:"ui_language,omitempty"`
	ReportLanguage string   `json:"report_language,omitempty"`
	// PaperSize is "a4" or "letter".
	PaperSize string `json:"paper_size,omitempty"`
	// UsedBy is UsedByAdvisor or UsedByCompany: who brands the plans; empty
	// until the first start has asked.
	UsedBy string `json:"used_by,omitempty"`
}

// Who uses the app: an advisor, whose organisation brands the plans, or a
// company making its own plan.
const (
	UsedByAdvisor = "advisor"
	UsedByCompany = "company"
)

// Branding is what the PDF and the window show of the organisation.
type Branding struct {
	Organisation string `json:"organisation,omitempty"`
	// Logo is a PNG or JPEG image, nil when none.
	Logo         []byte `json:"-"`
	PrimaryColor string `json:"primary_color,omitempty"`
	AdvisorName  string `json:"advisor_name,omitempty"`
	AdvisorTitle string `json:"advisor_title,omitempty"`
	AdvisorEmail string `json:"advisor_email,omitempty"`
	AdvisorPhone string `json:"advisor_phone,omitempty"`
	FooterText   string `json:"footer_text,omitempty"`
}

// Work is what a company's working copies were made from: the company and
// the assessment being edited (nil for a new one not stored yet).
type Work struct {
	Company    Company
	Assessment *Assessment
}
