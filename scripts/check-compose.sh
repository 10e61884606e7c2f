#!/usr/bin/env bash
# Validates docker-compose.yml statically with Debian's docker-compose (1.29); there is no
# Docker engine here, so the services themselves are started natively by tests/compose.test.ts.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v docker-compose >/dev/null 2>&1; then
  echo "ci: installing docker-compose" >&2
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose; } >&2
fi
docker-compose -f docker-compose.yml config -q
echo "ci: docker-compose.yml is valid"
