package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
)

// launch is one line of launchtime's output.
type launch struct {
	MappedMS   float64 `json:"mapped_ms"`
	CompleteMS float64 `json:"complete_ms"`
	RSSKB      float64 `json:"rss_kb"`
	RSSAnonKB  float64 `json:"rss_anon_kb"`
	GL         string  `json:"gl"`
}

// The figures a table row can take from launches.
func mapped(l launch) float64   { return l.MappedMS }
func complete(l launch) float64 { return l.CompleteMS }
func rss(l launch) float64      { return l.RSSKB }
func anon(l launch) float64     { return l.RSSAnonKB }

func readLaunches(path string) ([]launch, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []launch
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var l launch
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// values picks one figure from every launch, sorted.
func values(ls []launch, pick func(launch) float64) []float64 {
	v := make([]float64, len(ls))
	for i, l := range ls {
		v[i] = pick(l)
	}
	slices.Sort(v)
	return v
}

func median(ls []launch, pick func(launch) float64) float64 { return medianOf(values(ls, pick)) }

func medianOf(v []float64) float64 {
	switch n := len(v); {
	case n == 0:
		return 0
	case n%2 == 1:
		return v[n/2]
	default:
		return (v[n/2-1] + v[n/2]) / 2
	}
}

// spread is "label median ms (fastest–slowest)".
func spread(ls []launch, pick func(launch) float64, label string) string {
	v := values(ls, pick)
	if len(v) == 0 {
		return "–"
	}
	return fmt.Sprintf("%s%.0f ms (%.0f–%.0f)", label, medianOf(v), v[0], v[len(v)-1])
}

// readGoBench reads `go test -bench` output: for each benchmark (its name
// without the -GOMAXPROCS suffix) the median of each unit it reported
// (ns/op, B/op, matches, ...) over the runs.
func readGoBench(path string) (map[string]map[string]float64, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	runs := map[string]map[string][]float64{}
	for line := range strings.Lines(string(raw)) {
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := f[0]
		if i := strings.LastIndex(name, "-"); i > 0 {
			name = name[:i]
		}
		if runs[name] == nil {
			runs[name] = map[string][]float64{}
		}
		for i := 2; i+1 < len(f); i += 2 { // after the name and the count: value unit pairs
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				runs[name][f[i+1]] = append(runs[name][f[i+1]], v)
			}
		}
	}
	out := map[string]map[string]float64{}
	for name, units := range runs {
		out[name] = map[string]float64{}
		for unit, v := range units {
			slices.Sort(v)
			out[name][unit] = medianOf(v)
		}
	}
	return out, nil
}

// machine describes where the figures were measured.
func machine(dir string, ls []launch) string {
	cpu := firstValue("/proc/cpuinfo", "model name")
	mem := firstValue("/proc/meminfo", "MemTotal")
	system := strings.Trim(firstValue("/etc/os-release", "PRETTY_NAME="), `"`)
	load, _ := readTrim(filepath.Join(dir, "loadavg"))
	kernel, _ := readTrim("/proc/sys/kernel/osrelease")
	mesa, _ := exec.Command("dpkg-query", "-W", "-f=${Version}", "libgl1-mesa-dri").Output()
	gl := "unknown"
	if len(ls) > 0 {
		gl = ls[0].GL
	}
	db, _ := readTrim(filepath.Join(dir, "db.txt"))
	var b strings.Builder
	fmt.Fprintf(&b, "Machine: %s, %d logical CPUs, %s RAM; %s, Linux %s; %s\n", cpu, runtime.NumCPU(), mem, system, kernel, runtime.Version())
	fmt.Fprintf(&b, "Display: Xvfb 1280×800×24, OpenGL in software: Mesa %s, %s (no GPU)\n", orUnknown(string(mesa)), gl)
	fmt.Fprintf(&b, "Database: %s; load average before the launches: %s\n", orUnknown(db), orUnknown(load))
	return b.String()
}

// firstValue returns what follows key (and a colon, if any) on its first line in path.
func firstValue(path, key string) string {
	raw, err := os.ReadFile(path)
	if err != nil {
		return "unknown"
	}
	for line := range strings.Lines(string(raw)) {
		if rest, ok := strings.CutPrefix(line, key); ok {
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ":"))
		}
	}
	return "unknown"
}

func readTrim(path string) (string, error) {
	raw, err := os.ReadFile(path)
	return strings.TrimSpace(string(raw)), err
}

func orUnknown(s string) string {
	if s == "" {
		return "unknown"
	}
	return s
}
