#!/usr/bin/env bash
# Runs the test suite several times in a row with CPU-busy processes beside it, to show that no test
# depends on timing (issue 11: the gate must be green 10/10 on a loaded 2-core machine).
#
#   scripts/stress-test.sh                      # the whole suite (build once, then unit + e2e) 10 times
#   scripts/stress-test.sh -n 5 -- --project unit
#   scripts/stress-test.sh -n 20 -b 2 -- test/llm/scheduler.test.ts
#
# -n RUNS   how many runs (default 10)          -b BUSY   CPU-busy processes beside them (default 2)
# Anything after `--` goes to `vitest run`. Logs go to .stress/<time>/run-<i>.log; the last line is
# "N passed, M failed", and the exit status is non-zero when any run failed. The busy processes
# are this script's children and end with it (Ctrl-C included).
set -euo pipefail
cd "$(dirname "$0")/.."

runs=10
busy=2
while getopts 'n:b:h' option; do
  case "$option" in
    n) runs="$OPTARG" ;;
    b) busy="$OPTARG" ;;
    *) sed -n '2,13p' "$0"; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
[ "${1:-}" = '--' ] && shift

logs=".stress/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$logs"

# The e2e project drives the production build: build it once (npm test builds before every run).
if [ "$#" -eq 0 ] || printf '%s\n' "$@" | grep -qE 'e2e'; then
  echo "== building the app for the e2e tests"
  npx vite build --logLevel warn
fi

busy_pids=()
stop_busy() {
  for pid in "${busy_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop_busy EXIT
trap 'exit 130' INT TERM
for _ in $(seq "$busy"); do
  (while :; do :; done) &
  busy_pids+=("$!")
done
echo "== $busy CPU-busy processes (${busy_pids[*]:-none}) on $(nproc) cores; $runs runs of: vitest run $*"

passed=0
failed=0
for i in $(seq "$runs"); do
  started=$(date +%s)
  if npx vitest run "$@" >"$logs/run-$i.log" 2>&1; then
    passed=$((passed + 1))
    verdict=passed
  else
    failed=$((failed + 1))
    verdict="FAILED (see $logs/run-$i.log)"
  fi
  tests=$(sed 's/\x1b\[[0-9;]*m//g' "$logs/run-$i.log" | grep -aE '^\s*Tests ' | tail -1 | xargs || true)
  echo "run $i/$runs: $verdict in $(($(date +%s) - started)) s — $tests"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
