# The project-local PostgreSQL 15 cluster under $RHEI_DATA/pg. Sourced by services.sh and test.sh.

# initdb and postgres refuse to run as root, so root runs them as the `postgres` user, which must be able to reach
# the cluster's folder. A clone inside a private folder (mktemp -d makes them 0700) is out of its reach: then the
# cluster lives under /var/lib/rhei-postgres/<hash of the data folder> instead, still one per checkout and profile.
pg_base() {
  if [ "$(id -u)" != 0 ]; then echo "$RHEI_DATA"; return; fi
  mkdir -p "$RHEI_DATA"
  if runuser -u postgres -- test -x "$RHEI_DATA" 2>/dev/null; then
    echo "$RHEI_DATA"
  else
    echo "/var/lib/rhei-postgres/$(printf %s "$RHEI_DATA" | sha256sum | cut -c1-16)"
  fi
}
pg_dir() { echo "$(pg_base)/pg"; }
pg_sock() { echo "$(pg_base)/run"; }

as_pg() {
  if [ "$(id -u)" = 0 ]; then (cd / && runuser -u postgres -- "$@"); else "$@"; fi
}

pg_running() { as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)" status >/dev/null 2>&1; }

pg_up() {
  local base dir sock
  base=$(pg_base) dir=$(pg_dir) sock=$(pg_sock)
  mkdir -p "$base" "$sock"
  [ "$base" != "$RHEI_DATA" ] && warn "PostgreSQL cannot reach $RHEI_DATA (a private folder): its cluster lives in $base"
  if [ "$(id -u)" = 0 ]; then chown postgres "$sock"; [ "$base" != "$RHEI_DATA" ] && chown postgres "$base"; fi
  if [ ! -f "$dir/PG_VERSION" ]; then
    step "creating a PostgreSQL cluster in $dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    local pwfile="$base/.pgpass-init"
    (umask 077; printf '%s\n' "$RHEI_PG_PASSWORD" >"$pwfile")
    [ "$(id -u)" = 0 ] && chown postgres "$pwfile"
    as_pg "$PG_BIN/initdb" -D "$dir" -U rhei --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$RHEI_DATA/initdb.log" 2>&1 \
      || { rm -f "$pwfile"; fail "initdb failed (see $RHEI_DATA/initdb.log)" "remove $dir and run this again"; }
    rm -f "$pwfile"
  fi
  if pg_running; then
    ok "PostgreSQL already running on port $RHEI_PG_PORT"
  else
    port_open "$RHEI_PG_PORT" && fail "port $RHEI_PG_PORT is taken by another program" "stop it, or set RHEI_PG_PORT in $RHEI_ENV_FILE"
    step "starting PostgreSQL on 127.0.0.1:$RHEI_PG_PORT"
    as_pg "$PG_BIN/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
      -o "-p $RHEI_PG_PORT -k $sock -c listen_addresses=127.0.0.1" start >/dev/null \
      || fail "PostgreSQL did not start (see $dir/server.log)" "read the log; a stale postmaster.pid can be removed when no postgres runs"
  fi
  if ! PGPASSWORD="$RHEI_PG_PASSWORD" "$PG_BIN/psql" -h 127.0.0.1 -p "$RHEI_PG_PORT" -U rhei -d postgres -tAc \
    "select 1 from pg_database where datname='rhei'" | grep -q 1; then
    PGPASSWORD="$RHEI_PG_PASSWORD" "$PG_BIN/createdb" -h 127.0.0.1 -p "$RHEI_PG_PORT" -U rhei rhei \
      || fail "could not create the database 'rhei'" "check $dir/server.log"
  fi
  ok "PostgreSQL up on 127.0.0.1:$RHEI_PG_PORT (database rhei)"
}

pg_down() {
  if pg_running; then
    as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)" -m fast -w stop >/dev/null && ok "PostgreSQL stopped"
  else
    ok "PostgreSQL not running"
  fi
}

pg_status() {
  if pg_running; then echo "postgresql: up (127.0.0.1:$RHEI_PG_PORT, $(pg_dir))"; else echo "postgresql: down"; fi
}

# Stops the cluster and deletes it, wherever it lives (test.sh starts each run from nothing).
pg_destroy() {
  pg_down >/dev/null 2>&1 || true
  local base
  base=$(pg_base)
  if [ "$base" = "$RHEI_DATA" ]; then rm -rf "$base/pg" "$base/run"; else rm -rf "$base"; fi
}
