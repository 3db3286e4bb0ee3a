package main

import (
	"context"
	"os"
	"strings"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/oidc"
	"github.com/pomi-planner/pomi/server/pgstore"
)

// Environment variables for sign-in through an identity provider.
const (
	envOIDCIssuer       = "POMI_OIDC_ISSUER"
	envOIDCClientID     = "POMI_OIDC_CLIENT_ID"
	envOIDCClientSecret = "POMI_OIDC_CLIENT_SECRET"
	envOIDCOrg          = "POMI_OIDC_ORGANISATION"
	envOIDCScopes       = "POMI_OIDC_SCOPES"
)

// oidcFlags are serve's flags for sign-in through the organisation's
// identity provider; without --oidc-issuer there is none.
type oidcFlags struct {
	issuer, clientID, clientSecret, org, scopes *string
}

func addOIDCFlags(f *flags) oidcFlags {
	return oidcFlags{
		issuer:       f.String("oidc-issuer", os.Getenv(envOIDCIssuer), "identity provider's issuer URL for sign-in through it, e.g. https://login.microsoftonline.com/TENANT/v2.0 (or $"+envOIDCIssuer+")"),
		clientID:     f.String("oidc-client-id", os.Getenv(envOIDCClientID), "the app registration's client id at the identity provider (or $"+envOIDCClientID+")"),
		clientSecret: f.String("oidc-client-secret", os.Getenv(envOIDCClientSecret), "the registration's client secret, if it has one; prefer $"+envOIDCClientSecret+" to keep it out of the process list"),
		org:          f.String("oidc-organisation", os.Getenv(envOIDCOrg), "admit through the identity provider only this organisation's advisors, by id or name (or $"+envOIDCOrg+")"),
		scopes:       f.String("oidc-scopes", envOr(envOIDCScopes, strings.Join(oidc.DefaultScopes, " ")), "scopes to ask for, space-separated (or $"+envOIDCScopes+")"),
	}
}

// configure sets cfg's identity provider, when one is configured.
func (o oidcFlags) configure(ctx context.Context, s *pgstore.Store, cfg *api.Config) error {
	if *o.issuer == "" {
		if *o.clientID != "" || *o.org != "" {
			return usagef("serve: --oidc-client-id and --oidc-organisation need --oidc-issuer")
		}
		return nil
	}
	if *o.clientID == "" {
		return usagef("serve: --oidc-issuer needs --oidc-client-id")
	}
	p, err := oidc.New(oidc.Config{Issuer: *o.issuer, ClientID: *o.clientID, ClientSecret: *o.clientSecret,
		Scopes: strings.Fields(*o.scopes)})
	if err != nil {
		return err
	}
	cfg.OIDC = p
	if *o.org != "" {
		org, err := resolveOrg(ctx, s, *o.org)
		if err != nil {
			return err
		}
		cfg.OIDCOrgID = org.ID
	}
	return nil
}
