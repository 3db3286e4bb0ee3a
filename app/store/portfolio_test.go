package store

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/demo"
	"github.com/pomi-planner/pomi/app/ref"
)

// The portfolio is every company with exactly what Company and Assessments
// give for it: the demo companies with two assessments each, one of them
// with a follow-up and a back-dated assessment stored last (so the order is
// by date, not by when it was saved), and a company with no assessment.
func TestPortfolioGivesWhatCompanyAndAssessmentsGiveForEveryCompany(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	now := time.Now()
	loaded, err := demo.Load(ctx, s, ref.MustLoad(), now)
	if err != nil || len(loaded) != 3 {
		t.Fatalf("demo: %v, %v", loaded, err)
	}
	first := loaded[0].ID
	history, err := s.Assessments(ctx, first)
	if err != nil || len(history) < 2 {
		t.Fatalf("assessments of the first demo company: %d, %v", len(history), err)
	}
	next := app.FollowUp(&history[len(history)-1].Assessment, now)
	if len(next.Actions) > 0 {
		next.Actions[0].Actors = []string{"almi"}
	}
	if _, err := s.SaveAssessment(ctx, first, &next); err != nil {
		t.Fatal(err)
	}
	early := app.FollowUp(&history[0].Assessment, now)
	early.Date = "2001-02-03"
	early.Actions = nil
	if _, err := s.SaveAssessment(ctx, first, &early); err != nil {
		t.Fatal(err)
	}
	empty, err := s.CreateCompany(ctx, &app.Company{Name: "Utan Bedömning AB"})
	if err != nil {
		t.Fatal(err)
	}

	clients, err := s.Portfolio(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(clients) != 4 {
		t.Fatalf("%d clients, want 4", len(clients))
	}
	for i, c := range clients {
		if i > 0 && c.ID <= clients[i-1].ID {
			t.Errorf("client %d has id %d after %d: not by id", i, c.ID, clients[i-1].ID)
		}
		sc, err := s.Company(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.Company, sc.Company) {
			t.Errorf("company %d differs from Company:\n%+v\n%+v", c.ID, c.Company, sc.Company)
		}
		want, err := s.Assessments(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(c.Assessments, want) {
			t.Errorf("assessments of company %d differ from Assessments:\n%+v\n%+v", c.ID, c.Assessments, want)
		}
		switch c.ID {
		case first:
			if len(c.Assessments) != len(history)+2 || c.Assessments[0].Date != "2001-02-03" {
				t.Errorf("company %d: %d assessments, the first dated %s; want %d, the back-dated one first",
					c.ID, len(c.Assessments), c.Assessments[0].Date, len(history)+2)
			}
		case empty:
			if len(c.Assessments) != 0 {
				t.Errorf("the company without assessments has %d", len(c.Assessments))
			}
		}
	}
}

func TestPortfolioOfAnEmptyDatabaseIsEmpty(t *testing.T) {
	clients, err := openTemp(t).Portfolio(context.Background())
	if err != nil || len(clients) != 0 {
		t.Fatalf("%d clients, %v", len(clients), err)
	}
}
