#!/usr/bin/env bash
# Runs CMD... inside a throwaway D-Bus session with an unlocked GNOME Keyring (Secret Service), so
# the keychain tests use a real OS keychain: fresh HOME in a temp dir (removed afterwards), the
# daemon dies with the session. Exits with CMD's status.
#   scripts/with-keyring.sh npx vitest run agent/test/keychain
# Linux only; on macOS and Windows the built-in keychain is used, so CMD runs as is.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-keyring.sh CMD [ARGS...]" >&2
  exit 2
fi
if [ "$(uname -s)" != "Linux" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: $tool is missing; run scripts/setup-test.sh (installs gnome-keyring and dbus)" >&2
    exit 127
  fi
done

home=$(mktemp -d "${TMPDIR:-/tmp}/pt-keyring-home.XXXXXX")
cleanup() { rm -rf "$home"; }
trap cleanup EXIT
# Own runtime and data dirs too, so a developer's real keyring (and its control socket) is never touched.
mkdir -m 0700 "$home/run"

# The inner script: unlock (creating) the login keyring with a throwaway password, then run CMD.
# Its output is the daemon's environment lines, not needed: the session bus finds the daemon.
inner='printf %s pt-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null || {
  echo "with-keyring: gnome-keyring-daemon did not start" >&2; exit 1; }
"$@"'
status=0
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run" \
  dbus-run-session -- bash -c "$inner" with-keyring "$@" || status=$?
exit "$status"
