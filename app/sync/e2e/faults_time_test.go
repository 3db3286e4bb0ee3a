package e2e

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/sync/client"
	"github.com/pomi-planner/pomi/server/selfsigned"
	"github.com/pomi-planner/pomi/server/wire"
)

// TestDeviceOfflineForWeeks: bo's laptop is away for five weeks while anna
// makes hundreds of changes, some to companies bo changes too; back, one
// round (pulling in several pages) brings both to the same documents.
func TestDeviceOfflineForWeeks(t *testing.T) {
	e := newEnv(t)
	weeks := 5 * 7 * 24 * time.Hour
	a := e.sqlDevice("anna@example.se", devOpts{base: e.srv.URL, keepAlive: true})
	b := e.sqlDevice("bo@example.se", devOpts{base: e.srv.URL, keepAlive: true})
	want := map[string]string{}
	newCompanies(a, want, "Delad", 20)
	shared := make([]string, 0, 20)
	for id := range want {
		shared = append(shared, id)
	}
	a.sync()
	b.sync()

	// Away: the server's view of bo's device ages five weeks.
	me, err := b.client.Me(ctx)
	must(t, err)
	e.sql(`UPDATE devices SET last_seen_at = last_seen_at - $2::interval, expires_at = expires_at - $2::interval
		WHERE id = $1`, me.DeviceID, fmt.Sprintf("%.0f hours", weeks.Hours()))
	for day := range 8 { // anna's working days: twenty new companies and a round each
		newCompanies(a, want, fmt.Sprintf("Dag %02d", day), 20)
		for _, id := range shared[day*2 : day*2+2] {
			for v := range 3 {
				want[id] = fmt.Sprintf("Delad dag %02d v%d", day, v)
				a.rename(id, want[id])
			}
		}
		a.sync()
	}
	for _, id := range shared[:10] { // bo's edits meanwhile, to another field
		b.setCity(id, "Växjö")
	}
	newCompanies(b, want, "Bo offline", 10)

	b.syncer.PullLimit = 50
	f := timed("device offline 5 weeks", b, nil, 1)
	a.sync()
	e.converged(want, a, b)
	recs, _ := e.serverState()
	for _, id := range shared[:10] {
		if !strings.Contains(string(recs[id].doc), `"city":"Växjö"`) {
			t.Errorf("bo's city of %s lost: %s", id, recs[id].doc)
		}
	}
	if exp := e.deviceExpiry(me.DeviceID); time.Until(exp) < 89*24*time.Hour {
		t.Errorf("bo's token expires %v: not extended on return", exp)
	}
	t.Logf("while bo was away anna made 208 edits (160 new companies, 48 renames) in 8 rounds; bo made 20 (10 new, 10 cities)")
	f.log(t)
}

// TestDeviceAwayPastTokenLife: away longer than the token lives, the
// round is refused as expired; the changes wait, and after signing in
// again the next round converges.
func TestDeviceAwayPastTokenLife(t *testing.T) {
	e := newEnv(t)
	a := e.sqlDevice("anna@example.se", devOpts{base: e.srv.URL, keepAlive: true})
	b := e.sqlDevice("bo@example.se", devOpts{base: e.srv.URL, keepAlive: true})
	want := map[string]string{}
	newCompanies(b, want, "Bo", 5)
	me, err := b.client.Me(ctx)
	must(t, err)
	e.sql("UPDATE devices SET last_seen_at = now() - interval '100 days', expires_at = now() - interval '10 days' WHERE id = $1", me.DeviceID)
	_, err = b.syncer.Sync(ctx)
	var ce *client.Error
	if !errors.Is(err, client.ErrUnauthorized) || !errors.As(err, &ce) || ce.Code != wire.ErrTokenExpired {
		t.Fatalf("round with an expired token: %v", err)
	}
	if p := b.pending(); p != 5 {
		t.Fatalf("%d pending, want 5", p)
	}
	resp, err := b.client.Login(ctx, "bo@example.se", password, "bo laptop")
	must(t, err)
	b.client.Token = resp.Token
	f := timed("token expired while away, signed in again", b, nil, 2)
	a.sync()
	e.converged(want, a, b)
	f.log(t)
}

