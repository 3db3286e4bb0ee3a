package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
	"time"
)

// TokenPrefix starts every device token, so a leaked one is recognisable.
const TokenPrefix = "pomi_"

// DefaultTokenLifetime is how long a device token lives without being used;
// every use extends it.
const DefaultTokenLifetime = 90 * 24 * time.Hour

// NewToken returns a new random device token (256 bits) and its hash, the
// only thing the server stores.
func NewToken() (token string, hash []byte, err error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", nil, fmt.Errorf("device token: %w", err)
	}
	token = TokenPrefix + base64.RawURLEncoding.EncodeToString(raw)
	return token, HashToken(token), nil
}

// HashToken returns the SHA-256 of a token. Tokens are looked up by this
// hash, so a comparison of secrets never happens byte by byte in Go.
func HashToken(token string) []byte {
	sum := sha256.Sum256([]byte(token))
	return sum[:]
}

// BearerToken takes the token out of an Authorization header value
// ("Bearer TOKEN"); ok is false when there is none.
func BearerToken(header string) (string, bool) {
	const scheme = "bearer "
	if len(header) <= len(scheme) || !strings.EqualFold(header[:len(scheme)], scheme) {
		return "", false
	}
	tok := strings.TrimSpace(header[len(scheme):])
	return tok, strings.HasPrefix(tok, TokenPrefix) && len(tok) < 200
}
