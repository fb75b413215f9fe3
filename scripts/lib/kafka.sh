# The project-local Kafka broker: one KRaft node (broker + controller) with SASL/SCRAM-SHA-512 and the
# StandardAuthorizer, under $RHEI_DATA/kafka. Sourced by services.sh.

kafka_dir() { echo "$RHEI_DATA/kafka"; }
kafka_pid() { cat "$(kafka_dir)/kafka.pid" 2>/dev/null || true; }
kafka_running() { local pid; pid=$(kafka_pid); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
kafka_java() { java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true -cp "$KAFKA_HOME/libs/*" "$@"; }

# Client listener: SCRAM-SHA-512 for the console, the broker itself and every client application.
# Controller listener: SASL/PLAIN with a static user, since SCRAM credentials live in the metadata log that
# the controller serves (KRaft cannot authenticate its own listener with them).
kafka_write_config() {
  local dir=$1
  umask 077
  cat >"$dir/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$RHEI_KAFKA_CONTROLLER_PORT
listeners=CLIENT://127.0.0.1:$RHEI_KAFKA_PORT,CONTROLLER://127.0.0.1:$RHEI_KAFKA_CONTROLLER_PORT
advertised.listeners=CLIENT://127.0.0.1:$RHEI_KAFKA_PORT
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
sasl.mechanism.controller.protocol=PLAIN
listener.name.client.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="$RHEI_KAFKA_BROKER_PASSWORD";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="broker" password="$RHEI_KAFKA_BROKER_PASSWORD" user_broker="$RHEI_KAFKA_BROKER_PASSWORD";
# A SASL connection must authenticate again after this long, so a rotated or revoked client secret ends open
# connections too, not only new logins (KIP-368).
connections.max.reauth.ms=$RHEI_KAFKA_MAX_REAUTH_MS
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:broker;User:$KAFKA_ADMIN_USERNAME
log.dirs=$dir/data
num.partitions=3
default.replication.factor=1
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.check.interval.ms=60000
# Kafka 3.9's ScramDelta.apply() drops every SCRAM credential (the console's and the broker's too) when it replays
# a credential removal onto an empty image, which happens at restart while the metadata log has no snapshot yet.
# A snapshot soon after start gives every later replay a non-empty base image.
metadata.log.max.snapshot.interval.ms=10000
PROPS
  cat >"$dir/log4j.properties" <<'PROPS'
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.authorizer.logger=WARN
log4j.logger.org.apache.kafka.controller=WARN
PROPS
  umask 022
}

kafka_up() {
  local dir
  dir=$(kafka_dir)
  [ -f "$KAFKA_HOME/.complete" ] || fail "Kafka jars are not installed" "run scripts/install.sh"
  mkdir -p "$dir/logs"
  kafka_write_config "$dir"
  if [ ! -f "$dir/data/meta.properties" ]; then
    step "formatting Kafka storage (KRaft) with SCRAM users broker and $KAFKA_ADMIN_USERNAME"
    local cluster_id
    cluster_id=$(kafka_java kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    kafka_java -Dkafka.logs.dir="$dir/logs" -Dlog4j.configuration="file:$dir/log4j.properties" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$dir/server.properties" \
      --add-scram "SCRAM-SHA-512=[name=broker,password=$RHEI_KAFKA_BROKER_PASSWORD]" \
      --add-scram "SCRAM-SHA-512=[name=$KAFKA_ADMIN_USERNAME,password=$KAFKA_ADMIN_PASSWORD]" >"$dir/format.log" 2>&1 \
      || fail "formatting Kafka storage failed (see $dir/format.log)" "remove $dir and run this again"
  fi
  if kafka_running; then
    ok "Kafka already running on port $RHEI_KAFKA_PORT"
    return
  fi
  port_open "$RHEI_KAFKA_PORT" && fail "port $RHEI_KAFKA_PORT is taken by another program" "stop it, or set RHEI_KAFKA_PORT in $RHEI_ENV_FILE"
  step "starting Kafka $KAFKA_VERSION on 127.0.0.1:$RHEI_KAFKA_PORT"
  nohup java -Xms256m -Xmx1g -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$dir/logs" -Dlog4j.configuration="file:$dir/log4j.properties" \
    -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$dir/server.properties" >"$dir/logs/stdout.log" 2>&1 &
  echo $! >"$dir/kafka.pid"
}

# Waits until the console's admin principal can describe the cluster: the port alone opens before SASL is ready.
kafka_wait() {
  local timeout=${1:-90} i=0
  until port_open "$RHEI_KAFKA_PORT"; do
    kafka_running || fail "Kafka exited while starting (see $(kafka_dir)/logs/server.log)" "read the log's last lines"
    i=$((i + 1))
    [ $i -ge "$timeout" ] && fail "Kafka did not open port $RHEI_KAFKA_PORT within ${timeout}s" "see $(kafka_dir)/logs/server.log"
    sleep 1
  done
  run_ts scripts/wait-for-kafka.ts "$timeout" || fail "Kafka is not ready for the admin principal" "see $(kafka_dir)/logs/server.log"
  ok "Kafka up on 127.0.0.1:$RHEI_KAFKA_PORT (SASL/SCRAM-SHA-512, authorizer on)"
}

kafka_down() {
  local pid
  pid=$(kafka_pid)
  if kafka_running; then
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    ok "Kafka stopped"
  else
    ok "Kafka not running"
  fi
  rm -f "$(kafka_dir)/kafka.pid"
}

kafka_status() {
  if kafka_running; then echo "kafka: up (127.0.0.1:$RHEI_KAFKA_PORT, pid $(kafka_pid))"; else echo "kafka: down"; fi
}
