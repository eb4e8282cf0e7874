#!/usr/bin/env bash
# Rebuilds the example sessions under Sessions/examples/ from the worked scenarios: `ecommerce`
# and `tenants` have passed the requirements gate and stop at the first table of the design
# review (`ddbmodel resume Sessions/examples/NAME` continues them); `ecommerce-approved` and
# `tenants-approved` are carried through all three gates, ready for `ddbmodel export`.
# Run it after a change to the engine or the renderer (EndToEndTests/ExampleSessionTests fails
# until the examples match what the code renders).
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product ddbmodel >/dev/null
examples=Sessions/examples
scenarios=Tests/DesignEngineTests/Scenarios

# name, scenario file, then the answers given at the gap review before the gate.
make_example() {
    local name=$1 scenario=$2 answers=$3
    rm -rf "${examples:?}/$name"
    printf '%s' "$answers" | ./.build/debug/ddbmodel new "$name" --sessions-dir "$examples" \
        --requirements "$scenarios/$scenario.requirements.yaml" >/dev/null
    test -f "$examples/$name/dynamodb_data_model.md"
    echo "wrote $examples/$name"
}

mkdir -p "$examples"
make_example ecommerce ecommerce $'accept the catalog service creates products\nyes\n/quit\n'
make_example tenants tenants $'yes\n/quit\n'
make_example ecommerce-approved ecommerce $'accept the catalog service creates products\nyes\n/gate\nyes\nyes\n/quit\n'
make_example tenants-approved tenants $'yes\n/accept-scan 3 an admin listing of a few hundred tenants, paged\n/gate\nyes\nyes\n/quit\n'
for name in ecommerce-approved tenants-approved; do test -f "$examples/$name/migrationContract.json"; done
