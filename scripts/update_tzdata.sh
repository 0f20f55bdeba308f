#!/usr/bin/env bash
# Brings Debian's tzdata, which PostgreSQL reads for AT TIME ZONE, __date and Trunc, to IANA
# 2026c or newer (Morocco on UTC+00 since 2026-09-20; bookworm-security carries it), and
# restarts a running local PostgreSQL when it changed. Python does not need it (PyPI tzdata).
# Without root or apt-get it only warns: `manage.py check --database default` then says what is stale.
set -euo pipefail
NEEDED=2026c
installed=$(awk 'NR == 1 {print $3}' /usr/share/zoneinfo/tzdata.zi 2>/dev/null || echo none)
if [[ "$installed" != none && ! "$installed" < "$NEEDED" ]]; then
  exit 0
fi
if [[ "$(id -u)" != 0 ]] || ! command -v apt-get >/dev/null; then
  echo "warning: the system's tzdata is $installed (older than $NEEDED); PostgreSQL will show Moroccan times an hour off." >&2
  exit 0
fi
echo "== Updating the system's tzdata ($installed, older than $NEEDED)"
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq && apt-get install -y -qq tzdata >/dev/null; }; then
  echo "warning: could not update tzdata; PostgreSQL will show Moroccan times an hour off." >&2
  exit 0
fi
now=$(awk 'NR == 1 {print $3}' /usr/share/zoneinfo/tzdata.zi 2>/dev/null || echo none)
if [[ "$now" == "$installed" ]]; then
  echo "warning: tzdata is still $now; PostgreSQL will show Moroccan times an hour off." >&2
  exit 0
fi
# PostgreSQL reads the new files after a restart (only when they changed).
if command -v pg_lsclusters >/dev/null && pg_lsclusters -h | grep -q online; then
  pg_lsclusters -h | awk '$4 == "online" {print $1, $2}' | while read -r version cluster; do
    pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" restart
  done
fi
