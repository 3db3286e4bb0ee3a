package wire

// OIDCConfig answers GET /v1/oidc/config: what the app needs to send the
// advisor's browser to the organisation's identity provider. The server
// answers 404 (ErrNotFound) when sign-in through a provider is not set up.
type OIDCConfig struct {
	Issuer                string   `json:"issuer"`
	ClientID              string   `json:"client_id"`
	AuthorizationEndpoint string   `json:"authorization_endpoint"`
	Scopes                []string `json:"scopes"`
}

// OIDCLoginRequest is the body of POST /v1/login/oidc: the authorization
// code the provider sent to the app's loopback redirect, with what the
// server needs to redeem and check it. The answer is a LoginResponse.
type OIDCLoginRequest struct {
	Code string `json:"code"`
	// CodeVerifier is the PKCE verifier whose S256 challenge the app sent.
	CodeVerifier string `json:"code_verifier"`
	// RedirectURI is the loopback address the code was sent to, exactly.
	RedirectURI string `json:"redirect_uri"`
	// Nonce is the one the app put in the authorization request; the ID
	// token must carry it.
	Nonce  string `json:"nonce"`
	Device string `json:"device"`
}

// ErrIdentityProvider is the error code when the organisation's identity
// provider could not be reached or failed; nothing is wrong with the
// advisor's account.
const ErrIdentityProvider = "identity_provider"
