#!/usr/bin/env bash
# Installs Percona Toolkit, whose pt-query-digest Tests/QueryTrafficTests checks the query log
# grouping against (and ddbmodel-traffic-bench times), only when it is missing. Quiet and
# idempotent: apt's output is shown only when it fails. Uses sudo only when not run as root.
set -euo pipefail

if command -v pt-query-digest >/dev/null 2>&1; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

echo "Installing percona-toolkit (pt-query-digest, for the query log tests)..."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq \
        && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            percona-toolkit; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Installing percona-toolkit failed (output above)." >&2
    exit 1
fi
