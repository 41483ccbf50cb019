#!/usr/bin/env bash
# Installs the real Node clients of the conformance matrix (clients/*/) from their lockfiles with
# `npm ci`, when node_modules is missing or older than the lockfile. Idempotent; a no-op when all
# are current. Without npm it installs Debian's nodejs and npm first.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v npm >/dev/null 2>&1; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "install-node-clients: npm not found; installing Debian's nodejs and npm" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm
fi

for lock in clients/*/package-lock.json; do
  folder=$(dirname "$lock")
  stamp="$folder/node_modules/.package-lock.json"
  if [ -f "$stamp" ] && [ "$stamp" -nt "$lock" ]; then
    continue
  fi
  echo "install-node-clients: npm ci in $folder" >&2
  (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
done
