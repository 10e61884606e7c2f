#!/usr/bin/env bash
# Installs the exact Node.js (from .nvmrc) and pnpm (from package.json's packageManager)
# into ./.tools with npm, so CI and a fresh machine with only Node 20 run Herald on Node 24.
# Idempotent: a second run with the right versions in place does nothing.
# Usage: scripts/provision.sh && export PATH="$PWD/.tools/bin:$PATH"
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
node_version="$(tr -d ' \n' < "$root/.nvmrc")"
pnpm_version="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$root/package.json")"
mkdir -p "$tools/bin"

if [ "$("$tools/bin/node" --version 2>/dev/null)" != "v$node_version" ]; then
  echo "provision: installing node@$node_version into .tools" >&2
  npm install --silent --no-audit --no-fund --no-save --prefix "$tools/node" "node@$node_version" >&2
  ln -sf "$tools/node/node_modules/node/bin/node" "$tools/bin/node"
fi
if [ "$("$tools/bin/pnpm" --version 2>/dev/null)" != "$pnpm_version" ]; then
  echo "provision: installing pnpm@$pnpm_version into .tools" >&2
  npm install --silent --no-audit --no-fund --no-save --prefix "$tools/pnpm" "pnpm@$pnpm_version" >&2
  ln -sf "$tools/pnpm/node_modules/pnpm/bin/pnpm.cjs" "$tools/bin/pnpm"
fi
