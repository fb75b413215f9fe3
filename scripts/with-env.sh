#!/usr/bin/env bash
# Runs a command with the profile's environment (RHEI_PROFILE=demo by default, which reads .env).
#   scripts/with-env.sh <command> [args…]
source "$(dirname "$0")/lib/common.sh"
set_profile
load_env_file
cd "$RHEI_ROOT"
exec "$@"
