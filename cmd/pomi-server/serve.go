package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/auth"
)

// runServe migrates the database and serves the API over HTTPS until ctx
// ends, then shuts down gracefully.
func runServe(ctx context.Context, args []string, io stdio) error {
	f := newFlags("serve", io.err)
	listen := f.String("listen", envOr(envListen, ":8443"), "address to listen on (or $"+envListen+")")
	certFile := f.String("cert", envOr(envCert, ""), "TLS certificate chain, PEM (or $"+envCert+")")
	keyFile := f.String("key", envOr(envKey, ""), "TLS private key, PEM (or $"+envKey+")")
	lifetime := f.Duration("token-lifetime", envDuration(envTokenLifetime, auth.DefaultTokenLifetime), "how long an unused device token lives (or $"+envTokenLifetime+")")
	trustXFF := f.Bool("trust-forwarded-for", envBool(envTrustXFF), "take client addresses from X-Forwarded-For (only behind a load balancer that sets it)")
	oidcF := addOIDCFlags(f)
	if err := f.parse(args); err != nil {
		return err
	}
	if *certFile == "" || *keyFile == "" {
		return usagef("serve: --cert and --key are required: pomi-server speaks HTTPS only")
	}
	cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		return fmt.Errorf("serve: TLS certificate: %w", err)
	}
	log := slog.New(slog.NewTextHandler(io.err, nil))
	store, err := f.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer store.Close()
	store.TokenLifetime = *lifetime
	cfg := api.Config{TrustForwardedFor: *trustXFF, Log: log}
	if err := oidcF.configure(ctx, store, &cfg); err != nil {
		return err
	}
	h := api.New(store, cfg)
	srv := api.NewHTTPServer(*listen, h, log)
	srv.TLSConfig.Certificates = []tls.Certificate{cert}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	log.Info("pomi-server listening", "addr", "https://"+ln.Addr().String())
	if io.listening != nil {
		io.listening(ln.Addr())
	}
	return serveUntilDone(ctx, srv, ln, log)
}

func serveUntilDone(ctx context.Context, srv *http.Server, ln net.Listener, log *slog.Logger) error {
	done := make(chan error, 1)
	go func() { done <- srv.ServeTLS(ln, "", "") }()
	select {
	case err := <-done:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("pomi-server shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("serve: shut down: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// runMigrate brings the database schema up to date and says what it did.
func runMigrate(ctx context.Context, args []string, io stdio) error {
	f := newFlags("migrate", io.err)
	if err := f.parse(args); err != nil {
		return err
	}
	s, err := f.openMigrated(ctx)
	if err != nil {
		return err
	}
	defer s.Close()
	v, err := s.SchemaVersion(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(io.out, "schema version %d\n", v)
	return nil
}
