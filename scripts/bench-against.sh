#!/usr/bin/env bash
# Measure an earlier commit and this checkout back to back on this machine, and report both.
#
#   bash scripts/bench-against.sh <commit>
#
# The earlier commit runs its own `npm run bench` (its own bench code, in a throwaway worktree with its
# own `npm ci`), then this checkout's bench runs with BENCH_EARLIER pointing at those figures, so
# BENCHMARKS.md gains a section comparing each throughput's share of its baseline. Run it on a quiet
# machine: both runs share it, and anything else running weighs on whichever is measuring then.
set -euo pipefail

REV=${1:?usage: bash scripts/bench-against.sh <commit>}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COMMIT=$(git -C "$ROOT" rev-parse --short "$REV^{commit}")
WORKTREE=$(mktemp -d /tmp/vigil-bench-against-XXXXXX)
EARLIER="$ROOT/.bench/earlier-$COMMIT.json"

cleanup() { git -C "$ROOT" worktree remove --force "$WORKTREE" >/dev/null 2>&1 || rm -rf "$WORKTREE"; }
trap cleanup EXIT

echo "bench-against: measuring $COMMIT in $WORKTREE …"
git -C "$ROOT" worktree add --detach "$WORKTREE" "$COMMIT" >/dev/null
(cd "$WORKTREE" && npm ci --no-audit --no-fund --loglevel=error && npm run bench)
mkdir -p "$ROOT/.bench"
node -e 'const [commit, file] = process.argv.slice(1); process.stdout.write(JSON.stringify({ commit, results: require(file) }, null, 2));' \
  "$COMMIT" "$WORKTREE/.bench/results.json" > "$EARLIER"

echo "bench-against: measuring this checkout …"
cd "$ROOT" && BENCH_EARLIER="$EARLIER" npm run bench
