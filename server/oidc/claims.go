package oidc

import (
	"encoding/json"
	"fmt"
	"net"
	"net/url"
	"strings"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
)

// emailClaims are the claims that name the advisor. A provider vouches
// for the address with email_verified; Microsoft Entra ID does not send
// that claim, but its optional claim xms_edov says the address's domain
// belongs to the tenant, which is as good for an organisation's own
// accounts. Without either, the address is only what the user typed into
// their profile and must not open anyone's account.
type emailClaims struct {
	Email         string   `json:"email"`
	EmailVerified flexBool `json:"email_verified"`
	DomainOwner   flexBool `json:"xms_edov"`
}

// verifiedEmail returns the token's e-mail address in lower case, when
// the provider vouches for it.
func verifiedEmail(tok *gooidc.IDToken) (string, error) {
	var c emailClaims
	if err := tok.Claims(&c); err != nil {
		return "", fmt.Errorf("%w: ID token claims: %w", ErrRefused, err)
	}
	email := strings.ToLower(strings.TrimSpace(c.Email))
	if email == "" || !strings.Contains(email, "@") {
		return "", fmt.Errorf("%w: the ID token has no e-mail address (ask for the email scope)", ErrRefused)
	}
	if !c.EmailVerified && !c.DomainOwner {
		return "", fmt.Errorf("%w: the provider does not vouch for %s (email_verified or xms_edov)", ErrRefused, email)
	}
	return email, nil
}

// flexBool reads a claim sent as true, "true" or 1 (providers differ).
type flexBool bool

// UnmarshalJSON accepts a JSON boolean, number or string.
func (b *flexBool) UnmarshalJSON(raw []byte) error {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return err
	}
	switch t := v.(type) {
	case bool:
		*b = flexBool(t)
	case float64:
		*b = t == 1
	case string:
		*b = flexBool(strings.EqualFold(t, "true") || t == "1")
	default:
		*b = false
	}
	return nil
}

// LoopbackRedirect reports whether uri is a native app's loopback
// redirect (RFC 8252 section 7.3): http to 127.0.0.1 or [::1] on some
// port. The server redeems codes only for such redirects, so a code sent
// to a web site cannot be turned into a device token here.
func LoopbackRedirect(uri string) bool {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "http" || u.User != nil || u.Port() == "" || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	ip := net.ParseIP(u.Hostname())
	return ip != nil && ip.IsLoopback()
}
