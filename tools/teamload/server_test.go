package main

import (
	"context"
	"crypto/tls"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"testing"

	"github.com/pomi-planner/pomi/server/api"
	"github.com/pomi-planner/pomi/server/pgstore"
)

// serveEnv makes the test binary act as pomi-server: building the real
// binary takes longer than the whole small run.
const serveEnv = "TEAMLOAD_TEST_SERVE"

// TestMain serves when started as the server, and runs the tests
// otherwise.
func TestMain(m *testing.M) {
	if os.Getenv(serveEnv) != "" {
		if err := serve(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "serve:", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// serve is cmd/pomi-server's serve, cut down: the same handler, HTTP
// server settings and log line, until interrupted.
func serve(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	listen, certFile, keyFile := fs.String("listen", "", ""), fs.String("cert", "", ""), fs.String("key", "", "")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cert, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	store, err := pgstore.Open(ctx, os.Getenv("POMI_DATABASE_URL"))
	if err != nil {
		return err
	}
	defer store.Close()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	srv := api.NewHTTPServer(*listen, api.New(store, api.Config{Log: log}), log)
	srv.TLSConfig.Certificates = []tls.Certificate{cert}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return err
	}
	log.Info("pomi-server listening", "addr", "https://"+ln.Addr().String())
	go func() { <-ctx.Done(); _ = srv.Close() }()
	_ = srv.ServeTLS(ln, "", "")
	return nil
}
