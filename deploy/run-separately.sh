#!/usr/bin/env bash
# Runs every Vigil app as its own process on this machine (no containers), against the local
# NATS and Postgres, plus the demo Airwave gateway. Ctrl-C stops them all. A demo: every process
# runs in demo mode (demo signing secret unless VIGIL_AUTH_SECRET is set, sign-in link printed).
set -euo pipefail
export VIGIL_DEMO=on
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh
npm run build --silent
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
for app in ingest triage faults notify dashboard demo-gateway; do
  node "dist/apps/$app/src/main.js" 2>&1 | sed "s/^/[$app] /" &
  pids+=($!)
done
echo "Dashboard: http://localhost:3000/?token=$(node dist/scripts/issue-token.js police local-police)"
wait
