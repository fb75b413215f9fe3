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
build_id=".next/BUILD_ID"
if [ -f "$build_id" ] && [ -z "$(find app components lib prisma public server.ts next.config.js package-lock.json \
  -newer "$build_id" -type f -not -path 'lib/generated/*' -print -quit 2>/dev/null)" ]; then
  ok "production build is up to date"
else
  step "building the console (production)"
  NODE_ENV=production npx next build >"$RHEI_DATA/build.log" 2>&1 || fail "the build failed (see $RHEI_DATA/build.log)" "read the log's last lines"
  ok "built"
fi

if [ -f scripts/demo-seed.ts ]; then
  step "seeding the demo companies, users and systems"
  run_ts scripts/demo-seed.ts || fail "seeding the demo failed" "see the message above"
fi

step "serving Rhei on $NEXTAUTH_URL (Ctrl-C to stop)"
export NODE_ENV=production
exec node --import tsx --import ./scripts/runtime/register-hooks.mjs server.ts
