#!/usr/bin/env bash
# Installs node and Debian's TypeScript compiler (node-typescript, which gives `tsc`), only when
# they are missing: the TypeScript export's tests compile the generated modules with
# `tsc --strict` and run them with node (Tests/ContractExportTests/TypeScriptRoundTripTests).
# No npm packages: the two AWS SDK packages are test-only stand-ins in the fixtures. Quiet and
# idempotent: apt's output is shown only when it fails. Uses sudo only when not run as root.
set -euo pipefail

if command -v node >/dev/null 2>&1 && command -v tsc >/dev/null 2>&1; then
    exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
fi

echo "Installing nodejs and node-typescript (for the TypeScript export tests)..."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
if ! { $sudo apt-get update -qq \
        && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
            nodejs node-typescript; } >"$log" 2>&1; then
    cat "$log" >&2
    echo "Installing nodejs and node-typescript failed (output above)." >&2
    exit 1
fi
