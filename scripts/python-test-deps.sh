#!/usr/bin/env bash
# Installs the independent checkers the tests run against the tool's output, from PyPI:
# jsonschema (the contract's JSON Schema), cfn-lint (the CloudFormation template), moto's
# DynamoDB server with boto3 (the generated access-pattern module on loopback) and markdown-it-py
# (a CommonMark parser reading back the requirements document's code spans). They are test
# tools only; the product never calls Python.
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
# pyenv only puts new console scripts (cfn-lint, moto_server) on PATH after a rehash.
if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
