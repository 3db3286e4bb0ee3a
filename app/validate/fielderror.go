package validate

import (
	"errors"
	"strings"
)

// FieldError says why one field's value was refused. Code names a message
// ("error.<code>") so the screen can show it in the user's language; Field is
// the JSON name of the field, e.g. "contact.email".
type FieldError struct {
	Field string
	Code  string
}

// Error returns an English line for logs: "contact.email: invalid_email".
func (e *FieldError) Error() string {
	if e.Field == "" {
		return e.Code
	}
	return e.Field + ": " + e.Code
}

// MessageID returns the id of the message that explains the error.
func (e *FieldError) MessageID() string { return "error." + e.Code }

// Error codes of the validators; each has a message error.<code>.
const (
	CodeRequired     = "required"
	CodeTooLong      = "too_long"
	CodeOrgNrFormat  = "orgnr_format"
	CodeOrgNrCheck   = "orgnr_checksum"
	CodeEmail        = "invalid_email"
	CodePhone        = "invalid_phone"
	CodeURL          = "invalid_url"
	CodeYear         = "invalid_year"
	CodeNumber       = "invalid_number"
	CodeNegative     = "negative"
	CodePercent      = "invalid_percent"
	CodeCountry      = "unknown_country"
	CodeLanguage     = "unknown_language"
	CodePostalCode   = "invalid_postal_code"
	CodeUnknownValue = "unknown_value"
	CodeDate         = "invalid_date"
	CodeRating       = "invalid_rating"
	CodeTarget       = "invalid_target"
	CodeControlChars = "control_characters"
	CodeColor        = "invalid_colour"
)

// ErrorCodes lists every code above, so a test can prove each has a message.
var ErrorCodes = []string{
	CodeRequired, CodeTooLong, CodeOrgNrFormat, CodeOrgNrCheck, CodeEmail, CodePhone, CodeURL, CodeYear,
	CodeNumber, CodeNegative, CodePercent, CodeCountry, CodeLanguage, CodePostalCode, CodeUnknownValue,
	CodeDate, CodeRating, CodeTarget, CodeControlChars, CodeColor,
}

// Err builds a *FieldError.
func Err(field, code string) error { return &FieldError{Field: field, Code: code} }

// InField returns err with every field error's name prefixed by field and a
// dot: inField("contact", error for "email") is an error for "contact.email".
// Errors that are not *FieldError values pass through unchanged.
func InField(field string, err error) error {
	if err == nil {
		return nil
	}
	fes := FieldErrors(err)
	if len(fes) == 0 {
		return err
	}
	out := make([]error, len(fes))
	for i, fe := range fes {
		name := field
		if fe.Field != "" {
			name = strings.TrimPrefix(field+"."+fe.Field, ".")
		}
		out[i] = &FieldError{Field: name, Code: fe.Code}
	}
	return errors.Join(out...)
}

// FieldErrors unpacks the *FieldError values in err, which may be a join.
func FieldErrors(err error) []*FieldError {
	if err == nil {
		return nil
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*FieldError
		for _, inner := range j.Unwrap() {
			out = append(out, FieldErrors(inner)...)
		}
		return out
	}
	if fe, ok := err.(*FieldError); ok {
		return []*FieldError{fe}
	}
	if w, ok := err.(interface{ Unwrap() error }); ok {
		return FieldErrors(w.Unwrap())
	}
	return nil
}
