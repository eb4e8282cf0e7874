#!/usr/bin/env bash
# Installs the MariaDB server and client that Tests/MySQLServerTests runs against, only when
# they are missing (a server binary, mariadbd or mysqld, and mysqldump). Quiet and idempotent:
# apt's output is shown only when it fails. Uses sudo only when not run as root.
set -euo pipefail

has_server() {
    command -v mariadbd >/dev/null 2>&1 || command -v mysqld >/dev/null 2>&1 \
        || [ -x /usr/sbin/mariadbd ] || [ -x /usr/sbin/mysqld ]
}

if has_server && command -v mysqldump >/dev/null 2>&1; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

echo "Installing mariadb-server and mariadb-client (for the MySQL server tests)..."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq \
        && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            mariadb-server mariadb-client; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Installing mariadb-server and mariadb-client failed (output above)." >&2
    exit 1
fi
