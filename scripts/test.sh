#!/usr/bin/env bash
# `npm test`: installs what is missing, starts the test profile's own PostgreSQL and Kafka (fresh, on ports and
# folders of their own), runs the type checker, the linter, unit, integration and browser tests, stops what it
# started, and ends with one summary line. Every stage runs even when an earlier one failed.
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/kafka.sh"

started_at=$(date +%s)
set_profile test
results="$RHEI_ROOT/test-results"

"$RHEI_ROOT/scripts/install.sh" --browser

step "starting fresh test services in $RHEI_DATA"
# Stopping needs only the pid file and the data folder, not the old run's secrets.
kafka_down >/dev/null 2>&1 || true
pg_destroy
rm -rf "$RHEI_DATA" "$results"
mkdir -p "$results"
load_env_file
stop_services() {
  step "stopping the test services"
  kafka_down || true
  pg_down || true
}
trap stop_services EXIT
# PostgreSQL and Kafka from nothing (with this run's secrets), migrated.
fresh_services() {
  kafka_down >/dev/null 2>&1 || true
  pg_destroy
  rm -rf "$(kafka_dir)"
  pg_up
  kafka_up
  kafka_wait 120
  run_ts scripts/db-migrate.ts || fail "migrations failed" "see the message above"
}
fresh_services

cd "$RHEI_ROOT"
declare -A stage_status
run_stage() {
  local name=$1
  shift
  step "$name"
  if "$@"; then stage_status[$name]=ok; else stage_status[$name]=FAILED; fi
}

run_stage typecheck npx tsc --noEmit
run_stage lint npx biome check --error-on-warnings .
run_stage unit npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json"
run_stage integration npx vitest run --project integration --reporter=default --reporter=json \
  --outputFile.json="$results/integration.json"
# The build checks types again unless the typecheck stage just did (next.config.js).
typechecked=$([ "${stage_status[typecheck]}" = ok ] && echo 1 || echo 0)
run_stage build env RHEI_TYPECHECKED="$typechecked" bash -c "npm run build:sdk && NODE_ENV=production npx next build"
if [ "${stage_status[build]}" = ok ]; then
  # The integration tests leave thousands of topics and companies behind, which the console would reconcile, and
  # its alarm evaluator and rollup job follow and rebalance over, for the whole browser stage: start it clean.
  step "fresh services for the browser tests"
  fresh_services
  run_stage e2e env NODE_OPTIONS="--import ./scripts/runtime/register-hooks.mjs" npx playwright test
else
  stage_status[e2e]=SKIPPED
fi

trap - EXIT
stop_services
echo
# The summary line, and the exit code: non-zero when any test or stage failed.
node scripts/test-summary.mjs "$results" \
  "typecheck=${stage_status[typecheck]}" "lint=${stage_status[lint]}" "build=${stage_status[build]}" \
  "unit=${stage_status[unit]}" "integration=${stage_status[integration]}" "e2e=${stage_status[e2e]}" \
  "seconds=$(($(date +%s) - started_at))"
