package validate

import (
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/language"
)

// Field length limits, in characters.
const (
	MaxNameLen  = 200
	MaxShortLen = 200
	MaxNotesLen = 20000
)

// Name checks a required name of at most MaxNameLen characters.
func Name(s string) error {
	if strings.TrimSpace(s) == "" {
		return Err("", CodeRequired)
	}
	return Text(s, MaxNameLen)
}

// Text checks an optional one-line text: at most max characters and no
// control characters.
func Text(s string, max int) error {
	if utf8.RuneCountInString(s) > max {
		return Err("", CodeTooLong)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return Err("", CodeControlChars)
		}
	}
	return nil
}

// Notes checks a free multi-line text: tabs and line breaks are fine.
func Notes(s string) error {
	if utf8.RuneCountInString(s) > MaxNotesLen {
		return Err("", CodeTooLong)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return Err("", CodeControlChars)
		}
	}
	return nil
}

// NormalizeOrgNr checks a Swedish organisationsnummer or personnummer and
// returns it as "NNNNNN-NNNN". It accepts 10 digits with or without a hyphen
// (or "+", used for people over 100), and 12 digits with a 19/20/16 century
// prefix; the last digit must satisfy the Luhn check. An empty string is valid
// and stays empty.
func NormalizeOrgNr(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	digits := make([]byte, 0, 12)
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits = append(digits, byte(r))
		case (r == '-' || r == '+') && (i == len(s)-5) && len(digits) >= 6:
		case r == ' ':
		default:
			return "", Err("", CodeOrgNrFormat)
		}
	}
	if len(digits) == 12 {
		switch string(digits[:2]) {
		case "16", "19", "20":
			digits = digits[2:]
		default:
			return "", Err("", CodeOrgNrFormat)
		}
	}
	if len(digits) != 10 {
		return "", Err("", CodeOrgNrFormat)
	}
	if !luhnValid(digits) {
		return "", Err("", CodeOrgNrCheck)
	}
	return string(digits[:6]) + "-" + string(digits[6:]), nil
}

// luhnValid applies the Luhn (mod 10) check to ASCII digits.
func luhnValid(digits []byte) bool {
	sum := 0
	for i, d := range digits {
		v := int(d - '0')
		if i%2 == len(digits)%2 {
			v *= 2
			if v > 9 {
				v -= 9
			}
		}
		sum += v
	}
	return sum%10 == 0
}

// Email checks a plain e-mail address (no display name); empty is valid.
func Email(s string) error {
	if s == "" {
		return nil
	}
	if len(s) > 254 || strings.ContainsAny(s, "<>\"") || !visibleWithoutSpace(s) {
		return Err("", CodeEmail)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return Err("", CodeEmail)
	}
	if !hasDottedDomain(s) {
		return Err("", CodeEmail)
	}
	return nil
}

// visibleWithoutSpace reports whether every rune of s is visible and none a
// space: net/mail accepts quoted spaces and control characters no one types
// into an address field.
func visibleWithoutSpace(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || !unicode.IsGraphic(r) {
			return false
		}
	}
	return true
}

// hasDottedDomain reports whether the address has a local part and a domain
// of dot-separated, non-empty labels: net/mail accepts "a@localhost", which
// cannot be a client's address.
func hasDottedDomain(addr string) bool {
	local, domain, ok := strings.Cut(addr, "@")
	return ok && local != "" && strings.Contains(domain, ".") && !strings.HasSuffix(domain, ".") &&
		!strings.HasPrefix(domain, ".") && !strings.Contains(domain, "..")
}

// Phone checks a phone number: digits with optional +, spaces, hyphens
// and parentheses, 6–15 digits; empty is valid.
func Phone(s string) error {
	if s == "" {
		return nil
	}
	n := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n++
		case r == '+' && i == 0, r == ' ', r == '-', r == '(', r == ')':
		default:
			return Err("", CodePhone)
		}
	}
	if n < 6 || n > 15 {
		return Err("", CodePhone)
	}
	return nil
}

