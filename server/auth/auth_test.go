package auth

import (
	"strings"
	"testing"
)

var fast = Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

func TestPasswordHashRoundTripWithSaltAndParams(t *testing.T) {
	h1, err := HashPassword("correct horse battery", fast)
	if err != nil {
		t.Fatal(err)
	}
	h2, _ := HashPassword("correct horse battery", fast)
	if h1 == h2 {
		t.Error("two hashes of one password are equal: no per-password salt")
	}
	if !strings.HasPrefix(h1, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Errorf("hash %q does not encode its parameters", h1)
	}
	if ok, err := VerifyPassword("correct horse battery", h1); !ok || err != nil {
		t.Errorf("right password: %v %v", ok, err)
	}
	if ok, _ := VerifyPassword("correct horse batterY", h1); ok {
		t.Error("wrong password accepted")
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=x$a$b", h1 + "$"} {
		if _, err := VerifyPassword("x", bad); err == nil {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}

func TestTokens(t *testing.T) {
	tok, hash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	tok2, _, _ := NewToken()
	if tok == tok2 || !strings.HasPrefix(tok, TokenPrefix) || len(hash) != 32 {
		t.Fatalf("tokens %q %q hash %x", tok, tok2, hash)
	}
	if got, ok := BearerToken("Bearer " + tok); !ok || got != tok {
		t.Errorf("BearerToken = %q %v", got, ok)
	}
	for _, h := range []string{"", "Bearer ", "Basic " + tok, "Bearer nope", tok} {
		if _, ok := BearerToken(h); ok {
			t.Errorf("BearerToken(%q) accepted", h)
		}
	}
}

func TestCleanInputs(t *testing.T) {
	if e, err := CleanEmail("  Anna.Berg@Example.SE "); err != nil || e != "anna.berg@example.se" {
		t.Errorf("CleanEmail = %q %v", e, err)
	}
	for _, bad := range []string{"", "anna", "Anna <a@b.se>", "a@b.se\x00", "a@b\n.se"} {
		if _, err := CleanEmail(bad); err == nil {
			t.Errorf("CleanEmail(%q) accepted", bad)
		}
	}
	if n, err := CleanName(" Robert'); DROP TABLE advisors;-- "); err != nil || n != "Robert'); DROP TABLE advisors;--" {
		t.Errorf("CleanName = %q %v", n, err)
	}
	for _, bad := range []string{"", "  ", "a\x00b", strings.Repeat("å", MaxNameLen+1), "\xff"} {
		if _, err := CleanName(bad); err == nil {
			t.Errorf("CleanName(%q) accepted", bad)
		}
	}
	if CheckPassword("short") == nil || CheckPassword("long enough!") != nil {
		t.Error("CheckPassword length rule")
	}
}
