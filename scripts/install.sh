#!/usr/bin/env bash
# Installs whatever is missing, and nothing else: Debian packages, npm packages, Kafka jars, and Chromium for
# the browser tests. Idempotent: a second run only checks.
#   scripts/install.sh [--browser]
source "$(dirname "$0")/lib/common.sh"

want_browser=false
[ "${1:-}" = "--browser" ] && want_browser=true

apt_install() {
  step "installing Debian packages: $*"
  if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' 2>/dev/null | head -1)" ] || [ -n "${RHEI_APT_UPDATE:-}" ]; then
    as_root apt-get update -qq || fail "apt-get update failed" "check the network access to Debian's mirrors"
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null \
    || { as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@" >/dev/null; } \
    || fail "apt-get install $* failed" "run it by hand to see why, then run this command again"
  ok "installed $*"
}

check_node() {
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || fail "Node $major is too old" "install Node 20 or newer"
}

install_system_packages() {
  local missing=()
  [ -x "$PG_BIN/initdb" ] || missing+=(postgresql)
  command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
  command -v mvn >/dev/null || missing+=(maven)
  if $want_browser && ! command -v chromium >/dev/null; then missing+=(chromium fonts-liberation); fi
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; else ok "Debian packages present"; fi
}

# npm ci when node_modules is missing or older than the lockfile.
install_npm_packages() {
  local stamp="$RHEI_ROOT/node_modules/.rhei-lock-stamp"
  if [ -f "$stamp" ] && cmp -s "$stamp" "$RHEI_ROOT/package-lock.json"; then
    ok "npm packages up to date"
    return
  fi
  step "installing npm packages (npm ci)"
  (cd "$RHEI_ROOT" && npm ci --no-audit --no-fund --loglevel=error) \
    || fail "npm ci failed" "check access to the npm registry, then run this command again"
  cp "$RHEI_ROOT/package-lock.json" "$stamp"
  ok "npm packages installed"
}

# Kafka's jars come from Maven Central, into a cache outside the clone keyed by version.
install_kafka() {
  if [ -f "$KAFKA_HOME/.complete" ]; then
    ok "Kafka $KAFKA_VERSION jars cached in $KAFKA_HOME"
    return
  fi
  step "fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_HOME"
  rm -rf "$KAFKA_HOME"
  mkdir -p "$KAFKA_HOME/libs"
  mvn -q -B -Dstyle.color=never -f "$RHEI_ROOT/scripts/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DoutputDirectory="$KAFKA_HOME/libs" -DincludeScope=runtime \
    || fail "could not fetch the Kafka jars" "check access to Maven Central (repo1.maven.org), then run this again"
  touch "$KAFKA_HOME/.complete"
  ok "$(ls "$KAFKA_HOME/libs" | wc -l) jars in $KAFKA_HOME/libs"
}

# Prisma's client is generated from prisma/schema.prisma; its schema engine binary is never downloaded.
generate_prisma_client() {
  local schema="$RHEI_ROOT/prisma/schema.prisma" out="$RHEI_ROOT/lib/generated/prisma/client.ts"
  if [ -f "$out" ] && [ "$out" -nt "$schema" ]; then
    ok "Prisma client up to date"
    return
  fi
  step "generating the Prisma client"
  (cd "$RHEI_ROOT" && PRISMA_SCHEMA_ENGINE_BINARY=/bin/false npx prisma generate >/dev/null) \
    || fail "prisma generate failed" "run 'npm run db:generate' to see the error"
  ok "Prisma client generated"
}

check_node
install_system_packages
install_npm_packages
install_kafka
generate_prisma_client
