#!/usr/bin/env bash
# Rebuilds the example sessions under Sessions/examples/ from the worked scenarios: each is a
# session whose requirements gate is passed and whose data model is rendered, stopped at the
# first table of the design review. `ddbmodel resume Sessions/examples/NAME` continues it.
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
