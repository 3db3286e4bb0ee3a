#!/usr/bin/env bash
# make bench: every performance figure of docs/performance.md in one run on
# this machine, each beside its baseline, then a summary table.
#   bench.sh [OUT_DIR]          (default bin/bench)
# BENCH_RUNS launches of each program (default 7), BENCH_COUNT runs of each
# Go benchmark (default 5; BENCH_PORTFOLIO_COUNT for the portfolio's, which
# seeds 30,000 assessments each run: default 3), BENCH_COMPANIES in the
# large database (10000).
set -euo pipefail
out=${1:-bin/bench}
runs=${BENCH_RUNS:-7}
count=${BENCH_COUNT:-5}
portfolio_count=${BENCH_PORTFOLIO_COUNT:-3}
companies=${BENCH_COMPANIES:-10000}
go=${GO:-go}
mkdir -p "$out"
out=$(cd "$out" && pwd)
xvfb=""
trap '[ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null; true' EXIT

say() { printf '\n== %s\n' "$*" >&2; }

# shellcheck source=xvfb.sh
. "$(dirname "$0")/xvfb.sh"

# build: the app and the bare window as released (stripped, no local paths),
# the tools as plain pure-Go binaries.
build() {
  say "building release binaries (-trimpath -ldflags '-s -w')"
  $go build -tags migrated_fynedo -trimpath -ldflags "-s -w" -o "$out/pomi" ./cmd/pomi
  $go build -tags migrated_fynedo -trimpath -ldflags "-s -w" -o "$out/barewindow" ./tools/barewindow
  CGO_ENABLED=0 $go build -trimpath -ldflags "-s -w" -o "$out/pomi-cli" ./cmd/pomi-cli
  CGO_ENABLED=0 $go build -o "$out/seed" ./tools/seed
  CGO_ENABLED=0 $go build -o "$out/launchtime" ./tools/launchtime
  CGO_ENABLED=0 $go build -o "$out/benchsummary" ./tools/benchsummary
}

# data: a folder with $companies fictional companies, made once and kept
# (seeding takes about half a minute), and an empty one made afresh. Both
# say "used by an advisor", so the app opens on the company list.
data() {
  big=$out/data-$companies empty=$out/data-empty
  if [ ! -e "$big.seeded" ]; then
    say "seeding $companies companies into $big"
    rm -rf "$big"
    "$out/seed" -data-dir "$big" -n "$companies"
    "$out/pomi-cli" settings --used-by advisor --data-dir "$big" >/dev/null
    touch "$big.seeded"
  fi
  rm -rf "$empty"
  "$out/pomi-cli" settings --used-by advisor --data-dir "$empty" >/dev/null
  echo "$companies fictional companies with one assessment each, $(du -k "$big/pomi.db" | cut -f1) kB" >"$out/db.txt"
}

# start_xvfb: a display of our own whose screen is a file (-fbdir) that
# launchtime reads; -noreset, or the server resets between two programs
# and the next one fails to connect. xvfb_launch (xvfb.sh) lets Xvfb pick
# the display number.
start_xvfb() {
  mkdir -p "$out/fb"
  xvfb_launch -screen 0 1280x800x24 -nolisten tcp -noreset -fbdir "$out/fb" ||
    { echo "bench: could not start Xvfb" >&2; return 1; }
}

# launch VARIANT: one timed start of a program; its JSON line goes to
# launch-VARIANT.jsonl. Fyne's preferences are removed first, so every start
# is alike; the Mesa shader cache stays, as it does for users.
launch() {
  local variant=$1 title="POMI Planner" dir="" line
  case $variant in
    bare) title="Bare Fyne window" ;;
    pomi) dir=$big ;;
    pomi-empty) dir=$empty ;;
    pomi-backup) dir=$big; rm -f "$big"/backups/*-daily.db ;; # the first start of a day backs up
  esac
  rm -rf "$HOME/.config/fyne"
  if [ "$variant" = bare ]; then
    set -- "$out/barewindow"
  else
    set -- "$out/pomi" --data-dir "$dir"
  fi
  line=$("$out/launchtime" -fb "$out/fb/Xvfb_screen0" -name "$title" -log "$out/launch.log" \
    -shot "$out/shot-$variant.xwd" -- "$@")
  echo "$line" >>"$out/launch-$variant.jsonl"
  printf '  %-12s %s\n' "$variant" "$line" >&2
}

launches() {
  local variants=(bare pomi pomi-empty pomi-backup) v i
  # English, whatever the caller's locale: the same window every run (and
  # Fyne complains about LANG=C).
  export HOME=$out/home LANG=en_US.UTF-8
  unset LC_ALL LC_MESSAGES
  mkdir -p "$HOME"
  rm -f "$out"/launch-*.jsonl "$out/launch.log"
  start_xvfb
  cat /proc/loadavg >"$out/loadavg"
  say "launches on $DISPLAY: one warm-up each, then $runs rounds, alternating"
  for v in "${variants[@]}"; do launch "$v"; done
  rm -f "$out"/launch-*.jsonl
  for i in $(seq "$runs"); do
    for v in "${variants[@]}"; do launch "$v"; done
  done
  kill "$xvfb"
  xvfb=""
  # What "complete" looked like in the last round: check the list is there.
  for v in "${variants[@]}"; do
    convert "xwd:$out/shot-$v.xwd" "$out/shot-$v.png" && rm "$out/shot-$v.xwd"
  done
}

gobench() {
  say "PDF: the demo plan beside a bare fpdf text dump"
  $go test -run '^$' -bench 'DemoPlan|Baseline' -benchmem -count "$count" ./report/ | tee "$out/bench-report.txt" >&2
  say "search over $companies companies beside a plain count(*)"
  $go test -run '^$' -bench Companies10000 -benchmem -count "$count" ./app/store/ | tee "$out/bench-store.txt" >&2
  say "portfolio views over 10,000 companies × 3 assessments beside a plain SQL scan"
  $go test -run '^$' -bench Portfolio10000 -benchmem -benchtime 3x -count "$portfolio_count" -timeout 30m ./app/store/ |
    tee "$out/bench-portfolio.txt" >&2
}

build
data
launches
gobench
"$out/benchsummary" "$out" | tee "$out/summary.txt"
