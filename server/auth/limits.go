package auth

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// RateLimit is the login rate-limit policy: at most PerEmail failed logins
// for one e-mail address and PerAddress for one remote address within
// Window. Failures are counted in PostgreSQL, so the limit holds across
// several servers behind a load balancer.
type RateLimit struct {
	Window     time.Duration
	PerEmail   int
	PerAddress int
}

// DefaultRateLimit allows 10 failures per e-mail and 50 per address in 15 minutes.
var DefaultRateLimit = RateLimit{Window: 15 * time.Minute, PerEmail: 10, PerAddress: 50}

// Length limits on what advisors and admins type.
const (
	MaxNameLen     = 200
	MaxEmailLen    = 254
	MinPasswordLen = 10
	MaxPasswordLen = 1024
)

// Errors of the checks below.
var (
	ErrBadName     = errors.New("a name must be 1 to 200 characters of printable text")
	ErrBadEmail    = errors.New("not an e-mail address")
	ErrBadPassword = fmt.Errorf("a password must be %d to %d characters", MinPasswordLen, MaxPasswordLen)
)

// CleanName trims a name (of an organisation, advisor or device) and checks
// that it is printable UTF-8 of sensible length.
func CleanName(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" || !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxNameLen || hasControl(s) {
		return "", ErrBadName
	}
	return s, nil
}

// CleanEmail trims and lower-cases an e-mail address and checks its form.
func CleanEmail(s string) (string, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > MaxEmailLen || !utf8.ValidString(s) || hasControl(s) {
		return "", ErrBadEmail
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return "", ErrBadEmail
	}
	return s, nil
}

// CheckPassword checks a new password's length (in characters).
func CheckPassword(s string) error {
	n := utf8.RuneCountInString(s)
	if !utf8.ValidString(s) || n < MinPasswordLen || len(s) > MaxPasswordLen || strings.ContainsRune(s, 0) {
		return ErrBadPassword
	}
	return nil
}

func hasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}
