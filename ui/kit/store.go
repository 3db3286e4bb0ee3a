package kit

import (
	"context"
	"log"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/portfolio"
	"github.com/pomi-planner/pomi/app/ref"
)

// Store is what the screens need from the database: the domain's
// Repository plus logos, the organisation's own reference items, backups and
// the file's location. *store.Store implements it.
type Store interface {
	app.Repository
	// Logo returns a company's own logo; app.ErrNotFound when it has none.
	Logo(ctx context.Context, id app.CompanyID) ([]byte, error)
	// SetLogo stores a company's logo; nil removes it.
	SetLogo(ctx context.Context, id app.CompanyID, logo []byte) error
	// Reference returns the reference data with the organisation's own
	// actors and recommendations, and their texts per language.
	Reference(ctx context.Context) (*ref.Data, func(lang string) map[string]string, error)
	// BackupNow writes a backup and returns its path.
	BackupNow(ctx context.Context, reason string) (string, error)
	// Restore replaces the database with a backup, after backing up the current one.
	Restore(ctx context.Context, backup string) error
	// Path is the database file.
	Path() string
	// Portfolio returns every company with every assessment, by id.
	Portfolio(ctx context.Context) ([]portfolio.Client, error)
	// PortfolioOf returns the companies with these ids as Portfolio does.
	PortfolioOf(ctx context.Context, ids []app.CompanyID) ([]portfolio.Client, error)
	// Changes returns every company's id and last change, by id.
	Changes(ctx context.Context) ([]portfolio.Stamp, error)
}

// LogError writes the detail of a failure to the log; the user sees a short
// translated message.
func LogError(what string, err error) {
	if err != nil {
		log.Printf("pomi: %s: %v", what, err)
	}
}
