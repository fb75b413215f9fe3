# The project-local PostgreSQL 15 cluster under $RHEI_DATA/pg. Sourced by services.sh.

pg_dir() { echo "$RHEI_DATA/pg"; }
pg_sock() { echo "$RHEI_DATA/run"; }

# initdb and postgres refuse to run as root, so root runs them as the `postgres` user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { as_pg "$PG_BIN/pg_ctl" -D "$(pg_dir)" status >/dev/null 2>&1; }

pg_up() {
  local dir sock
  dir=$(pg_dir) sock=$(pg_sock)
  mkdir -p "$RHEI_DATA" "$sock"
  [ "$(id -u)" = 0 ] && chown postgres "$sock"
  if [ ! -f "$dir/PG_VERSION" ]; then
    step "creating a PostgreSQL cluster in $dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    local pwfile="$RHEI_DATA/.pgpass-init"
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
