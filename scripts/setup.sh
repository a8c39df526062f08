#!/usr/bin/env bash
# Install what Tusk needs and is missing: Debian packages, uv, the virtualenv from uv.lock,
# compiled translations. Safe to run again: it only installs what is absent.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  chromium chromium-driver            # browser tests and screenshots
  poppler-utils                       # pdftoppm, to look at PDFs
  libreoffice-writer-nogui            # opening exported DOCX
  fonts-dejavu-core fonts-liberation2 # fonts for PDFs and screenshots
  gettext                             # compiling the FR/ES catalogues
  libpango-1.0-0 libpangoft2-1.0-0    # WeasyPrint's text layout, for PDFs
  postgresql                          # the second database every test runs on
  make git curl ca-certificates
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
    echo "setup: not root and no sudo: install these packages yourself: ${missing[*]}" >&2; exit 1
  fi
  # A PostgreSQL server the package may start is never used: the tests start their own
  # throwaway cluster on a free loopback port.
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v uv >/dev/null 2>&1; then
  echo "setup: installing uv"
  python3 -m pip install --quiet --disable-pip-version-check uv 2>/dev/null \
    || python3 -m pip install --quiet --user uv
  export PATH="$HOME/.local/bin:$PATH"
fi

uv sync --frozen --quiet
.venv/bin/tusk compilemessages --ignore=.venv --ignore=var -v0
mkdir -p var
