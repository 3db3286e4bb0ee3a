package desktop

import (
	"net/url"
	"strings"
	"testing"
)

func TestMailtoURLEncodesRFC6068(t *testing.T) {
	d := Draft{To: "agneta@mollevangen.se", Subject: "Plan för Möllevången & Co?", Body: "Hej Åsa!\nHär är planen.\r\n100% klar; a+b=c #1"}
	want := "mailto:agneta@mollevangen.se?subject=Plan%20f%C3%B6r%20M%C3%B6llev%C3%A5ngen%20%26%20Co%3F" +
		"&body=Hej%20%C3%85sa%21%0D%0AH%C3%A4r%20%C3%A4r%20planen.%0D%0A100%25%20klar%3B%20a%2Bb%3Dc%20%231"
	if got := mailtoURL(d); got != want {
		t.Errorf("mailtoURL\n got %s\nwant %s", got, want)
	}
	if got := mailtoURL(Draft{}); got != "mailto:" {
		t.Errorf("an empty draft: %s", got)
	}
	if got := mailtoURL(Draft{Body: "B"}); got != "mailto:?body=B" {
		t.Errorf("only a body: %s", got)
	}
}

func TestMailtoURLShortensALongBody(t *testing.T) {
	d := Draft{To: "a@b.se", Subject: "Handlingsplan", Body: strings.Repeat("Här är planen. ", 300)}
	u := mailtoURL(d)
	if len(u) > maxMailtoLen || len(u) < maxMailtoLen-40 {
		t.Fatalf("%d characters", len(u))
	}
	subject, body := mailtoFields(t, u)
	if subject != "Handlingsplan" || !strings.HasPrefix(d.Body, strings.TrimSuffix(body, "…")) || !strings.HasSuffix(body, "är…") && !strings.HasSuffix(body, ".…") {
		t.Errorf("subject %q, body ends %q", subject, body[len(body)-20:])
	}
	long := Draft{Subject: strings.Repeat("Ö", 2000), Body: "B"}
	if u := mailtoURL(long); len(u) > maxMailtoLen || !strings.Contains(u, "%E2%80%A6") || strings.Contains(u, "body=") {
		t.Errorf("a subject too long alone: %d characters, %s…", len(u), u[:60])
	}
}

// mailtoFields parses a mailto: URL with net/url and returns its subject
// and body.
func mailtoFields(t *testing.T, u string) (string, string) {
	t.Helper()
	parsed, err := url.Parse(u)
	if err != nil || parsed.Scheme != "mailto" {
		t.Fatalf("%s does not parse: %v", u, err)
	}
	q, err := url.ParseQuery(parsed.RawQuery)
	if err != nil {
		t.Fatalf("query of %s: %v", u, err)
	}
	return q.Get("subject"), q.Get("body")
}

func FuzzMailtoURL(f *testing.F) {
	f.Add("agneta@mollevangen.se", "Plan för Möllevången & Co?", "Hej!\nHär är planen.\r\n100% a+b=c; #1")
	f.Add("", "", strings.Repeat("å", 1500))
	f.Add("x@y", "a=b&c=d", "%0D%0A\x00\xff")
	f.Fuzz(func(t *testing.T, to, subject, body string) {
		u := mailtoURL(Draft{To: to, Subject: subject, Body: body})
		for i := 0; i < len(u); i++ {
			if u[i] <= ' ' || u[i] >= 0x7f {
				t.Fatalf("byte %#x in %q", u[i], u)
			}
		}
		gotSubject, gotBody := mailtoFields(t, u)
		if parsed, _ := url.Parse(u); parsed.Opaque != percentEncode(to, "@") {
			t.Errorf("recipient %q from %q", parsed.Opaque, to)
		} else if back, err := url.PathUnescape(parsed.Opaque); err != nil || back != to {
			t.Errorf("recipient %q back from %q: %v", back, to, err)
		}
		if len(percentEncode(to, "@")) > maxMailtoLen-100 {
			return // the recipient alone fills the link
		}
		if len(u) > maxMailtoLen {
			t.Fatalf("%d characters", len(u))
		}
		full := len("mailto:?subject=&body=") + len(percentEncode(to, "@")) + len(percentEncode(subject, "")) + len(percentEncode(crlf(body), ""))
		if full <= maxMailtoLen && (gotSubject != subject || gotBody != crlf(body)) {
			t.Errorf("subject %q, body %q from %q, %q", gotSubject, gotBody, subject, body)
		}
		if !strings.HasPrefix(crlf(body), strings.TrimSuffix(gotBody, "…")) || !strings.HasPrefix(subject, strings.TrimSuffix(gotSubject, "…")) {
			t.Errorf("subject %q, body %q are no starts of %q, %q", gotSubject, gotBody, subject, body)
		}
	})
}
