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
# The dashboard forwards the page's API calls to the apps that own them (see README, "Split deployment").
export VIGIL_INGEST_URL="http://127.0.0.1:${VIGIL_INGEST_PORT:-3001}"
export VIGIL_TRIAGE_URL="http://127.0.0.1:${VIGIL_TRIAGE_PORT:-3002}"
export VIGIL_FAULTS_URL="http://127.0.0.1:${VIGIL_FAULTS_PORT:-3003}"
export VIGIL_NOTIFY_URL="http://127.0.0.1:${VIGIL_NOTIFY_PORT:-3004}"
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
for app in ingest triage faults notify dashboard demo-gateway; do
  node "dist/apps/$app/src/main.js" 2>&1 | sed "s/^/[$app] /" &
  pids+=($!)
done
echo "Dashboard: http://localhost:${VIGIL_DASHBOARD_PORT:-3000}/?token=$(node dist/scripts/issue-token.js police local-police)"
echo "Ingest (gateway HTTP intake): $VIGIL_INGEST_URL/api/gateways/...   SIA DC-09: port ${VIGIL_DC09_TCP_PORT:-10500} (TCP and UDP)"
wait
