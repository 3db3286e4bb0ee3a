package main

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"

	"github.com/pomi-planner/pomi/app/store/backups"

	"github.com/pomi-planner/pomi/app/validate"

	"github.com/pomi-planner/pomi/app"
	"github.com/pomi-planner/pomi/app/store"
	"github.com/pomi-planner/pomi/locales"
	"github.com/pomi-planner/pomi/report"
)

// msgError is an error the user reads in their language: id names a message
// in locales/cli.*.toml (or another message file) and data fills it in; a
// value in data that is an error is itself described in that language.
// Error() is the English line for tests and logs, cause keeps errors.Is and
// errors.As working.
type msgError struct {
	id    string
	data  map[string]any
	text  string
	cause error
}

func (e *msgError) Error() string { return e.text }
func (e *msgError) Unwrap() error { return e.cause }

// failure returns a *msgError whose English line is text.
func failure(cause error, id string, data map[string]any, text string) error {
	return &msgError{id: id, data: data, text: text, cause: cause}
}

// usageFailure is failure for a mistake in the command line (exit code 2).
func usageFailure(id string, data map[string]any, format string, a ...any) error {
	return failure(errUsage, id, data, fmt.Sprintf("%s: "+format, append([]any{errUsage}, a...)...))
}

func (e *msgError) in(l *locales.Localizer) string {
	data := make(map[string]any, len(e.data))
	for k, v := range e.data {
		switch v := v.(type) {
		case osReason:
			data[k] = reason(v.err, l)
		case choices:
			data[k] = v.in(l)
		case error:
			data[k] = describe(v, l)
		default:
			data[k] = v
		}
	}
	return l.Tf(e.id, data)
}

// describe says in l's language what went wrong: the localised message of
// the error, never an error code or a Go type.
func describe(err error, l *locales.Localizer) string {
	var msg *msgError
	switch {
	case errors.As(err, &msg):
		return msg.in(l)
	case len(validate.FieldErrors(err)) > 0:
		return fieldProblems(validate.FieldErrors(err), l)
	}
	// Tried in this order: a store or file error may wrap a more telling one.
	for _, problem := range []func(error, *locales.Localizer) (string, bool){fileProblem, storeProblem, writeProblem} {
		if s, ok := problem(err, l); ok {
			return s
		}
	}
	return l.Tf("cli.error.other", map[string]any{"Detail": oneLine(err.Error())})
}

// fileProblem describes what is wrong with a company file being imported.
func fileProblem(err error, l *locales.Localizer) (string, bool) {
	var problem *app.JSONProblem
	switch {
	case errors.Is(err, app.ErrTooLarge):
		return l.Tf("cli.error.file_too_large", map[string]any{"MB": app.MaxInterchangeSize >> 20}), true
	case errors.Is(err, app.ErrNewerFormat):
		return l.T("cli.error.newer_file"), true
	case errors.As(err, &problem) && problem.Kind == app.JSONSyntax:
		return l.Tf("cli.error.json_syntax", map[string]any{"Offset": problem.Offset}), true
	case errors.Is(err, app.ErrNotInterchange):
		return l.T("cli.error.not_company_file"), true
	case errors.As(err, &problem) && problem.Kind == app.JSONType:
		return l.Tf("cli.error.json_type", map[string]any{"Field": problem.Field, "Want": l.T("cli.json." + problem.Want)}), true
	case errors.As(err, &problem) && problem.Kind == app.JSONUnknownField:
		return l.Tf("cli.error.unknown_field", map[string]any{"Field": problem.Field}), true
	}
	return "", false
}

// storeProblem describes why the database could not be opened, read or
// written.
func storeProblem(err error, l *locales.Localizer) (string, bool) {
	var (
		locked  *store.LockedError
		corrupt *store.CorruptError
		newer   *store.NewerError
		full    *backups.NoSpaceError
	)
	switch {
	case errors.Is(err, app.ErrNotFound):
		return l.T("cli.error.not_found"), true
	case errors.As(err, &full):
		return l.Tf("ui.store.no_space", map[string]any{"MB": backups.MegabytesUp(full.Need)}), true
	case errors.As(err, &locked):
		return l.Tf("cli.error.db_locked", map[string]any{"Path": locked.Path}), true
	case errors.As(err, &corrupt):
		return corruptProblem(corrupt, l), true
	case errors.As(err, &newer):
		return l.T("ui.store.newer"), true
	case errors.Is(err, store.ErrDatabaseExists):
		return l.T("cli.error.db_exists"), true
	}
	return "", false
}

