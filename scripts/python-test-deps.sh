#!/usr/bin/env bash
# Installs the independent checkers the tests run against the tool's output, from PyPI:
# jsonschema (the contract's JSON Schema), cfn-lint (the CloudFormation template), moto's
# DynamoDB server with boto3 (the generated access-pattern module on loopback), markdown-it-py
# (a CommonMark parser reading back the requirements document's code spans), python-hcl2 (the
# Terraform export) and checkov (the Terraform export's security checks). They are test tools
# only; the product never calls Python.
set -euo pipefail
python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null 2>&1; then
    echo "python3 is needed for the contract and export tests; install it (Debian: apt-get install python3 python3-pip)." >&2
    exit 1
fi
missing=()
"$python" -c "import jsonschema" 2>/dev/null || missing+=("jsonschema")
command -v cfn-lint >/dev/null 2>&1 || "$python" -c "import cfnlint" 2>/dev/null || missing+=("cfn-lint")
"$python" -c "import moto, flask, boto3" 2>/dev/null || missing+=("moto[server]" "boto3")
"$python" -c "import markdown_it" 2>/dev/null || missing+=("markdown-it-py")
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing Python test tools: ${missing[*]}..."
    "$python" -m pip install -q "${missing[@]}" 2>/dev/null || "$python" -m pip install -q --break-system-packages "${missing[@]}"
fi
# python-hcl2 8 (it resolves string escapes on request). checkov's fork bc-python-hcl2 installs a
# module of the same name: where checkov was installed into this environment, python-hcl2 is
# reinstalled over it.
if ! "$python" -c "import hcl2, sys; sys.exit(int(hcl2.__version__.split('.')[0]) < 8)" 2>/dev/null; then
    echo "Installing python-hcl2 8..."
    "$python" -m pip install -q --force-reinstall "python-hcl2>=8,<9" 2>/dev/null \
        || "$python" -m pip install -q --break-system-packages --force-reinstall "python-hcl2>=8,<9"
fi
# checkov pins its own boto3 and brings bc-python-hcl2 (also `import hcl2`): installed apart, in
# .build/test-tools/checkov, and run with PYTHONPATH set to it (Tests/TestSupport/TerraformTools.swift).
checkov_dir="$(cd "$(dirname "$0")/.." && pwd)/.build/test-tools/checkov"
if [ ! -d "$checkov_dir/checkov" ]; then
    echo "Installing checkov into $checkov_dir (about a minute)..."
    "$python" -m pip install -q --target "$checkov_dir" "checkov>=3.3,<4" 2>/dev/null \
        || "$python" -m pip install -q --break-system-packages --target "$checkov_dir" "checkov>=3.3,<4"
fi
# pyenv only puts new console scripts (cfn-lint, moto_server) on PATH after a rehash.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
