package store

import (
	"testing"

	"github.com/pomi-planner/pomi/app"
)

// BenchmarkSaveWork measures the window's autosave, with the sync triggers
// and without them, to show what they cost a device without a server.
func BenchmarkSaveWork(b *testing.B) {
	for _, triggers := range []bool{true, false} {
		name := map[bool]string{true: "with sync triggers", false: "without"}[triggers]
		b.Run(name, func(b *testing.B) {
			s, err := Open(bg, b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			if !triggers {
				for _, t := range []string{"companies_insert", "companies_update", "companies_delete", "assessments_insert",
					"assessments_update", "assessments_delete", "actions_insert", "actions_update", "actions_delete"} {
					if _, err := s.db.Exec("DROP TRIGGER sync_" + t); err != nil {
						b.Fatal(err)
					}
				}
			}
			doc, err := loadDemo("goteborg-medtech.json")
			if err != nil {
				b.Fatal(err)
			}
			id, err := s.CreateCompany(bg, &doc.Company)
			if err != nil {
				b.Fatal(err)
			}
			var aid app.AssessmentID
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if aid, err = s.SaveWork(bg, id, &doc.Company, aid, &doc.Assessments[1]); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
