#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL cluster: initdb in a temporary folder, start it on a
# local port (trust auth on 127.0.0.1 only), export DATABASE_URL, run the command, then stop the cluster
# and delete the folder, whatever the command's outcome.
#
#   scripts/with-postgres.sh npm test          (what `npm run test:pg` runs)
#   PG_PORT=55433 scripts/with-postgres.sh npm start
#
# PostgreSQL refuses to run as root: as root, the cluster runs as the `postgres` user.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: scripts/with-postgres.sh <command> [args…]" >&2
  exit 2
fi

bindir="${PG_BINDIR:-}"
if [ -z "$bindir" ]; then
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    bindir="$(pg_config --bindir)"
  else
    bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  fi
fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: no PostgreSQL server binaries found (apt-get install postgresql, or set PG_BINDIR)" >&2
  exit 1
fi

port="${PG_PORT:-55432}"

dir="$(mktemp -d "${TMPDIR:-/tmp}/franchise-graph-pg.XXXXXX")"
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_cluster_user() { runuser -u postgres -- "$@"; }
else
  as_cluster_user() { "$@"; }
fi

stop() {
  as_cluster_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

as_cluster_user "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# Durability is not needed for a cluster that is deleted afterwards: fsync off makes CREATE DATABASE fast.
# The port is the first free one from PG_PORT on; another process may take it between the check and
# the start, so a start that cannot bind moves on to the next port.
for attempt in 1 2 3 4 5 6 7 8 9 10; do
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  if as_cluster_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
    break
  fi
  if [ "$attempt" = 10 ] || ! grep -q "could not bind\|could not create any TCP/IP sockets" "$dir/server.log"; then
    cat "$dir/server.log" >&2
    exit 1
  fi
  port=$((port + 1))
done

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (DATABASE_URL=$DATABASE_URL)" >&2
set +e
"$@"
status=$?
set -e
exit "$status"
