#!/usr/bin/env bash
# Makes the action plan of every demo company in Swedish and English with the
# real CLI, then checks each PDF with the tools a reader's software trusts:
#   qpdf --check (structure), pdffonts (fonts embedded), pdftotext (the words
#   come out right, Swedish letters intact), pdfinfo (metadata, page count).
# Usage: pdf-check.sh PATH-TO-pomi-cli OUT-DIR
set -euo pipefail
cli=$(realpath "$1")
out=$2
mkdir -p "$out"
data=$(mktemp -d)
trap 'rm -rf "$data" 2>/dev/null || true' EXIT
export POMI_DATA_DIR=$data

"$cli" demo >/dev/null
# Brand the plans as an advisory organisation would, logo included.
"$cli" settings --organisation "Exportrådgivarna i Småland" --color "#2e6b4f" --advisor "Karin Ek" \
  --advisor-title "Exportrådgivare" --advisor-email "karin.ek@example.se" \
  --logo "$(dirname "$0")/../cmd/pomi/Icon.png" >/dev/null
ids=$("$cli" list --json | grep -o '"id": *[0-9]*' | grep -o '[0-9]*$')
[ -n "$ids" ] || { echo "pdf-check: no demo companies" >&2; exit 1; }

fail() { echo "pdf-check: $*" >&2; exit 1; }
for id in $ids; do
  name=$("$cli" list --json | tr -d '\n' | grep -o "\"id\": *$id, *\"name\": *\"[^\"]*\"" | sed 's/.*"name": *"//; s/"$//')
  for lang in sv en; do
    pdf="$out/plan-$id-$lang.pdf"
    "$cli" report --company "$id" --lang "$lang" --out "$pdf" >/dev/null
    qpdf --check "$pdf" >/dev/null || fail "$pdf: qpdf --check failed"
    pdffonts "$pdf" | awk 'NR>2 && $(NF-4)!="yes" {bad=1} END {exit bad}' || fail "$pdf: a font is not embedded"
    text=$(pdftotext -layout "$pdf" -)
    grep -qF "$name" <<<"$text" || fail "$pdf: company name \"$name\" missing from the text"
    grep -qF "Exportrådgivarna i Småland" <<<"$text" || fail "$pdf: the organisation's name is missing"
    if [ "$lang" = sv ]; then
      for w in "Handlingsplan för internationalisering" "Sammanfattning" "POMI-profil" "Åtgärd" "Överenskommelse" "Sida 2 av"; do
        grep -qF "$w" <<<"$text" || fail "$pdf: \"$w\" missing"
      done
    else
      for w in "Internationalisation action plan" "Summary" "POMI profile" "Action plan" "Agreement" "Page 2 of"; do
        grep -qF "$w" <<<"$text" || fail "$pdf: \"$w\" missing"
      done
    fi
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    echo "pdf-check: $pdf ok ($pages pages, $name)"
  done
done
