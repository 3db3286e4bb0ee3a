#!/usr/bin/env bash
# Signs the app bundle $APP for the release workflow. With the secret
# MACOS_CERTIFICATE (a base64 "Developer ID Application" .p12) and
# MACOS_CERTIFICATE_PASSWORD: imported into a keychain of its own, then a
# Developer ID signature with the hardened runtime and a secure timestamp,
# which notarization requires. MACOS_SIGNING_IDENTITY may name the identity;
# else the keychain's first "Developer ID Application" one is used.
# Without the certificate the bundle is signed ad hoc (as CI does) and a
# notice says so. Step outputs: signed=yes|no, identity.
set -euo pipefail
out=${GITHUB_OUTPUT:-/dev/null}
app=${APP:?APP names the .app bundle}

if [ -z "${MACOS_CERTIFICATE:-}" ]; then
  echo "::notice title=macOS signing skipped::secret MACOS_CERTIFICATE not set; the app is signed ad hoc only, and macOS will ask users to allow it in System Settings > Privacy & Security"
  codesign --force --sign - "$app"
  echo "signed=no" >>"$out"
  exit 0
fi
if [ -z "${MACOS_CERTIFICATE_PASSWORD:-}" ]; then
  echo "::error::secret MACOS_CERTIFICATE is set but MACOS_CERTIFICATE_PASSWORD is not"
  exit 1
fi

keychain=$RUNNER_TEMP/signing.keychain-db
p12=$RUNNER_TEMP/developer-id.p12
kc_pass=$(openssl rand -base64 24)
umask 077
printf '%s' "$MACOS_CERTIFICATE" | base64 --decode >"$p12"
security create-keychain -p "$kc_pass" "$keychain"
security set-keychain-settings -lut 3600 "$keychain"
security unlock-keychain -p "$kc_pass" "$keychain"
security import "$p12" -k "$keychain" -P "$MACOS_CERTIFICATE_PASSWORD" -f pkcs12 -T /usr/bin/codesign
rm -f "$p12"
# Let codesign use the key without a dialog, and search this keychain too.
security set-key-partition-list -S apple-tool:,apple:,codesign: -s -k "$kc_pass" "$keychain" >/dev/null
existing=()
while IFS= read -r k; do
  k=${k#"${k%%[![:space:]]*}"}
  existing+=("${k//\"/}")
done < <(security list-keychains -d user)
security list-keychains -d user -s "$keychain" "${existing[@]}"

identity=${MACOS_SIGNING_IDENTITY:-}
if [ -z "$identity" ]; then
  identity=$(security find-identity -v -p codesigning "$keychain" |
    sed -n 's/.*"\(Developer ID Application: .*\)"$/\1/p' | head -1)
fi
if [ -z "$identity" ]; then
  echo "::error::MACOS_CERTIFICATE holds no \"Developer ID Application\" identity"
  exit 1
fi

# No entitlements: Go needs no JIT, and OpenGL none either (docs/release.md).
codesign --force --options runtime --timestamp --sign "$identity" --keychain "$keychain" "$app"
codesign --verify --strict --verbose=2 "$app"
codesign --display --verbose=2 "$app" 2>&1 | grep -E '^(Authority|TeamIdentifier|Timestamp|Runtime)' || true
{
  echo "signed=yes"
  echo "identity=$identity"
} >>"$out"