// NormalizeWebsite checks a web address and returns it with a scheme
// ("example.se" → "https://example.se"); empty is valid. Only http and https
// addresses with a host name of at least two labels are accepted.
func NormalizeWebsite(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	lower := strings.ToLower(s)
	if !strings.HasPrefix(lower, "http://") && !strings.HasPrefix(lower, "https://") {
		if hasScheme(s) {
			return "", Err("", CodeURL)
		}
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || len(s) > 2000 || u.User != nil || !validHostName(u.Hostname()) {
		return "", Err("", CodeURL)
	}
	return s, nil
}

// hasScheme reports whether s starts with a URL scheme such as "mailto:" or
// "ftp:" (a host followed by a port, "example.se:8080", is not a scheme).
func hasScheme(s string) bool {
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || scheme == "" || strings.ContainsAny(scheme, "/?#") {
		return false
	}
	port, _, _ := strings.Cut(rest, "/")
	return port == "" || strings.Trim(port, "0123456789") != ""
}

// validHostName checks a DNS name: two or more labels of letters, digits and
// hyphens (any letters, for internationalized names), none empty.
func validHostName(host string) bool {
	labels := strings.Split(host, ".")
	if len(labels) < 2 || len(host) > 253 {
		return false
	}
	for _, l := range labels {
		if l == "" || len(l) > 63 || strings.HasPrefix(l, "-") || strings.HasSuffix(l, "-") {
			return false
		}
		for _, r := range l {
			if !(r == '-' || unicode.IsLetter(r) || unicode.IsDigit(r)) {
				return false
			}
		}
	}
	return true
}

// FoundedYear checks a founding year between 1600 and this year; 0
// means unknown.
func FoundedYear(year int, now time.Time) error {
	if year == 0 {
		return nil
	}
	if year < 1600 || year > now.Year() {
		return Err("", CodeYear)
	}
	return nil
}

// PostalCode checks a Swedish postal code, "NNN NN" or "NNNNN"; empty is valid.
func PostalCode(s string) error {
	if s == "" {
		return nil
	}
	digits := strings.Replace(s, " ", "", 1)
	spaced := len(s) == 6 && s[3] == ' '
	if len(digits) != 5 || strings.Trim(digits, "0123456789") != "" || (len(s) == 6 && !spaced) {
		return Err("", CodePostalCode)
	}
	return nil
}

// Country checks an ISO 3166-1 alpha-2 code of a country (not a region).
func Country(code string) error {
	if len(code) != 2 || strings.ToUpper(code) != code {
		return Err("", CodeCountry)
	}
	if !strings.Contains(iso3166Alpha2, code+" ") {
		return Err("", CodeCountry)
	}
	return nil
}

// Language checks an ISO 639-1 two-letter language code.
func Language(code string) error {
	if len(code) != 2 || strings.ToLower(code) != code {
		return Err("", CodeLanguage)
	}
	if b, err := language.ParseBase(code); err != nil || b.String() != code {
		return Err("", CodeLanguage)
	}
	return nil
}

// Choice checks that s is empty or one of allowed.
func Choice(s string, allowed []string) error {
	if s == "" {
		return nil
	}
	for _, a := range allowed {
		if a == s {
			return nil
		}
	}
	return Err("", CodeUnknownValue)
}

// ParseNumber reads a number as people type it in either language: "1 234",
// "12,5", "12.5", "1,234.5", "12,500,000"; spaces and no-break spaces group
// digits. One comma alone is a decimal comma, as in Swedish; two or more
// group thousands, as in English, when every group has three digits.
func ParseNumber(s string) (float64, error) {
	s = withoutDigitSpaces(strings.TrimSpace(s))
	if s == "" || strings.Trim(s, "0123456789,.-+eE") != "" {
		return 0, Err("", CodeNumber)
	}
	s, ok := withDecimalPoint(s)
	if !ok {
		return 0, Err("", CodeNumber)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != v || v > 1e15 || v < -1e15 {
		return 0, Err("", CodeNumber)
	}
	return v, nil
}

// withoutDigitSpaces drops the spaces, no-break spaces and narrow no-break
// spaces that group digits.
func withoutDigitSpaces(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, s)
}

// withDecimalPoint rewrites a number's commas for strconv: one comma alone is
// a decimal comma, commas before a point or in groups of three group
// thousands. It reports false when the commas are neither.
func withDecimalPoint(s string) (string, bool) {
	comma, dot := strings.Count(s, ","), strings.Count(s, ".")
	switch {
	case comma == 1 && dot == 0:
		return strings.Replace(s, ",", ".", 1), true
	case comma > 0 && dot <= 1 && strings.LastIndex(s, ".") > strings.LastIndex(s, ","):
		return strings.ReplaceAll(s, ",", ""), true
	case comma > 1 && dot == 0 && thousandsGrouped(s):
		return strings.ReplaceAll(s, ",", ""), true
	case comma > 0:
		return "", false
	}
	return s, true
}

// thousandsGrouped reports whether every comma in s is followed by exactly
// three digits, as in "12,500,000".
func thousandsGrouped(s string) bool {
	parts := strings.Split(s, ",")
	for _, p := range parts[1:] {
		if len(p) != 3 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return parts[0] != "" && parts[0] != "-" && parts[0] != "+"
}

// ParseCount reads a whole, non-negative number such as employees ("1 200").
func ParseCount(s string) (int, error) {
	if strings.ContainsAny(s, ",.") {
		// "1,000" is a thousand in English and one in Swedish: ask instead of guessing.
		return 0, Err("", CodeNumber)
	}
	v, err := ParseNumber(s)
	if err != nil {
		return 0, err
	}
	if v < 0 {
		return 0, Err("", CodeNegative)
	}
	if v != float64(int64(v)) || v > 1e9 {
		return 0, Err("", CodeNumber)
	}
	return int(v), nil
}

// Percent checks a share between 0 and 100.
func Percent(v float64) error {
	if v < 0 || v > 100 || v != v {
		return Err("", CodePercent)
	}
	return nil
}

// DateLayout is the layout of dates in data and files: "2026-11-27".
const DateLayout = "2006-01-02"

// ParseDate reads a date as "2026-11-27".
func ParseDate(s string) (time.Time, error) {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, Err("", CodeDate)
	}
	return t, nil
}
