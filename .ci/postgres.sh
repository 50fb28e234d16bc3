#!/usr/bin/env bash
# A throwaway PostgreSQL server for the history-store tests (tests/test_history.py).
#
#   eval "$(.ci/postgres.sh start)"   # installs Debian's postgresql if missing (as root), starts a cluster in a
#                                     # temp dir on a free 127.0.0.1 port, creates a database, and prints
#                                     # export PINGCHA_TEST_POSTGRES_URL=... and PINGCHA_TEST_POSTGRES_DIR=...
#   .ci/postgres.sh stop "$PINGCHA_TEST_POSTGRES_DIR"   # stops it and deletes the directory
#
# Only the export lines go to stdout; progress goes to stderr. initdb refuses to run as root, so as root the
# cluster runs as the `postgres` system user that the Debian package creates.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

pg_bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -z "$dir" ]] && command -v pg_ctl >/dev/null 2>&1; then
        dir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    fi
    echo "$dir"
}

install_if_missing() {
    if [[ -n "$(pg_bindir)" ]]; then return; fi
    if [[ $(id -u) -ne 0 ]]; then
        log "PostgreSQL is not installed and this is not root: apt-get install postgresql first"; exit 1
    fi
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
}

free_port() {
    python3 - <<'PY'
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
PY
}

as_owner() {  # run a command as the cluster's owner
    if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
    install_if_missing
    local bin dir port db user
    bin=$(pg_bindir)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/pingcha-pg.XXXXXX")
    port=$(free_port)
    db=pingcha_test
    user=pingcha
    if [[ $(id -u) -eq 0 ]]; then chown postgres: "$dir"; fi
    log "initdb in $dir (port $port)"
    as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >&2 \
        || { cat "$dir/server.log" >&2; exit 1; }
    as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$db" >&2
    echo "export PINGCHA_TEST_POSTGRES_URL=postgresql+psycopg://$user@127.0.0.1:$port/$db"
    echo "export PINGCHA_TEST_POSTGRES_DIR=$dir"
}

stop() {
    local dir=${1:-${PINGCHA_TEST_POSTGRES_DIR:-}}
    if [[ -z "$dir" || ! -d "$dir/data" ]]; then log "no cluster directory given"; exit 1; fi
    as_owner "$(pg_bindir)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-start}" in
    start) start ;;
    stop) shift; stop "$@" ;;
    *) log "usage: $0 start | stop DIR"; exit 2 ;;
esac
