#!/usr/bin/env bash
# Benchmarks the MySQL import (SchemaParser.parse) on a generated ~10 MB mysqldump of ~1,000
# tables, side by side with sqlglot on the same bytes. Not a test: prints figures only, and fails
# only when a run fails (ddbmodel reporting a diagnostic counts as a failure).
#
#   scripts/import-bench.sh
#
# Environment:
#   SQLGLOT_SPEC   what pip installs (default "sqlglot[c]", the compiled build; "sqlglot" for the
#                  pure-Python one)
#   SQLGLOT_VENV   the venv to install it in (default /tmp/ddbmodel-sqlglot-bench-venv). sqlglot
#                  is only ever installed there: it is no part of the product.
#   SWIFT_RUNS, SQLGLOT_RUNS   timed runs (default 5 and 3)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
spec="${SQLGLOT_SPEC:-sqlglot[c]}"
venv="${SQLGLOT_VENV:-/tmp/ddbmodel-sqlglot-bench-venv}"

echo "== Building ddbmodel-import-bench (release)"
swift build -c release --product ddbmodel-import-bench >/dev/null
bench="$(swift build -c release --show-bin-path)/ddbmodel-import-bench"

dump="$(mktemp /tmp/ddbmodel-import-bench-XXXXXX.sql)"
trap 'rm -f "$dump"' EXIT
"$bench" --write "$dump"

echo
echo "== ddbmodel (SchemaParser.parse)"
swift_out="$("$bench" --file "$dump" --runs "${SWIFT_RUNS:-5}")"
echo "$swift_out"

echo
echo "== sqlglot ($spec, in $venv)"
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "$spec"
python_out="$("$venv/bin/python" scripts/sqlglot_bench.py "$dump" --runs "${SQLGLOT_RUNS:-3}")"
echo "$python_out"

field() { # field NAME OUTPUT: the value of NAME= on the RESULT line
    printf '%s\n' "$2" | awk -v key="$1" '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) print kv[2] } }'
}
swift_s="$(field median_s "$swift_out")"
swift_mbs="$(field mb_per_s "$swift_out")"
glot_s="$(field median_s "$python_out")"
glot_mbs="$(field mb_per_s "$python_out")"

echo
echo "== Summary"
awk -v ss="$swift_s" -v sm="$swift_mbs" -v sp="$(field peak_mib "$swift_out")" \
    -v gs="$glot_s" -v gm="$glot_mbs" -v gp="$(field peak_mib "$python_out")" \
    -v gv="$(field version "$python_out")" -v gf="$(field failed "$python_out")" 'BEGIN {
    printf "%-28s %12s %10s %16s\n", "", "median (s)", "MB/s", "peak RSS (MiB)"
    printf "%-28s %12.3f %10.1f %16.1f\n", "ddbmodel", ss, sm, sp
    printf "%-28s %12.3f %10.2f %16.1f\n", "sqlglot " gv, gs, gm, gp
    printf "throughput ratio (ddbmodel / sqlglot): %.0fx\n", sm / gm
    printf "sqlglot statements it could not parse: %d\n", gf
    printf "target >= 10x sqlglot throughput: %s\n", (sm / gm >= 10 ? "met" : "NOT met")
    printf "target < 1 s for 10 MB (ddbmodel median): %s\n", (ss < 1 ? "met" : "NOT met")
}'
