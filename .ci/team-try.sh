#!/usr/bin/env bash
# Team mode on this computer, to try it: a PostgreSQL in a temporary folder,
# pomi-server over it with a self-signed certificate on https://localhost:PORT,
# an organisation and one advisor. Runs until Ctrl+C, then removes it all.
#   team-try.sh BIN_DIR [PORT]
set -euo pipefail
bindir=$(cd "$1" && pwd) port=${2:-8443}
dir=$(mktemp -d /tmp/pomi-team.XXXXXX)
chmod 755 "$dir"
pgbin=$(dirname "$(printf '%s\n' /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
[ -x "$pgbin/initdb" ] || { echo "team-try: PostgreSQL is missing; run: bash .ci/install-deps.sh test" >&2; exit 1; }

# PostgreSQL refuses to run as root: then it runs as nobody.
as_pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
mkdir -p "$dir/pg"
[ "$(id -u)" = 0 ] && chown nobody:nogroup "$dir/pg"
pgport=$((port + 1))
as_pg "$pgbin/initdb" -D "$dir/pg/data" -U pomi --auth=trust >/dev/null
as_pg "$pgbin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pgport -k $dir/pg" start >/dev/null
server=""
cleanup() {
  set +e # a server already gone must not stop the clean-up halfway (set -e)
  [ -n "$server" ] && kill "$server" 2>/dev/null
  as_pg "$pgbin/pg_ctl" -D "$dir/pg/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
as_pg "$pgbin/createdb" -h 127.0.0.1 -p "$pgport" -U pomi pomi
export POMI_DATABASE_URL="postgres://pomi@127.0.0.1:$pgport/pomi?sslmode=disable"

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 7 -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
"$bindir/pomi-server" migrate
"$bindir/pomi-server" org create --name "Exportkontoret Syd"
for who in "Anna Berg:anna@example.se" "Per Holm:per@example.se"; do
  printf '%s\n' "prova-team-1" | "$bindir/pomi-server" advisor add --org "Exportkontoret Syd" \
    --name "${who%%:*}" --email "${who#*:}"
done
cat <<EOF

Team mode is running on https://localhost:$port (Ctrl+C stops it and removes everything).
Two advisors, password prova-team-1: anna@example.se and per@example.se. In another terminal:

  printf 'prova-team-1\\n' | $bindir/pomi-cli login --server https://localhost:$port --ca $dir/cert.pem --email anna@example.se
  $bindir/pomi-cli sync && $bindir/pomi-cli sync --status

EOF
"$bindir/pomi-server" serve --listen "127.0.0.1:$port" --cert "$dir/cert.pem" --key "$dir/key.pem" &
server=$!
wait "$server"