// writeProblem describes why a plan, the data folder or another file could
// not be written or opened.
func writeProblem(err error, l *locales.Localizer) (string, bool) {
	var (
		write *report.WriteError
		path  *fs.PathError
	)
	switch {
	case errors.As(err, &write):
		return l.Tf("cli.error.write_plan", map[string]any{"Path": write.Path, "Reason": reason(write.Err, l)}), true
	case errors.As(err, &path) && strings.HasPrefix(err.Error(), "create data folder "):
		return l.Tf("cli.error.data_folder", map[string]any{"Path": path.Path, "Reason": reason(path, l)}), true
	case errors.As(err, &path):
		return l.Tf("cli.error.open_file", map[string]any{"Path": path.Path, "Reason": reason(path, l)}), true
	}
	return "", false
}

// fieldProblems lists the first refused fields with their messages.
func fieldProblems(fes []*validate.FieldError, l *locales.Localizer) string {
	const shown = 5
	var parts []string
	for i, fe := range fes {
		if i == shown {
			break
		}
		parts = append(parts, l.Tf("cli.error.field", map[string]any{"Field": fe.Field, "Message": l.T(fe.MessageID())}))
	}
	s := strings.Join(parts, " ")
	if len(fes) > shown {
		s += " " + l.N("cli.error.more_fields", len(fes)-shown, nil)
	}
	return s
}

func corruptProblem(e *store.CorruptError, l *locales.Localizer) string {
	data := map[string]any{"Path": e.Path, "Backup": e.Backup}
	missing := errors.Is(e.Err, store.ErrDatabaseMissing)
	switch {
	case missing && e.Backup == "":
		return l.Tf("cli.error.db_missing", data)
	case missing:
		return l.Tf("cli.error.db_missing_backup", data)
	case e.Backup == "":
		return l.Tf("cli.error.db_corrupt", data)
	}
	return l.Tf("cli.error.db_corrupt_backup", data)
}

// choices is a value in a msgError's data: the values to choose from.
type choices []string

// in lists the choices as "a, b or c" in l's language.
func (c choices) in(l *locales.Localizer) string {
	if len(c) < 2 {
		return strings.Join(c, "")
	}
	return strings.Join(c[:len(c)-1], ", ") + " " + l.T("cli.or") + " " + c[len(c)-1]
}

// osReason is a value in a msgError's data that reason puts into words.
type osReason struct{ err error }

// reasonOf marks err as the reason a file could not be used.
func reasonOf(err error) osReason { return osReason{err} }

// reason says why the system refused a file, in l's language where it is a
// common reason, else in the system's own words.
func reason(err error, l *locales.Localizer) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return l.T("cli.reason.not_exist")
	case errors.Is(err, fs.ErrPermission):
		return l.T("cli.reason.permission")
	case errors.Is(err, syscall.EISDIR):
		return l.T("cli.reason.is_folder")
	case errors.Is(err, syscall.ENOTDIR):
		return l.T("cli.reason.not_folder")
	}
	for errors.Unwrap(err) != nil {
		err = errors.Unwrap(err)
	}
	return oneLine(err.Error())
}

// oneLine joins a multi-line text (SQLite's integrity report) into one line.
func oneLine(s string) string {
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "; ")
}

// savedLanguage is the window language saved in the data folder the command
// opened; "" until one is open.
var savedLanguage string

// userLanguage is the language pomi-cli speaks when no --lang is given: the
// saved one once the data folder is open, else the system's.
func userLanguage(getenv func(string) string) string {
	if locales.Supported(savedLanguage) {
		return savedLanguage
	}
	return locales.FromEnvironment(getenv)
}

// errorLanguage is the language of an error: --lang if the command line has
// a valid one, else userLanguage.
func errorLanguage(args []string, getenv func(string) string) string {
	for i, a := range args {
		if a == "--" {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			value = args[i+1]
		}
		if locales.Supported(value) {
			return value
		}
	}
	return userLanguage(getenv)
}
