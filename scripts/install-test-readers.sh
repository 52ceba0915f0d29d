#!/usr/bin/env bash
# Installs the real readers the document tests open generated files in (see docs/generators.md):
# Debian's LibreOffice Calc without a GUI (XLSX and CSV, converted to PDF headless), poppler-utils
# (PDF page sizes, text and PNG pages) and the Liberation fonts (metric-compatible with Arial,
# the font the XLSX files name). Chromium comes from install-code-server.sh. Idempotent: a second
# run only checks. About 200 MB and one to three minutes on a fresh machine.
set -euo pipefail

missing=()
for package in libreoffice-calc-nogui poppler-utils fonts-liberation2; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi
echo "soffice: $(command -v soffice)"