// TestClockSkew: devices whose clocks are seven hours ahead and behind
// sync as if they were right, since what orders changes is the server's
// sequence, and what dates them (changed_at, token expiry) is the
// server's clock; only the device's own "last synced" is in its time.
func TestClockSkew(t *testing.T) {
	e := newEnv(t)
	e.cert = longCert(t) // a certificate valid for months, like a real one
	e.start()
	skew := 7 * time.Hour
	ahead := func() time.Time { return time.Now().Add(skew) }
	behind := func() time.Time { return time.Now().Add(-skew) }
	start := time.Now()
	a := e.sqlDevice("anna@example.se", devOpts{base: e.srv.URL, keepAlive: true, now: ahead})
	b := e.sqlDevice("bo@example.se", devOpts{base: e.srv.URL, keepAlive: true, now: behind})
	want := map[string]string{}
	newCompanies(a, want, "Före", 5)
	newCompanies(b, want, "Efter", 5)
	a.sync()
	b.sync()
	a.sync()
	for id, name := range want { // each renames the other's companies
		d := map[bool]*sqlDevice{true: a, false: b}[strings.HasPrefix(name, "Efter")]
		want[id] = name + " ändrad"
		d.rename(id, want[id])
	}
	a.sync()
	f := timed("clocks skewed ±7 h", b, nil, 1)
	a.sync()
	e.converged(want, a, b)
	f.log(t)
	sa, sb := a.sync(), b.sync()
	if d := time.Until(sa.LastSynced); d < skew-time.Minute || d > skew+time.Minute {
		t.Errorf("a's last synced is %v from now, want its clock's +7 h", d)
	}
	if d := time.Until(sb.LastSynced); d > -skew+time.Minute || d < -skew-time.Minute {
		t.Errorf("b's last synced is %v from now, want its clock's −7 h", d)
	}
	e.serverTimesInOrder(start)
	me, err := a.client.Me(ctx)
	must(t, err)
	if d := time.Until(e.deviceExpiry(me.DeviceID)); d < 89*24*time.Hour || d > 90*24*time.Hour+time.Minute {
		t.Errorf("a's token lives %v by the server's clock, want 90 days", d)
	}

	// A clock more than an hour behind refuses pomi-server's own
	// throw-away certificate (valid from an hour ago): reported as such.
	test, err := selfsigned.New()
	must(t, err)
	e.cert = test
	e.start()
	c := client.New(e.srv.URL, e.transport(behind, false), "")
	if _, err := c.Login(ctx, "anna@example.se", password, "x"); !errors.Is(err, client.ErrCertificate) {
		t.Errorf("clock 7 h behind, certificate from 1 h ago: %v", err)
	}
}

// serverTimesInOrder checks that every record's changed_at is the
// server's time during the test and grows with the sequence.
func (e *env) serverTimesInOrder(start time.Time) {
	e.t.Helper()
	conn, err := pgx.Connect(ctx, e.url)
	must(e.t, err)
	defer conn.Close(ctx)
	rows, err := conn.Query(ctx, "SELECT changed_at FROM records WHERE org_id = $1 ORDER BY seq", e.org.ID)
	must(e.t, err)
	times, err := pgx.CollectRows(rows, pgx.RowTo[time.Time])
	must(e.t, err)
	prev := start.Add(-2 * time.Second)
	for i, at := range times {
		if at.Before(prev) || at.After(time.Now().Add(2*time.Second)) {
			e.t.Errorf("record %d changed at %v, after %v and before now expected", i, at, prev)
		}
		prev = at
	}
}

func (e *env) deviceExpiry(id int64) time.Time {
	e.t.Helper()
	conn, err := pgx.Connect(ctx, e.url)
	must(e.t, err)
	defer conn.Close(ctx)
	var exp time.Time
	must(e.t, conn.QueryRow(ctx, "SELECT expires_at FROM devices WHERE id = $1", id).Scan(&exp))
	return exp
}

// setCity changes a company's city through the store.
func (d *sqlDevice) setCity(gid, city string) {
	d.t.Helper()
	id, ok, err := d.x.LocalID(ctx, gid)
	if err != nil || !ok {
		d.t.Fatalf("%s: no company %s (%v)", d.login, gid, err)
	}
	c, err := d.st.Company(ctx, app.CompanyID(id))
	must(d.t, err)
	c.Address.City = city
	must(d.t, d.st.UpdateCompany(ctx, app.CompanyID(id), &c.Company))
}

// longCert is a self-signed certificate for 127.0.0.1 valid from a month
// ago for a year, as a real server's would be.
func longCert(t *testing.T) *selfsigned.Cert {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: "pomi-server skew test"},
		NotBefore: time.Now().AddDate(0, -1, 0), NotAfter: time.Now().AddDate(1, 0, 0),
		KeyUsage:    x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}, BasicConstraintsValid: true, IsCA: true,
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	must(t, err)
	keyDER, err := x509.MarshalPKCS8PrivateKey(key)
	must(t, err)
	c := &selfsigned.Cert{
		CertPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		KeyPEM:  pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}),
	}
	c.TLS, err = tls.X509KeyPair(c.CertPEM, c.KeyPEM)
	must(t, err)
	c.Pool = x509.NewCertPool()
	c.Pool.AppendCertsFromPEM(c.CertPEM)
	return c
}
