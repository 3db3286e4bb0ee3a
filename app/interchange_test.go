package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app/ref"
)

// A rating in a company file is 1–5, 0 for "don't know" (what the app itself
// exports for that answer; it counts in no score), or left out when it was
// not assessed. null is refused: Go would read it as 0, an answer nobody gave.
// docs/method.md and the README say the same.
func TestImportedRatingsNullZeroAndAbsent(t *testing.T) {
	d := ref.MustLoad()
	file := func(statements, competences string) string {
		return `{"format":"pomi-planner/company","version":1,"company":{"name":"A"},"assessments":[{"date":"2026-01-01",` +
			`"modes":[{"mode":"importing","status":"current"}],` +
			`"statement_ratings":{` + statements + `},"competence_ratings":{` + competences + `}}]}`
	}
	refused := map[string]struct{ in, field string }{
		"null statement":  {file(`"P1":4,"P2":null`, `"purchasing":3`), "assessments[0].statement_ratings.P2"},
		"null competence": {file(`"P1":4`, `"purchasing":null`), "assessments[0].competence_ratings.purchasing"},
		"six":             {file(`"P1":6`, ``), "assessments[0].statement_ratings.P1"},
		"minus one":       {file(`"P1":4`, `"purchasing":-1`), "assessments[0].competence_ratings.purchasing"},
	}
	for name, c := range refused {
		_, err := Decode(strings.NewReader(c.in), d, engineNow)
		fes := validate.FieldErrors(err)
		if len(fes) != 1 || fes[0].Field != c.field || fes[0].Code != validate.CodeRating {
			t.Errorf("%s: %v, want one %s error for %s", name, err, validate.CodeRating, c.field)
		}
	}
	for name, in := range map[string]string{"a fraction": file(`"P1":2.5`, ``), "text": file(`"P1":"3"`, ``)} {
		_, err := Decode(strings.NewReader(in), d, engineNow)
		var p *JSONProblem
		if !errors.As(err, &p) || p.Kind != JSONType || p.Want != "integer" || strings.Contains(err.Error(), " int") {
			t.Errorf("%s: %v, want a JSON type problem naming a whole number, no Go type", name, err)
		}
	}

	doc, err := Decode(strings.NewReader(file(`"P1":4,"P2":0`, `"purchasing":0`)), d, engineNow)
	if err != nil {
		t.Fatalf("0 is \"don't know\" and accepted: %v", err)
	}
	a := &doc.Assessments[0]
	if r, ok := a.StatementRatings["P2"]; !ok || r != DontKnow {
		t.Errorf("P2 = %d, %v; want kept as don't know", r, ok)
	}
	p := ScoreDimensions(d, a)[0]
	if p.Answered != 1 || p.DontKnow != 1 || *p.Score != RatingScore(4) {
		t.Errorf("P with 4 and don't know: %+v, want the don't know left out of the score", p)
	}
	absent, err := Decode(strings.NewReader(file(`"P1":4`, ``)), d, engineNow)
	if err != nil {
		t.Fatal(err)
	}
	q := ScoreDimensions(d, &absent.Assessments[0])[0]
	if q.Answered != 1 || q.DontKnow != 0 || *q.Score != *p.Score {
		t.Errorf("P with 4 and P2 absent: %+v, want the same score as with don't know", q)
	}
	for _, g := range []CompetenceGap{rateGap(CompetenceGap{Competence: "purchasing", Required: 4}, a.CompetenceRatings),
		rateGap(CompetenceGap{Competence: "purchasing", Required: 4}, absent.Assessments[0].CompetenceRatings)} {
		if !g.Unrated || g.Gap != nil {
			t.Errorf("a competence rated 0 or absent: %+v, want flagged unrated with no gap", g)
		}
	}
}
