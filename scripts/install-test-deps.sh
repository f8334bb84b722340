#!/usr/bin/env bash
# Installs the Debian packages Label Station's tests need: Chromium for the screen tests,
# CUPS with a virtual PDF printer for the print tests, poppler for reading PDFs back.
# Safe to run again: apt-get skips what is installed.
set -euo pipefail
packages=(chromium cups cups-client cups-bsd printer-driver-cups-pdf poppler-utils fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Test packages already installed."
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
