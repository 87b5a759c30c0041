#!/bin/sh
# PostgreSQL for dyad's store tests, from Debian packages: install if missing, start the cluster, and
# create a role and a database for the tests. Idempotent: safe to run again; it changes nothing that is
# already in place (except that it sets the role's password to the one given). Needs root (or sudo).
#
# Settings (environment, all optional):
#   DYAD_PG_USER      role to create            (default: dyad)
#   DYAD_PG_PASSWORD  its password              (default: dyad)
#   DYAD_PG_DB        database it owns          (default: dyad_test)
#
# The only line printed on stdout is the URL to use, e.g.
#   export DYAD_TEST_POSTGRES_URL="$(sh scripts/setup/postgres.sh)"
set -eu

# Only the URL goes to stdout: everything the tools print on the way (apt, pg_ctlcluster's "Removed stale
# pid file.") goes to stderr, so `url="$(sh postgres.sh)"` captures exactly one line.
exec 3>&1 1>&2

PG_USER="${DYAD_PG_USER:-dyad}"
PG_PASSWORD="${DYAD_PG_PASSWORD:-dyad}"
PG_DB="${DYAD_PG_DB:-dyad_test}"

say() { echo "postgres.sh: $*" >&2; }

case "$PG_USER$PG_DB" in
    *[!A-Za-z0-9_]*) say "role and database names may hold letters, digits and _ only"; exit 1 ;;
esac

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        say "need root (or sudo) to install and start PostgreSQL"
        exit 1
    fi
fi

# -- install ------------------------------------------------------------------------------------------
if ! command -v pg_lsclusters >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    say "installing PostgreSQL from Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update
    $SUDO apt-get install -y postgresql
fi

# -- a cluster, running -------------------------------------------------------------------------------
# pg_lsclusters -h: version cluster port status owner datadir logfile
CLUSTER="$(pg_lsclusters -h | head -n 1)"
if [ -z "$CLUSTER" ]; then
    VERSION="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
    say "creating cluster $VERSION/main"
    $SUDO pg_createcluster "$VERSION" main
    CLUSTER="$(pg_lsclusters -h | head -n 1)"
fi
VERSION="$(echo "$CLUSTER" | awk '{print $1}')"
NAME="$(echo "$CLUSTER" | awk '{print $2}')"
PORT="$(echo "$CLUSTER" | awk '{print $3}')"
STATUS="$(echo "$CLUSTER" | awk '{print $4}')"
case "$STATUS" in
    online*) say "cluster $VERSION/$NAME already running on port $PORT" ;;
    *)
        say "starting cluster $VERSION/$NAME on port $PORT"
        # pg_ctlcluster works with or without systemd (containers have none); fall back to the service.
        # 3>&-: the server must not inherit the descriptor that carries the URL, or `$(...)` never ends.
        $SUDO pg_ctlcluster "$VERSION" "$NAME" start 3>&- || $SUDO service postgresql start 3>&-
        ;;
esac

tries=0
until pg_isready -q -h 127.0.0.1 -p "$PORT"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 60 ]; then
        say "PostgreSQL did not answer on 127.0.0.1:$PORT within 30 s"
        exit 1
    fi
    sleep 0.5
done

# -- role and database --------------------------------------------------------------------------------
as_postgres() {
    if [ "$(id -un)" = postgres ]; then
        "$@"
    elif command -v runuser >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        $SUDO -u postgres "$@"
    fi
}

psql_admin() {
    as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PORT" -d postgres "$@"
}

# The password goes in as a psql variable (:'password' quotes it as a literal), never into the SQL text.
psql_admin -v role="$PG_USER" -v password="$PG_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'password') \gexec
SQL

if [ -z "$(psql_admin -At -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" ]; then
    say "creating database $PG_DB owned by $PG_USER"
    # The store declares its text columns COLLATE "C" itself, so the database's locale does not matter.
    as_postgres createdb -p "$PORT" -O "$PG_USER" -E UTF8 "$PG_DB"
else
    say "database $PG_DB already exists"
fi

URL="postgresql://$PG_USER:$PG_PASSWORD@127.0.0.1:$PORT/$PG_DB"
if ! PGCONNECT_TIMEOUT=10 psql -X -q -At "$URL" -c "SELECT 1" >/dev/null; then
    say "cannot log in as $PG_USER over TCP (check pg_hba.conf allows password logins on 127.0.0.1)"
    exit 1
fi
say "ready; set DYAD_TEST_POSTGRES_URL to the URL below"
echo "$URL" >&3
