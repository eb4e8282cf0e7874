#!/usr/bin/env bash
# Installs the MariaDB server and client that Tests/MySQLServerTests and Tests/MySQLLiveTests run
# against, and openssl (MySQLLiveTests makes a CA and a server certificate with it), only when
# they are missing (a server binary, mariadbd or mysqld, mysqldump, openssl). Quiet and
# idempotent: apt's output is shown only when it fails. Uses sudo only when not run as root.
set -euo pipefail

has_server() {
    command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1 \
        || [ -x /usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ]
}

packages=""
if ! has_server || ! command -v mysqldump >/dev/null 2>&1; then
    packages="mariadb-server mariadb-client"
fi
if ! command -v openssl >/dev/null 2>&1; then
    packages="$packages openssl"
fi
if [ -z "$packages" ]; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

echo "Installing ${packages# } (for the MySQL server tests)..."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq \
        && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            $packages; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Installing ${packages# } failed (output above)." >&2
    exit 1
fi
