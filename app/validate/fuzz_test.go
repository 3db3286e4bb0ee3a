package validate

import (
	"errors"
	"math"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

var canonicalOrgNr = regexp.MustCompile(`^[0-9]{6}-[0-9]{4}$`)

func FuzzNormalizeOrgNr(f *testing.F) {
	for _, c := range orgNrCases {
		f.Add(c.in)
	}
	for _, s := range []string{"811228+9874", "16 556036 0793", "1 9 8 1 1 2 2 8 - 9 8 7 4", "19811228+9874", "\u00a0556036-0793", "55603６-0793"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := NormalizeOrgNr(in)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || (fe.Code != CodeOrgNrFormat && fe.Code != CodeOrgNrCheck) {
				t.Fatalf("NormalizeOrgNr(%q) error %v is not an org.nr field error", in, err)
			}
			if got != "" {
				t.Fatalf("NormalizeOrgNr(%q) refused but returned %q", in, got)
			}
			return
		}
		if got == "" {
			if strings.TrimSpace(in) != "" {
				t.Fatalf("NormalizeOrgNr(%q) accepted a non-blank value as empty", in)
			}
			return
		}
		if !canonicalOrgNr.MatchString(got) {
			t.Fatalf("NormalizeOrgNr(%q) = %q, not NNNNNN-NNNN", in, got)
		}
		digits := got[:6] + got[7:]
		if !luhnOK(digits) {
			t.Fatalf("NormalizeOrgNr(%q) = %q, which fails the Luhn check", in, got)
		}
		if !strings.HasSuffix(onlyDigits(in), digits) {
			t.Fatalf("NormalizeOrgNr(%q) = %q, digits not taken from the input", in, got)
		}
		again, err := NormalizeOrgNr(got)
		if err != nil || again != got {
			t.Fatalf("NormalizeOrgNr(%q) = %q, but normalizing that gives %q, %v", in, got, again, err)
		}
	})
}

func FuzzValidateEmail(f *testing.F) {
	for _, s := range []string{
		"", "info@example.se", "a@b.se", "first+tag@sub.example.co.uk", "åsa@exempel.se",
		"a@b@c.se", "Anna <anna@example.se>", `"a b"@example.se`, "x@[1.2.3.4]",
		"x@[a@b.se]", "a(b)@c.se", "info@example.se.", "in..fo@example.se",
		// Regressions: Unicode white space once passed ValidateEmail (see
		// TestValidateEmailRefusesUnicodeSpaceAndControls).
		"anna\u00a0svensson@example.se", "info@example.se\u2028",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		err := Email(in)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Code != CodeEmail {
				t.Fatalf("ValidateEmail(%q) error %v is not invalid_email", in, err)
			}
			return
		}
		if in == "" {
			return
		}
		if n := strings.Count(in, "@"); n != 1 {
			t.Fatalf("ValidateEmail(%q) accepted an address with %d '@'", in, n)
		}
		if i := strings.IndexFunc(in, unicode.IsSpace); i >= 0 {
			t.Fatalf("ValidateEmail(%q) accepted an address with white space %U", in, []rune(in[i:])[0])
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{
		"1 234", "12,5", "12.5", "1,234.5", "1\u00a0234,5", "1\u202f234", "-3,5", "0",
		"", "abc", "1,2,3", "NaN", "Inf", "-Inf", "1e400", "1e15", "1e16", "0x1p4",
		"1_000", "1,2.5", ",5", "1e-400", "-0", "9223372036854775808",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		v, err := ParseNumber(in)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Code != CodeNumber {
				t.Fatalf("ParseNumber(%q) error %v is not invalid_number", in, err)
			}
			if v != 0 {
				t.Fatalf("ParseNumber(%q) refused but returned %v", in, v)
			}
		} else if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e15 {
			t.Fatalf("ParseNumber(%q) = %v, not a finite number within ±1e15", in, v)
		}
		n, err := ParseCount(in)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || (fe.Code != CodeNumber && fe.Code != CodeNegative) {
				t.Fatalf("ParseCount(%q) error %v is not invalid_number/negative", in, err)
			}
			return
		}
		if n < 0 || n > 1e9 || float64(n) != v {
			t.Fatalf("ParseCount(%q) = %d, but ParseNumber gives %v", in, n, v)
		}
	})
}

func FuzzNormalizeWebsite(f *testing.F) {
	for _, s := range []string{
		"example.se", "https://example.se/a?b=c#d", "http://x.se", "HTTPS://EXAMPLE.SE", "example.se:8080",
		".", ".se", "mailto:a@b.se", "ftp://x.se", "javascript:alert(1)", "example.se/?u=http://x.se",
		"https://user:pw@x.se", "https://[::1]", "xn--rksmrgs-5wao1o.se", "räksmörgås.se", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := NormalizeWebsite(in)
		if err != nil {
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Code != CodeURL || got != "" {
				t.Fatalf("NormalizeWebsite(%q) = %q, %v; want \"\" and invalid_url", in, got, err)
			}
			return
		}
		if got == "" {
			if strings.TrimSpace(in) != "" {
				t.Fatalf("NormalizeWebsite(%q) accepted a non-blank value as empty", in)
			}
			return
		}
		if l := strings.ToLower(got); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
			t.Fatalf("NormalizeWebsite(%q) = %q, not an http(s) address", in, got)
		}
		again, err := NormalizeWebsite(got)
		if err != nil || again != got {
			t.Fatalf("NormalizeWebsite(%q) = %q, but normalizing that gives %q, %v", in, got, again, err)
		}
	})
}
