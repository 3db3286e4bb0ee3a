package app

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/pomi-planner/pomi/app/ref"
)

// seedDocuments are small handcrafted company files for FuzzDecodeInterchange.
var seedDocuments = []string{
	`{"format":"pomi-planner/company","version":1,"company":{"name":"A"},"assessments":[]}`,
	`{"format":"pomi-planner/company","version":1,"company":{"name":"A"}}`,
	`{"format":"pomi-planner/company","version":1,"exported":"2026-01-02T03:04:05+01:00",` +
		`"company":{"name":"Acme","org_nr":"5560360793","website":"acme.se","employees":12,` +
		`"export_share":12.5,"current_markets":["NO"],"experience":{"languages":["sv"],"travel":"frequent"},` +
		`"contact":{"email":"a@acme.se","phone":"+46 8 123 45"},"address":{"postal_code":"123 45","county":"AB"}},` +
		`"assessments":[{"date":"2026-01-02","modes":[],"competence_ratings":{},"statement_ratings":{},` +
		`"barriers":{},"checklist":{},"targets":{"P":50},"actions":[{"title":"T","status":"open",` +
		`"priority":"low","source":"custom"}]}]}`,
	`{"format":"pomi-planner/company","version":2,"company":{"name":"A"}}`,
	`{"format":"pomi-planner/company","version":1,"company":{"name":""}}`,
	`{"format":"pomi-planner/company","version":1,"company":{"name":"A","org_nr":"x"},"extra":1}`,
	`{"format":"pomi-planner/company","version":1,"company":{"name":"A"},"assessments":[{"date":"2026-13-01","targets":{"X":500}}]}`,
	`{"format":"pomi-planner/company","version":1,"company":{"name":"A"}} trailing`,
	`{}`, `[]`, `null`, `""`, ``,
}

func FuzzDecodeInterchange(f *testing.F) {
	d := ref.MustLoad()
	// Example files, when another part of the project provides them.
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "*.json"))
	for _, name := range files {
		raw, err := os.ReadFile(name)
		if err != nil {
			continue // removed meanwhile
		}
		f.Add(raw)
	}
	for _, s := range seedDocuments {
		f.Add([]byte(s))
	}
	full := NewDocument(validCompany(), []Assessment{validAssessment(d)}, testNow)
	f.Add(encodeDoc(f, full))

	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Decode(bytes.NewReader(data), d, testNow)
		if err != nil {
			if doc != nil {
				t.Fatalf("Decode returned both a document and error %v", err)
			}
			return
		}
		if doc == nil {
			t.Fatal("Decode returned neither a document nor an error")
		}
		var first bytes.Buffer
		if err := doc.Encode(&first); err != nil {
			t.Fatalf("Encode of an accepted document: %v", err)
		}
		doc2, err := Decode(bytes.NewReader(first.Bytes()), d, testNow)
		if err != nil {
			t.Fatalf("Decode of a re-encoded document: %v\n%s", err, first.Bytes())
		}
		var second bytes.Buffer
		if err := doc2.Encode(&second); err != nil {
			t.Fatalf("second Encode: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("re-encoding is not stable:\n%s\n---\n%s", first.Bytes(), second.Bytes())
		}
	})
}
