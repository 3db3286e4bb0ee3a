package main

import (
	"context"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// machine describes where the figures were measured.
func machine(ctx context.Context, dbURL string) []string {
	model := field("/proc/cpuinfo", "model name")
	mem := field("/proc/meminfo", "MemTotal")
	osName := strings.Trim(field("/etc/os-release", "PRETTY_NAME"), `"`)
	kernel, _ := os.ReadFile("/proc/sys/kernel/osrelease")
	load, _ := os.ReadFile("/proc/loadavg")
	pg := "?"
	if conn, err := pgx.Connect(ctx, dbURL); err == nil {
		_ = conn.QueryRow(ctx, "SHOW server_version").Scan(&pg)
		conn.Close(context.Background())
	}
	return []string{
		fmt.Sprintf("Measured %s.", time.Now().UTC().Format("2006-01-02 15:04 MST")),
		fmt.Sprintf("Machine: %s, %d logical CPUs, %s RAM; %s, Linux %s; %s; PostgreSQL %s (fsync off, as internal/pgtest runs it); load average at the end: %s",
			model, runtime.NumCPU(), mem, osName, strings.TrimSpace(string(kernel)), runtime.Version(), pg, strings.Join(strings.Fields(string(load))[:3], " ")),
	}
}

// field returns the value of the first "key: value" or "key=value" line.
func field(path, key string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(b), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			k, v, ok = strings.Cut(line, "=")
		}
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "?"
}
