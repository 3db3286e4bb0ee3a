#!/usr/bin/env bash
# macos-notarize.sh app|dmg FILE: sends FILE to Apple's notary service, waits for
# the verdict and staples the ticket to it, for the release workflow.
# Credentials, from repository secrets (docs/release.md), either
#   an App Store Connect API key: MACOS_NOTARY_KEY (the .p8 file's text),
#     MACOS_NOTARY_KEY_ID and MACOS_NOTARY_ISSUER, or
#   an Apple ID: MACOS_NOTARY_APPLE_ID, MACOS_NOTARY_TEAM_ID and
#     MACOS_NOTARY_PASSWORD (an app-specific password).
# Skipped with a notice when the app is unsigned (SIGNED != yes) or neither
# set is there. Step output: notarized=yes|no.
set -euo pipefail
kind=${1:?usage: macos-notarize.sh app|dmg FILE}
file=${2:?usage: macos-notarize.sh app|dmg FILE}
out=${GITHUB_OUTPUT:-/dev/null}

skip() {
  echo "::notice title=macOS notarization skipped::$1"
  echo "notarized=no" >>"$out"
  exit 0
}
need() {
  local name
  for name in "$@"; do
    if [ -z "${!name:-}" ]; then
      echo "::error::secret $name is missing (docs/release.md lists what notarization needs)"
      exit 1
    fi
  done
}

[ "${SIGNED:-no}" = yes ] || skip "the app is not signed with a Developer ID (secret MACOS_CERTIFICATE not set), and Apple notarizes only signed apps"
if [ -n "${MACOS_NOTARY_KEY:-}" ]; then
  need MACOS_NOTARY_KEY_ID MACOS_NOTARY_ISSUER
  key=$RUNNER_TEMP/notary-key.p8
  (umask 077 && printf '%s\n' "$MACOS_NOTARY_KEY" >"$key")
  auth=(--key "$key" --key-id "$MACOS_NOTARY_KEY_ID" --issuer "$MACOS_NOTARY_ISSUER")
elif [ -n "${MACOS_NOTARY_APPLE_ID:-}" ]; then
  need MACOS_NOTARY_TEAM_ID MACOS_NOTARY_PASSWORD
  auth=(--apple-id "$MACOS_NOTARY_APPLE_ID" --team-id "$MACOS_NOTARY_TEAM_ID" --password "$MACOS_NOTARY_PASSWORD")
else
  skip "neither secret MACOS_NOTARY_KEY nor MACOS_NOTARY_APPLE_ID is set; the app is signed but not notarized, so macOS warns on first start"
fi

case $kind in
app)
  # The notary takes a zip made by ditto (zip(1) would break the signature).
  submission=$RUNNER_TEMP/notarize.zip
  ditto -c -k --keepParent "$file" "$submission"
  ;;
dmg) submission=$file ;;
*)
  echo "macos-notarize.sh: unknown kind $kind" >&2
  exit 2
  ;;
esac

result=$RUNNER_TEMP/notary-$kind.json
xcrun notarytool submit "$submission" "${auth[@]}" --wait --timeout 30m --output-format json >"$result"
status=$(plutil -extract status raw "$result")
id=$(plutil -extract id raw "$result")
echo "notarytool: submission $id: $status"
if [ "$status" != Accepted ]; then
  xcrun notarytool log "$id" "${auth[@]}" || true
  echo "::error::notarization of $file: $status"
  exit 1
fi
rm -f "${key:-}" "$RUNNER_TEMP/notarize.zip"

xcrun stapler staple "$file"
xcrun stapler validate "$file"
if [ "$kind" = app ]; then
  spctl --assess --type execute --verbose "$file"
else
  spctl --assess --type open --context context:primary-signature --verbose "$file"
fi
echo "notarized=yes" >>"$out"
