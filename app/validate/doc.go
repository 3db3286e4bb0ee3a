// Package validate checks what people type and what files bring in, at the
// edge: names and texts, org.nr (with its check digit), e-mail, phone,
// website, postal code, country and language codes, numbers, counts,
// percentages, dates and years. Each check is a pure function that returns
// nil or a *FieldError with a code the window, the CLI and imported-file
// messages turn into words; the domain's types use them in their Validate.
package validate
