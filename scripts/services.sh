#!/usr/bin/env bash
# Starts, stops or reports the project-local PostgreSQL and Kafka.
#   scripts/services.sh up|down|status|kafka-up|kafka-down [demo|test]
source "$(dirname "$0")/lib/common.sh"
source "$(dirname "$0")/lib/postgres.sh"
source "$(dirname "$0")/lib/kafka.sh"

action=${1:-status}
set_profile "${2:-}"
load_env_file

if [ "${RHEI_LOCAL_SERVICES:-true}" != true ]; then
  warn "RHEI_LOCAL_SERVICES=false: using the PostgreSQL and Kafka named in $RHEI_ENV_FILE; nothing to $action here"
  exit 0
fi

case "$action" in
  up)
    pg_up
    kafka_up
    kafka_wait "${RHEI_SERVICES_TIMEOUT:-120}"
    ;;
  down)
    kafka_down
    pg_down
    ;;
  kafka-down) kafka_down ;;
  kafka-up)
    kafka_up
    kafka_wait "${RHEI_SERVICES_TIMEOUT:-120}"
    ;;
  status)
    pg_status
    kafka_status
    ;;
  *) fail "unknown action '$action'" "use up, down, status, kafka-up or kafka-down" ;;
esac
