#!/usr/bin/env bash
# `npm run demo`: installs what is missing, starts the demo's PostgreSQL and Kafka, migrates, builds when the
# sources changed, seeds the demo world, and serves the console on http://localhost:3000 (Ctrl-C stops the
# console; `npm run services:down` stops the databases). A second run reuses everything.
source "$(dirname "$0")/lib/common.sh"

set_profile demo
"$RHEI_ROOT/scripts/install.sh"
load_env_file
"$RHEI_ROOT/scripts/services.sh" up demo

step "applying database migrations"
run_ts scripts/db-migrate.ts || fail "migrations failed" "see the message above"

cd "$RHEI_ROOT"
sdk_bundle="dist/sdk/index.js"
if [ -f "$sdk_bundle" ] && [ -z "$(find lib/sdk lib/kafka lib/log.ts scripts/build-sdk.mjs tsconfig.sdk.json package-lock.json \
  -newer "$sdk_bundle" -type f -print -quit 2>/dev/null)" ]; then
  ok "SDK build (dist/sdk) is up to date"
else
  step "building the SDK (dist/sdk, for rhei/sdk and npx rhei)"
  npm run build:sdk >"$RHEI_DATA/build-sdk.log" 2>&1 || fail "the SDK build failed (see $RHEI_DATA/build-sdk.log)" "read the log's last lines"
  ok "built"
fi
build_id=".next/BUILD_ID"
if [ -f "$build_id" ] && [ -z "$(find app components lib prisma public server.ts next.config.js package-lock.json \
  -newer "$build_id" -type f -not -path 'lib/generated/*' -print -quit 2>/dev/null)" ]; then
  ok "production build is up to date"
else
  step "building the console (production)"
  NODE_ENV=production npx next build >"$RHEI_DATA/build.log" 2>&1 || fail "the build failed (see $RHEI_DATA/build.log)" "read the log's last lines"
  ok "built"
fi

step "seeding the demo companies, users, systems and clients"
run_ts scripts/demo-seed.ts || fail "seeding the demo failed" "see the message above"

export NODE_ENV=production
node_run() { node --import tsx --import ./scripts/runtime/register-hooks.mjs "$@"; }

step "serving Rhei on $NEXTAUTH_URL"
node_run server.ts &
server_pid=$!
simulators_pid=""
worker_pid=""
stop_all() {
  trap - INT TERM EXIT
  [ -n "$simulators_pid" ] && kill "$simulators_pid" 2>/dev/null
  [ -n "$worker_pid" ] && kill "$worker_pid" 2>/dev/null
  kill "$server_pid" 2>/dev/null
  wait 2>/dev/null
  ok "console, worker and simulators stopped (PostgreSQL and Kafka keep running: npm run services:down)"
}
trap stop_all INT TERM EXIT

for _ in $(seq 1 120); do
  port_open "$PORT" && break
  kill -0 "$server_pid" 2>/dev/null || fail "the console exited while starting" "see the lines above"
  sleep 1
done

step "starting a stream-app worker for the demo's stream apps (log: $RHEI_DATA/worker.log)"
RHEI_PROCESS=worker node_run worker.ts >>"$RHEI_DATA/worker.log" 2>&1 &
worker_pid=$!

step "starting the demo's client applications (log: $RHEI_DATA/simulators.log)"
node_run scripts/demo-simulators.ts >>"$RHEI_DATA/simulators.log" 2>&1 &
simulators_pid=$!
ok "Rhei is ready on $NEXTAUTH_URL: sign in as admin@icecars.example with password rhei-demo-admin (Ctrl-C to stop)"
wait "$server_pid"
