# Sourced by the Windows checks: a throwaway Wine prefix that can start Go
# programs. Wine 8 (Debian 12) lacks ProcessPrng in bcryptprimitives.dll,
# which Go 1.24+ Windows programs call at start; .ci/wine/processprng.c is a
# test-only DLL exporting it (filled from RtlGenRandom). It is copied into
# the prefix's system32 and never goes into a package.
#   new_wine_prefix DIR   – creates the prefix DIR/prefix, exports
#                           WINEPREFIX, WINEDEBUG, WINEDLLOVERRIDES and sets
#                           $wine_user, $wine_home (the user's profile folder
#                           seen from Linux) and $wine_appdata ($wine_home/AppData)
#   winpath UNIXPATH      – the C:\ path of a file inside the prefix
#   stop_wine             – ends every Wine process of the prefix

new_wine_prefix() {
  local dir=$1 dll
  command -v wine >/dev/null || { echo "wine missing: run bash .ci/install-deps.sh test" >&2; return 1; }
  export WINEPREFIX=$dir/prefix WINEDEBUG=-all WINEARCH=win64
  # No Mono or Gecko installer prompts; the app needs neither.
  export WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d"
  # Settings that would leak into the Windows programs from this shell.
  unset POMI_DATA_DIR POMI_CRASH_TEST
  wineboot -i >"$dir/wineboot.log" 2>&1 || { cat "$dir/wineboot.log" >&2; return 1; }
  wineserver -w
  dll=$dir/bcryptprimitives.dll
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$dll" \
    "$(dirname "${BASH_SOURCE[0]}")/wine/processprng.c" \
    "$(dirname "${BASH_SOURCE[0]}")/wine/processprng.def" -ladvapi32
  cp "$dll" "$WINEPREFIX/drive_c/windows/system32/bcryptprimitives.dll"
  wine_user=$(basename "$(find "$WINEPREFIX/drive_c/users" -mindepth 1 -maxdepth 1 -type d ! -name Public | head -1)")
  [ -n "$wine_user" ] || { echo "wineboot made no user profile" >&2; return 1; }
  wine_home=$WINEPREFIX/drive_c/users/$wine_user
  wine_appdata=$wine_home/AppData
}

winpath() {
  local rel=${1#"$WINEPREFIX/drive_c/"}
  printf 'C:\\%s' "${rel//\//\\}"
}

stop_wine() {
  [ -n "${WINEPREFIX:-}" ] && wineserver -k 2>/dev/null
  return 0
}
