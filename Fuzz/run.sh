#!/usr/bin/env bash
# Fuzzes the MySQL DDL importer (SchemaParser.parse) with libFuzzer and AddressSanitizer.
#
#   Fuzz/run.sh [SECONDS]     fuzz for SECONDS (default 60); exits non-zero on a crash, a hang
#                             (one input over 10 s) or a memory blow-up (over 2 GB)
#
# Builds Fuzz/MySQLSchemaFuzzer.swift together with Sources/MySQLSchema/**/*.swift (and the
# domain's DynamoDBType) as one module
# with `swiftc -sanitize=fuzzer,address` (needs the swift.org Linux toolchain, which ships
# libFuzzer; Xcode's does not). The seed corpus is Tests/MySQLSchemaTests/Corpus, copied to a
# temporary directory so that nothing is written into the repository. A crashing input is kept
# in that directory, whose path is printed.
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: Fuzz/run.sh [SECONDS]   (a whole number of seconds, default 60)" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
swiftc="${SWIFTC:-swiftc}"
work="$(mktemp -d "${TMPDIR:-/tmp}/mysqlschema-fuzz.XXXXXX")"
keep_work=0
cleanup() {
    if [ "$keep_work" -eq 0 ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

linker=()
if [ -x "$(dirname "$(command -v "$swiftc")")/ld.lld" ]; then
    # lld links the sanitizer runtimes without gold's warnings about local symbols.
    linker=(-use-ld=lld)
fi

# The parser names each column's DynamoDB type with the domain's `DynamoDBType`
# (Sources/Requirements/DynamoDBType.swift, which needs nothing else). The fuzzer is one module,
# so that file is compiled in with it and the `import Requirements` lines are left out of copies.
mkdir -p "$work/src"
sources=("$root/Sources/Requirements/DynamoDBType.swift")
while IFS= read -r file; do
    copy="$work/src/$(echo "${file#"$root/Sources/"}" | tr '/' '_')"
    grep -v '^import Requirements$' "$file" > "$copy"
    sources+=("$copy")
done < <(find "$root/Sources/MySQLSchema" -name '*.swift' | sort)

echo "Building the fuzzer (swiftc -sanitize=fuzzer,address)..."
if ! "$swiftc" -sanitize=fuzzer,address -parse-as-library -O -g \
        -swift-version 6 -enable-upcoming-feature ExistentialAny \
        -module-name MySQLSchemaFuzz "${linker[@]}" \
        "${sources[@]}" "$root/Fuzz/MySQLSchemaFuzzer.swift" \
        -o "$work/fuzzer" >"$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    echo "Building the fuzzer failed (output above). It needs a Swift toolchain with libFuzzer (swift.org, Linux)." >&2
    exit 1
fi

mkdir -p "$work/corpus" "$work/artifacts"
find "$root/Tests/MySQLSchemaTests/Corpus" -type f ! -name '.*' -exec cp {} "$work/corpus/" \;

echo "Fuzzing for ${seconds} s with $(find "$work/corpus" -type f | wc -l | tr -d ' ') seed files..."
set +e
# Without Swift's own crash handler a failing precondition shows as libFuzzer's deadly signal.
SWIFT_BACKTRACE=enable=no "$work/fuzzer" \
    -max_total_time="$seconds" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -max_len=32768 \
    -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/" \
    "$work/corpus" >"$work/fuzz.log" 2>&1
status=$?
set -e

if [ "$status" -ne 0 ]; then
    keep_work=1
    tail -n 60 "$work/fuzz.log" >&2
    echo "The fuzzer found a problem (exit status $status). Inputs that trigger it:" >&2
    ls -1 "$work/artifacts" >&2 || true
    echo "Full log and artifacts: $work" >&2
    echo "Replay one with: $work/fuzzer <artifact>" >&2
    exit "$status"
fi
grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" "$work/fuzz.log" || true
echo "No crash in ${seconds} s."
