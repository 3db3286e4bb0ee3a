package pgstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/pomi-planner/pomi/internal/pgtest"
	"github.com/pomi-planner/pomi/server/pgstore"
)

func migrated(t *testing.T) *pgstore.Store {
	t.Helper()
	s := open(t, pgtest.NewDB(t))
	if _, err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestAccountsAndDevices(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	org, err := s.CreateOrganisation(ctx, "Rådgivarna AB")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateOrganisation(ctx, "Rådgivarna AB"); !errors.Is(err, pgstore.ErrExists) {
		t.Errorf("second organisation with the name: %v", err)
	}
	for _, ref := range []string{"Rådgivarna AB", "1"} {
		if o, err := s.FindOrganisation(ctx, ref); err != nil || o.ID != org.ID {
			t.Errorf("find %q = %+v %v", ref, o, err)
		}
	}
	if _, err := s.FindOrganisation(ctx, "Okänd"); !errors.Is(err, pgstore.ErrNotFound) {
		t.Errorf("find unknown: %v", err)
	}
	a, err := s.AddAdvisor(ctx, org.ID, "Anna", "anna@example.se", "hash")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAdvisor(ctx, org.ID, "Anna 2", "anna@example.se", "hash"); !errors.Is(err, pgstore.ErrExists) {
		t.Errorf("second advisor with the e-mail: %v", err)
	}
	d, err := s.CreateDevice(ctx, org.ID, a.ID, "laptop", []byte("0123456789abcdef0123456789abcdef"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.Authenticate(ctx, []byte("0123456789abcdef0123456789abcdef"))
	if err != nil || p.DeviceID != d.ID || p.AdvisorID != a.ID || p.OrgID != org.ID {
		t.Fatalf("authenticate = %+v %v", p, err)
	}
	if _, err := s.Authenticate(ctx, []byte("nope")); !errors.Is(err, pgstore.ErrTokenUnknown) {
		t.Errorf("unknown token: %v", err)
	}
	org2, _ := s.CreateOrganisation(ctx, "Andra AB")
	if _, err := s.RevokeDevice(ctx, org2.ID, d.ID); !errors.Is(err, pgstore.ErrNotFound) {
		t.Errorf("revoke another organisation's device: %v", err)
	}
	if r, err := s.RevokeDevice(ctx, org.ID, d.ID); err != nil || !r.Revoked {
		t.Errorf("revoke = %+v %v", r, err)
	}
	if _, err := s.Authenticate(ctx, []byte("0123456789abcdef0123456789abcdef")); !errors.Is(err, pgstore.ErrDeviceRevoked) {
		t.Errorf("revoked: %v", err)
	}
	if _, err := s.SetAdvisorDisabled(ctx, "anna@example.se", true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateDevice(ctx, org.ID, a.ID, "new", []byte("another hash")); !errors.Is(err, pgstore.ErrNotFound) {
		t.Errorf("device for a disabled advisor: %v", err)
	}
	if adv, err := s.ListAdvisors(ctx, org.ID); err != nil || len(adv) != 1 || !adv[0].Disabled {
		t.Errorf("advisors = %+v %v", adv, err)
	}
	if devs, err := s.ListDevices(ctx, org.ID, "anna@example.se"); err != nil || len(devs) != 1 || devs[0].AdvisorEmail != "anna@example.se" {
		t.Errorf("devices = %+v %v", devs, err)
	}
}

func TestAdvisorNamesAreTheOrganisationsOwn(t *testing.T) {
	ctx := context.Background()
	s := migrated(t)
	org, _ := s.CreateOrganisation(ctx, "Rådgivarna AB")
	other, _ := s.CreateOrganisation(ctx, "Andra AB")
	anna, err := s.AddAdvisor(ctx, org.ID, "Anna Berg", "anna@example.se", "hash")
	if err != nil {
		t.Fatal(err)
	}
	bo, _ := s.AddAdvisor(ctx, org.ID, "Bo Ek", "bo@example.se", "hash")
	eve, _ := s.AddAdvisor(ctx, other.ID, "Eve", "eve@example.se", "hash")
	got, err := s.AdvisorNames(ctx, org.ID, []int64{anna.ID, bo.ID, eve.ID, 9999})
	if err != nil || len(got) != 2 || got[anna.ID] != "Anna Berg" || got[bo.ID] != "Bo Ek" {
		t.Errorf("names = %v %v", got, err)
	}
	if got, err := s.AdvisorNames(ctx, org.ID, nil); err != nil || got == nil || len(got) != 0 {
		t.Errorf("no ids = %v %v", got, err)
	}
}
