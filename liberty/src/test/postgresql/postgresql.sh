#!/usr/bin/env bash
# The tests' PostgreSQL server: Debian's binaries (apt-get install postgresql), a fresh cluster in a
# folder under target/, listening on 127.0.0.1 only.
#   postgresql.sh start DIR PORT    a new, empty cluster with the database "sesame" (user sesame)
#   postgresql.sh stop DIR          stops it (fast), if it runs
# PostgreSQL refuses to run as root: under root (CI) the cluster belongs to the "postgres" user that
# Debian's package creates.
set -euo pipefail

action=${1:?start or stop}
dir=$(realpath -m "${2:?folder}")
port=${3:-}
user=sesame
password=sesame-embedded-only

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "PostgreSQL is not installed here: apt-get install postgresql" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop() {
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 \
            || as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
}

case "$action" in
    start)
        : "${port:?port}"
        stop
        rm -rf "$dir"
        mkdir -p "$dir"
        [ "$(id -u)" = 0 ] && chown postgres "$dir"
        printf '%s\n' "$password" > "$dir/password"
        [ "$(id -u)" = 0 ] && chown postgres "$dir/password"
        as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/password" -E UTF8 --no-locale \
            --auth-host=scram-sha-256 --auth-local=scram-sha-256 >"$dir/initdb.log"
        # TCP on loopback only (no Unix socket), fsync off: a test cluster, thrown away after the run.
        as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/postgresql.log" -w -t 60 \
            -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c max_connections=200" start >/dev/null
        PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" sesame
        echo "PostgreSQL on 127.0.0.1:$port, database sesame, in $dir"
        ;;
    stop)
        stop
        ;;
    *)
        echo "start DIR PORT | stop DIR" >&2
        exit 2
        ;;
esac
