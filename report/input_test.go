package report

import (
	"reflect"
	"testing"
	"time"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/ref"
	"github.com/pomi-planner/pomi/report/layout"
)

func TestInputForCarriesEveryPartOfThePlan(t *testing.T) {
	plan := &app.Plan{
		Company:    app.Company{Name: "Smålands Trä AB"},
		Assessment: app.Assessment{Date: "2025-09-30"},
		Previous:   &app.Assessment{Date: "2025-03-01"},
		Ref:        ref.MustLoad(),
		Texts:      map[string]string{"actor.org_x.name": "Vår rådgivare"},
		Branding:   app.Branding{Organisation: "Exportkontoret Syd"},
		ClientLogo: []byte{0x89, 'P', 'N', 'G'},
		Paper:      layout.PaperLetter,
		Language:   "sv",
	}
	created := time.Date(2025, 10, 1, 9, 30, 0, 0, time.UTC)
	in := InputFor(plan, created)
	want := &Input{
		Company: plan.Company, Assessment: plan.Assessment, Previous: plan.Previous, Ref: plan.Ref,
		Texts: plan.Texts, Branding: plan.Branding, ClientLogo: plan.ClientLogo, Paper: layout.PaperLetter,
		Created: created, Version: app.Version,
	}
	if !reflect.DeepEqual(in, want) {
		t.Errorf("InputFor = %+v\nwant %+v", in, want)
	}
	// A field added to Input that InputFor leaves empty fails here.
	v := reflect.ValueOf(*in)
	for i := range v.NumField() {
		if v.Field(i).IsZero() {
			t.Errorf("InputFor leaves Input.%s empty", v.Type().Field(i).Name)
		}
	}
}
