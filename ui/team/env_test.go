package team

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/internal/teamtest"
	"github.com/pomi-planner/pomi/internal/uitest"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/ui/kit"
)

// TestMain starts PostgreSQL for the tests against a real team server.
func TestMain(m *testing.M) {
	TuneClients = func(c *client.Client) { c.Backoff, c.MaxBackoff = time.Millisecond, 5*time.Millisecond }
	teamtest.Main(m)
}

const password = teamtest.Password

var bg = context.Background()

type server = teamtest.Server

func newServer(t *testing.T) *server { return teamtest.NewServer(t) }

// device is one advisor's data folder and window parts.
type device struct {
	t     *testing.T
	dir   string
	st    *store.Store
	deps  *kit.Deps
	clock *uitest.Clock
	svc   *Service
	loc   *locales.Localizer
	win   fyne.Window
}

func newDevice(t *testing.T, lang string) *device {
	t.Helper()
	test.NewTempApp(t)
	d := &device{t: t, dir: t.TempDir(), loc: locales.MustNew(lang)}
	var err error
	if d.st, err = store.Open(bg, d.dir); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.st.Close() })
	d.deps, d.clock = uitest.NewDeps(t)
	d.svc = New(d.deps, d.dir, d.st.SyncStore())
	t.Cleanup(d.svc.Stop)
	d.win = test.NewTempWindow(t, nil)
	d.win.Resize(fyne.NewSize(1000, 760))
	return d
}

// signIn signs the device in through the service.
func (d *device) signIn(e *server, email string) {
	d.t.Helper()
	var err error
	d.svc.SignIn(Credentials{Server: e.URL, Email: email, Password: password, Device: email + " laptop", CAFile: e.CAFile},
		func(e error) { err = e })
	if err != nil {
		d.t.Fatal(err)
	}
}

func (d *device) company(name string) app.CompanyID {
	d.t.Helper()
	id, err := d.st.CreateCompany(bg, &app.Company{Name: name})
	if err != nil {
		d.t.Fatal(err)
	}
	return id
}

func (d *device) companyNamed(name string) app.CompanyID {
	d.t.Helper()
	cs, err := d.st.Portfolio(bg)
	if err != nil {
		d.t.Fatal(err)
	}
	for _, c := range cs {
		if c.Company.Name == name {
			return c.ID
		}
	}
	d.t.Fatalf("no company %q", name)
	return 0
}

func (d *device) setEmail(id app.CompanyID, email string) {
	d.t.Helper()
	c, err := d.st.Company(bg, id)
	if err != nil {
		d.t.Fatal(err)
	}
	c.Contact.Email = email
	if err := d.st.UpdateCompany(bg, id, &c.Company); err != nil {
		d.t.Fatal(err)
	}
}
