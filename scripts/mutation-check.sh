#!/usr/bin/env bash
# Proves that every check of the model exercise is needed: for each line of
# Sources/ModelExecution/Checks.swift marked `// MUTATION: NAME`, deletes that line, rebuilds,
# and runs the tests that break plans on purpose (BrokenPlanTests, WriteEffectsProofTests). Each deletion must make at
# least one of them fail; the file is restored after every round, and on any exit.
# Run by `make test` (docs/validate.md, "Checks and their mutations").
set -euo pipefail
cd "$(dirname "$0")/.."
checks=Sources/ModelExecution/Checks.swift
backup=$(mktemp)
cp "$checks" "$backup"
restore() { cp "$backup" "$checks"; rm -f "$backup"; }
trap restore EXIT

names=$(grep -o 'MUTATION: [a-z-]*' "$checks" | cut -d' ' -f2)
if [ -z "$names" ]; then
    echo "mutation check: no MUTATION markers in $checks" >&2
    exit 1
fi
survivors=()
for name in $names; do
    grep -v "MUTATION: $name\$" "$backup" > "$checks"
    if ! swift build --build-tests >/dev/null 2>&1; then
        echo "mutation check: without '$name' the package does not build; mark a line whose deletion compiles" >&2
        exit 1
    fi
    if swift test --skip-build --filter "BrokenPlanTests|WriteEffectsProofTests" >/dev/null 2>&1; then
        survivors+=("$name")
        echo "mutation $name: survived (no test fails without it)"
    else
        echo "mutation $name: caught"
    fi
    cp "$backup" "$checks"
done
# Leave the build matching the restored source.
swift build --build-tests >/dev/null 2>&1
if [ ${#survivors[@]} -gt 0 ]; then
    echo "mutation check: ${#survivors[@]} check(s) can be removed without a failing test: ${survivors[*]}" >&2
    exit 1
fi
echo "mutation check: all $(echo "$names" | wc -w) checks are needed"
