#!/usr/bin/env bash
# Fuzzes the two parsers with libFuzzer and AddressSanitizer, one after the other:
#   - the MySQL DDL importer (SchemaParser.parse), seeded with Tests/MySQLSchemaTests/Corpus;
#   - the DML reader (DMLParser.read), seeded with Tests/SQLStatementsTests/Corpus.
#
#   Fuzz/run.sh [SECONDS]     fuzz each for SECONDS (default 60); exits non-zero when either
#                             finds a crash, a hang (one input over 10 s) or a memory blow-up
#                             (over 2 GB)
#
# Each fuzzer is Fuzz/<Name>Fuzzer.swift built together with its module's sources as one module
# with `swiftc -sanitize=fuzzer,address` (needs the swift.org Linux toolchain, which ships
# libFuzzer; Xcode's does not). Each seed corpus is copied (one statement a file for the DML
# reader) to a temporary directory so that nothing is written into the repository. A crashing
# input is kept in that directory, whose path is printed.
set -euo pipefail

seconds="${1:-60}"
if ! [[ "$seconds" =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: Fuzz/run.sh [SECONDS]   (a whole number of seconds, default 60)" >&2
    exit 2
fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
swiftc="${SWIFTC:-swiftc}"
work="$(mktemp -d "${TMPDIR:-/tmp}/ddbmodel-fuzz.XXXXXX")"
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

# build NAME MODULE SOURCE...: compiles the fuzzer Fuzz/NAME.swift with the sources into $work/NAME/fuzzer.
build() {
    local name="$1" module="$2"
    shift 2
    echo "Building $name (swiftc -sanitize=fuzzer,address)..."
    if ! "$swiftc" -sanitize=fuzzer,address -parse-as-library -O -g \
            -swift-version 6 -enable-upcoming-feature ExistentialAny \
            -module-name "$module" "${linker[@]}" \
            "$@" "$root/Fuzz/$name.swift" \
            -o "$work/$name/fuzzer" >"$work/$name/build.log" 2>&1; then
        cat "$work/$name/build.log" >&2
        echo "Building $name failed (output above). It needs a Swift toolchain with libFuzzer (swift.org, Linux)." >&2
        exit 1
    fi
}

# run NAME: fuzzes $work/NAME/fuzzer from $work/NAME/corpus for $seconds; returns its status.
run() {
    local name="$1"
    echo "Fuzzing $name for ${seconds} s with $(find "$work/$name/corpus" -type f | wc -l | tr -d ' ') seed files..."
    set +e
    # Without Swift's own crash handler a failing precondition shows as libFuzzer's deadly signal.
    SWIFT_BACKTRACE=enable=no "$work/$name/fuzzer" \
        -max_total_time="$seconds" \
        -timeout=10 \
        -rss_limit_mb=2048 \
        -max_len=32768 \
        -print_final_stats=1 \
        -artifact_prefix="$work/$name/artifacts/" \
        "$work/$name/corpus" >"$work/$name/fuzz.log" 2>&1
    local status=$?
    set -e
    if [ "$status" -ne 0 ]; then
        keep_work=1
        tail -n 60 "$work/$name/fuzz.log" >&2
        echo "$name found a problem (exit status $status). Inputs that trigger it:" >&2
        ls -1 "$work/$name/artifacts" >&2 || true
        echo "Full log and artifacts: $work/$name" >&2
        echo "Replay one with: $work/$name/fuzzer <artifact>" >&2
        return "$status"
    fi
    grep -E "^(stat::number_of_executed_units|stat::peak_rss_mb|Done)" "$work/$name/fuzz.log" || true
    echo "$name: no crash in ${seconds} s."
}

for name in MySQLSchemaFuzzer SQLStatementsFuzzer; do mkdir -p "$work/$name/corpus" "$work/$name/artifacts"; done

# The DDL parser names each column's DynamoDB type with the domain's `DynamoDBType`
# (Sources/Requirements/DynamoDBType.swift, which needs nothing else). The fuzzer is one module,
# so that file is compiled in with it and the `import Requirements` lines are left out of copies.
mkdir -p "$work/MySQLSchemaFuzzer/src"
schema_sources=("$root/Sources/Requirements/DynamoDBType.swift")
while IFS= read -r file; do
    copy="$work/MySQLSchemaFuzzer/src/$(echo "${file#"$root/Sources/"}" | tr '/' '_')"
    grep -v '^import Requirements$' "$file" > "$copy"
    schema_sources+=("$copy")
done < <(find "$root/Sources/MySQLSchema" -name '*.swift' | sort)
build MySQLSchemaFuzzer MySQLSchemaFuzz "${schema_sources[@]}"
find "$root/Tests/MySQLSchemaTests/Corpus" -type f ! -name '.*' -exec cp {} "$work/MySQLSchemaFuzzer/corpus/" \;

statement_sources=()
while IFS= read -r file; do statement_sources+=("$file"); done < <(find "$root/Sources/SQLStatements" -name '*.swift' | sort)
build SQLStatementsFuzzer SQLStatementsFuzz "${statement_sources[@]}"
# One statement a seed file: the reader reads one statement.
seed=0
while IFS= read -r line; do
    [ -n "$line" ] || continue
    seed=$((seed + 1))
    printf '%s' "$line" > "$work/SQLStatementsFuzzer/corpus/seed-$seed.sql"
done < <(cat "$root"/Tests/SQLStatementsTests/Corpus/*.sql)

failed=0
run MySQLSchemaFuzzer || failed=$?
run SQLStatementsFuzzer || failed=$?
exit "$failed"
