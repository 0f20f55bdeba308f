#!/usr/bin/env bash
# Debian packages the portal needs besides Python: gettext (translations), Pango and the Noto
# fonts (PDF papers: Noto Naskh Arabic with Noto Sans for Latin text, see core/pdf.py), libmagic
# (uploaded documents are typed by their content, core/validators.py).
# Installs the missing ones when run as root with apt-get; otherwise says what to install.
set -euo pipefail
PACKAGES=(gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core libmagic1)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
  echo "warning: missing system packages: ${missing[*]} (apt-get install ${missing[*]})" >&2
  exit 0
fi
echo "== Installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
