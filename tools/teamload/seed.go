package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/server/auth"
	"github.com/pomi-planner/pomi/server/pgstore"
	"github.com/pomi-planner/pomi/server/wire"
	"github.com/pomi-planner/pomi/tools/fakeco"
)

// password is every simulated advisor's password.
const password = "load test password"

// cheapHash keeps 200 sign-ins quick: the server verifies with the
// parameters stored in the hash, and argon2id's real cost is not what
// this test measures.
var cheapHash = auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// templateCount is how many fictional companies go through the app's own
// SQLite store to give the documents their real shape.
const templateCount = 16

// template is one company's documents exactly as the app pushes them.
type template struct {
	company     map[string]json.RawMessage
	assessments []json.RawMessage
}

// company is one seeded company record, as an advisor's device holds it.
type company struct {
	id  string
	doc json.RawMessage
}

// org is one seeded organisation: its advisors' e-mails, the companies
// each advisor edits (by advisor index) and the last sequence number.
type org struct {
	id      int64
	emails  []string
	owned   [][]company
	lastSeq int64
}

// templates imports fictional companies into a throw-away SQLite store
// and reads back what its outbox would push, so the seeded documents are
// the app's own, byte for byte in shape.
func templates(ctx context.Context, perCompany int) ([]template, error) {
	docs, err := fakeco.WithHistory(templateCount, perCompany, 1, time.Now())
	if err != nil {
		return nil, fmt.Errorf("fictional companies: %w", err)
	}
	dir, err := os.MkdirTemp("", "pomi-teamload-tmpl-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	for _, d := range docs {
		if _, err := s.ImportDocument(ctx, d, app.ImportRefuseDuplicate); err != nil {
			return nil, fmt.Errorf("import template: %w", err)
		}
	}
	recs, err := s.SyncStore().Pending(ctx, templateCount*(perCompany+1))
	if err != nil {
		return nil, fmt.Errorf("template documents: %w", err)
	}
	return groupTemplates(recs)
}

// groupTemplates puts each company's assessments beside it.
func groupTemplates(recs []wire.PushRecord) ([]template, error) {
	index := map[string]int{}
	var out []template
	for _, r := range recs {
		if r.Kind != wire.KindCompany {
			continue
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(r.Doc, &m); err != nil {
			return nil, fmt.Errorf("template company: %w", err)
		}
		index[r.ID] = len(out)
		out = append(out, template{company: m})
	}
	for _, r := range recs {
		if i, ok := index[r.Company]; ok && r.Kind == wire.KindAssessment {
			out[i].assessments = append(out[i].assessments, r.Doc)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no template companies")
	}
	return out, nil
}

// companyDoc is template t's company renamed, so that no two companies
// in the load share a name.
func (t template) companyDoc(name string) (json.RawMessage, error) {
	m := make(map[string]json.RawMessage, len(t.company))
	for k, v := range t.company {
		m[k] = v
	}
	var err error
	if m["name"], err = json.Marshal(name); err != nil {
		return nil, err
	}
	return json.Marshal(m)
}

// name is the template company's name.
func (t template) name() string {
	var s string
	_ = json.Unmarshal(t.company["name"], &s)
	return s
}

// seedAccounts creates the organisations and their advisors.
func seedAccounts(ctx context.Context, db *pgstore.Store, cfg Config) ([]*org, [][]int64, error) {
	hash, err := auth.HashPassword(password, cheapHash)
	if err != nil {
		return nil, nil, err
	}
	orgs := make([]*org, cfg.Orgs)
	advisorIDs := make([][]int64, cfg.Orgs)
	for o := range orgs {
		rec, err := db.CreateOrganisation(ctx, fmt.Sprintf("Byrå %03d AB", o+1))
		if err != nil {
			return nil, nil, err
		}
		orgs[o] = &org{id: rec.ID, owned: make([][]company, cfg.AdvisorsPerOrg)}
		for a := range cfg.AdvisorsPerOrg {
			email := fmt.Sprintf("radgivare%d.%d@example.se", o+1, a+1)
			adv, err := db.AddAdvisor(ctx, rec.ID, fmt.Sprintf("Rådgivare %d.%d", o+1, a+1), email, hash)
			if err != nil {
				return nil, nil, err
			}
			orgs[o].emails = append(orgs[o].emails, email)
			advisorIDs[o] = append(advisorIDs[o], adv.ID)
		}
	}
	return orgs, advisorIDs, nil
}

// seedRecords writes every organisation's companies and assessments with
// COPY, as version 1 each, in sequence order: company, then its
// assessments. Advisor a of an organisation made (and edits) its
// companies a, a+n, a+2n, ...
func seedRecords(ctx context.Context, conn *pgx.Conn, cfg Config, tmpl []template, orgs []*org, advisorIDs [][]int64) error {
	cols := []string{"org_id", "id", "kind", "company_id", "version", "seq", "deleted", "doc", "created_by", "changed_by"}
	for o, og := range orgs {
		var rows [][]any
		for i := range cfg.CompaniesPerOrg {
			t := tmpl[(o*cfg.CompaniesPerOrg+i)%len(tmpl)]
			a := i % cfg.AdvisorsPerOrg
			by := advisorIDs[o][a]
			cid := newUUID()
			doc, err := t.companyDoc(fmt.Sprintf("%s %d-%d", t.name(), o+1, i+1))
			if err != nil {
				return err
			}
			og.lastSeq++
			rows = append(rows, []any{og.id, cid, string(wire.KindCompany), pgtype.UUID{}, int64(1), og.lastSeq, false, []byte(doc), by, by})
			og.owned[a] = append(og.owned[a], company{id: uuidString(cid), doc: doc})
			for _, ad := range t.assessments {
				og.lastSeq++
				rows = append(rows, []any{og.id, newUUID(), string(wire.KindAssessment), cid, int64(1), og.lastSeq, false, []byte(ad), by, by})
			}
		}
		if _, err := conn.CopyFrom(ctx, pgx.Identifier{"records"}, cols, pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("copy records of organisation %d: %w", og.id, err)
		}
		if _, err := conn.Exec(ctx, "UPDATE organisations SET last_seq = $2 WHERE id = $1", og.id, og.lastSeq); err != nil {
			return err
		}
	}
	_, err := conn.Exec(ctx, "ANALYZE")
	return err
}

// newUUID is a random (version 4) UUID.
func newUUID() pgtype.UUID {
	var u pgtype.UUID
	_, _ = rand.Read(u.Bytes[:])
	u.Bytes[6] = u.Bytes[6]&0x0f | 0x40
	u.Bytes[8] = u.Bytes[8]&0x3f | 0x80
	u.Valid = true
	return u
}

func uuidString(u pgtype.UUID) string {
	b := u.Bytes
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
