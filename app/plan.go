package app

import (
	"context"
	"errors"
	"fmt"
	"sort"

	"github.com/pomi-planner/pomi/app/ref"
)

// PlanSource is what MakePlan reads from storage; *store.Store is one.
type PlanSource interface {
	Settings(ctx context.Context) (*Settings, error)
	// Reference returns the reference data with the organisation's own
	// items and a function giving their texts in a language.
	Reference(ctx context.Context) (*ref.Data, func(lang string) map[string]string, error)
	Company(ctx context.Context, id CompanyID) (*StoredCompany, error)
	// Assessments returns a company's assessments, oldest first.
	Assessments(ctx context.Context, company CompanyID) ([]StoredAssessment, error)
	// Logo returns the company's logo, nil when it has none.
	Logo(ctx context.Context, id CompanyID) ([]byte, error)
}

// PlanRequest says which company's plan to make, of which assessment and in
// which language.
type PlanRequest struct {
	Company CompanyID
	// Assessment is the stored assessment the plan is for; when it is 0,
	// Date picks it ("" for the latest).
	Assessment AssessmentID
	Date       string
	// Language is the language chosen for this plan, "" when none was;
	// Fallback is the one to use when neither it nor the saved report
	// language is supported (the user's locale, or the window's language).
	Language string
	Fallback string
	// Supported reports whether the app speaks a language (locales.Supported);
	// nil accepts every language that is not "".
	Supported func(lang string) bool
}

// Plan is everything an action plan is made from, in domain values: what
// report.InputFor turns into the report's input.
type Plan struct {
	Company Company
	// Assessment is the visit the plan is for; Previous the one before it,
	// nil when there is none.
	Assessment Assessment
	Previous   *Assessment
	Ref        *ref.Data
	// Texts are the organisation's own items' texts in Language.
	Texts    map[string]string
	Branding Branding
	// ClientLogo is the company's logo as stored, nil when none.
	ClientLogo []byte
	// Paper is the saved paper size, "" when none was saved.
	Paper string
	// Language is the plan's language, chosen by PlanLanguage.
	Language string
}

// NoAssessmentError says that a company has no assessment, or none of the
// date or id asked for. It wraps ErrNotFound.
type NoAssessmentError struct {
	// Company is the company's name, "" when not known.
	Company string
	// Date or ID is what was asked for; both are empty for "any".
	Date string
	ID   AssessmentID
}

// Error says what is missing, with the company's name when known.
func (e *NoAssessmentError) Error() string {
	msg := "no assessment"
	switch {
	case e.ID != 0:
		msg = fmt.Sprintf("no assessment with id %d", e.ID)
	case e.Date != "":
		msg = "no assessment dated " + e.Date
	}
	if e.Company != "" {
		return e.Company + ": " + msg
	}
	return msg
}

// Unwrap makes errors.Is(err, ErrNotFound) hold.
func (e *NoAssessmentError) Unwrap() error { return ErrNotFound }

// PlanLanguage is the one rule for a plan's language: the chosen language
// when supported, else the saved report language when supported, else the
// fallback as given. A nil supported accepts every language that is not "".
func PlanLanguage(chosen, saved, fallback string, supported func(lang string) bool) string {
	ok := func(lang string) bool {
		return lang != "" && (supported == nil || supported(lang))
	}
	switch {
	case ok(chosen):
		return chosen
	case ok(saved):
		return saved
	}
	return fallback
}

// MakePlan reads what the plan of req.Company is made from: the company, the
// assessment asked for and the one before it, the reference data and the
// organisation's own texts in the plan's language, the saved branding and
// paper, and the company's logo. A missing assessment is a
// *NoAssessmentError naming the company.
func MakePlan(ctx context.Context, src PlanSource, req PlanRequest) (*Plan, error) {
	fail := func(err error) error { return fmt.Errorf("plan for company %d: %w", req.Company, err) }
	settings, err := src.Settings(ctx)
	if err != nil {
		return nil, fail(err)
	}
	p := &Plan{
		Branding: settings.Branding, Paper: settings.PaperSize,
		Language: PlanLanguage(req.Language, settings.ReportLanguage, req.Fallback, req.Supported),
	}
	d, texts, err := src.Reference(ctx)
	if err != nil {
		return nil, fail(err)
	}
	p.Ref, p.Texts = d, texts(p.Language)
	c, err := src.Company(ctx, req.Company)
	if err != nil {
		return nil, fail(err)
	}
	p.Company = c.Company
	stored, err := src.Assessments(ctx, req.Company)
	if err != nil {
		return nil, fail(err)
	}
	current, previous, err := selectStored(stored, req.Assessment, req.Date)
	if err != nil {
		var none *NoAssessmentError
		if errors.As(err, &none) {
			none.Company = p.Company.Name
		}
		return nil, err
	}
	p.Assessment, p.Previous = *current, previous
	if p.ClientLogo, err = src.Logo(ctx, req.Company); err != nil && !errors.Is(err, ErrNotFound) {
		return nil, fail(err)
	}
	return p, nil
}

// SelectAssessment returns the assessment of date (the latest when date is
// "") and the one dated before it, nil when there is none. Assessments of the
// same date keep their order. The pointers point into as; a missing
// assessment is a *NoAssessmentError.
func SelectAssessment(as []Assessment, date string) (current, previous *Assessment, err error) {
	var match func(i int) bool
	if date != "" {
		match = func(i int) bool { return as[i].Date == date }
	}
	cur, prev, ok := choose(byDate(len(as), func(i int) string { return as[i].Date }), match)
	if !ok {
		return nil, nil, &NoAssessmentError{Date: date}
	}
	return &as[cur], assessmentAt(as, prev), nil
}

// selectStored is SelectAssessment over stored assessments, picking by id
// when id is not 0. It returns copies.
func selectStored(list []StoredAssessment, id AssessmentID, date string) (current, previous *Assessment, err error) {
	as := make([]Assessment, len(list))
	for i := range list {
		as[i] = list[i].Assessment
	}
	if id == 0 {
		return SelectAssessment(as, date)
	}
	order := byDate(len(list), func(i int) string { return list[i].Date })
	cur, prev, ok := choose(order, func(i int) bool { return list[i].ID == id })
	if !ok {
		return nil, nil, &NoAssessmentError{ID: id}
	}
	return &as[cur], assessmentAt(as, prev), nil
}

// byDate returns the indices of n assessments, oldest first, those of the
// same date in their given order.
func byDate(n int, date func(i int) string) []int {
	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return date(order[a]) < date(order[b]) })
	return order
}

// choose returns the first index in order that match accepts (the last index
// when match is nil) and the index before it in order, -1 when it is the
// first; ok is false when there is none.
func choose(order []int, match func(i int) bool) (current, previous int, ok bool) {
	previous = -1
	if match == nil {
		n := len(order)
		if n == 0 {
			return 0, -1, false
		}
		if n > 1 {
			previous = order[n-2]
		}
		return order[n-1], previous, true
	}
	for _, i := range order {
		if match(i) {
			return i, previous, true
		}
		previous = i
	}
	return 0, -1, false
}

// assessmentAt returns &as[i], nil when i is -1.
func assessmentAt(as []Assessment, i int) *Assessment {
	if i < 0 {
		return nil
	}
	return &as[i]
}
