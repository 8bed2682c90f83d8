#!/usr/bin/env bash
# Installs the Debian packages the test suite drives for real: Chromium (web chat page tests)
# and PostgreSQL 15 (team-mode store test). Only when missing; needs root (as on CI here).
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "system-deps: please install: ${need[*]}" >&2; exit 1; fi
  echo "system-deps: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
