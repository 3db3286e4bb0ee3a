package desktop

import (
	"strings"
)

// maxMailtoLen keeps a mailto: URL below the 2,048 characters that the
// Windows shell and many mail programs take.
const maxMailtoLen = 2000

// mailtoURL is the draft's recipient, subject and body as a mailto: URL
// (RFC 6068), UTF-8 percent-encoded, lines ending in %0D%0A. A body that
// would make it longer than maxMailtoLen is shortened and ends with "…";
// then the subject, should it alone be too long.
func mailtoURL(d Draft) string {
	body := crlf(d.Body)
	build := func(subject, body string) string {
		var b strings.Builder
		b.WriteString("mailto:")
		b.WriteString(percentEncode(d.To, "@"))
		sep := "?"
		for _, f := range [][2]string{{"subject", subject}, {"body", body}} {
			if f[1] != "" {
				b.WriteString(sep + f[0] + "=" + percentEncode(f[1], ""))
				sep = "&"
			}
		}
		return b.String()
	}
	if u := build(d.Subject, body); len(u) <= maxMailtoLen {
		return u
	}
	body = shorten(body, func(s string) bool { return len(build(d.Subject, s)) <= maxMailtoLen })
	subject := shorten(d.Subject, func(s string) bool { return len(build(s, body)) <= maxMailtoLen })
	return build(subject, body)
}

// shorten is the longest start of s, ending with "…", that fits; "" when
// none does.
func shorten(s string, fits func(string) bool) string {
	if fits(s) {
		return s
	}
	runes := []rune(s)
	if len(runes) > maxMailtoLen { // each rune takes a character at least
		runes = runes[:maxMailtoLen]
	}
	cut := func(n int) string {
		if n == 0 {
			return ""
		}
		return strings.TrimRight(string(runes[:n]), " \t\r\n") + "…"
	}
	lo, hi := 0, len(runes) // cut(lo) fits; cut(hi) does not
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if fits(cut(mid)) {
			lo = mid
		} else {
			hi = mid
		}
	}
	if !fits(cut(lo)) {
		return ""
	}
	return cut(lo)
}

// crlf makes every line end in CR LF, as RFC 6068 wants line breaks in
// a body.
func crlf(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\n", "\r\n")
}

// percentEncode encodes every byte of s but the unreserved characters of
// RFC 3986 and those in keep.
func percentEncode(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~"+keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
