#!/usr/bin/env bash
# Installs everything the test suite needs on a fresh Debian machine: Debian packages (only the
# missing ones, through apt-get) and the npm workspace from package-lock.json. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive for real: a Secret Service in a throwaway D-Bus session for the
# keychain tests (scripts/with-keyring.sh: gnome-keyring, dbus-run-session from dbus), and a real
# browser for the PWA/browser tests (chromium). The tray test: a virtual X display with a tray host,
# clicks and screenshots (xvfb, trayer, xdotool, imagemagick) and the tray helper's AppIndicator
# library; the installer test: systemd-analyze (systemd).
debian_packages=(gnome-keyring dbus chromium xvfb trayer xdotool imagemagick libayatana-appindicator3-1 systemd)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  echo "setup-test: installing Debian packages: ${missing[*]}" >&2
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "setup-test: npm ci" >&2
npm ci --no-fund --no-audit
