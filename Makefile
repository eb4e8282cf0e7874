# ddbmodel: two commands for a newcomer.
#   make run   installs libedit-dev and libmariadb-dev if missing, builds, and starts (or resumes)
#              the session "demo"
#   make test  installs what the tests need, builds, and runs every test
# Both work on a fresh Debian machine with Swift installed; they use sudo when not run as root.

SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
SESSION ?= demo

.PHONY: run test build deps test-deps bench bench-design bench-import bench-memdb bench-traffic fuzz clean

## Build dependencies: pkg-config, libedit's headers (the line editor) and MariaDB Connector/C's
## (libmariadb-dev: reading a live MySQL or MariaDB server), each installed only when missing.
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config libedit-dev libmariadb-dev"; \
	if [ -z "$$missing" ]; then \
		pkg-config --exists libedit 2>/dev/null || missing="libedit-dev"; \
		pkg-config --exists libmariadb 2>/dev/null || missing="$$missing libmariadb-dev"; \
	fi; \
	if [ -n "$$missing" ]; then \
		echo "Installing$$(printf ' %s' $$missing) (needed to build the line editor and the live MySQL reader)..."; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	fi

## Test dependencies: util-linux's flock (a second process holding a session lock), a
## MariaDB server and client and openssl (the parser is checked against a real server; the live
## reader reads one, over TLS with a certificate the tests make), and Python's
## jsonschema, cfn-lint, moto, python-hcl2 and checkov (independent checkers of the contract and
## the exports; checkov in .build/test-tools/checkov), node with Debian's TypeScript compiler
## (the TypeScript export is compiled and run), and Percona Toolkit (pt-query-digest, the
## yardstick of the query log grouping).
test-deps: deps
	@if ! command -v flock >/dev/null 2>&1; then \
		echo "Installing util-linux (flock) for the lock tests..."; \
		$(SUDO) apt-get update -qq && $(SUDO) DEBIAN_FRONTEND=noninteractive apt-get install -y -qq util-linux >/dev/null; \
	fi
	@bash scripts/mariadb-test-deps.sh
	@bash scripts/python-test-deps.sh
	@bash scripts/node-test-deps.sh
	@bash scripts/percona-test-deps.sh

## Only the tool itself: the session needs neither the benchmarks nor the tests.
build: deps
	$(SWIFT) build --product ddbmodel

run: build
	@if [ -f "Sessions/$(SESSION)/session.json" ]; then \
		./.build/debug/ddbmodel resume "Sessions/$(SESSION)"; \
	else \
		./.build/debug/ddbmodel new "$(SESSION)"; \
	fi

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	scripts/mutation-check.sh
	Fuzz/run.sh $(FUZZ_SECONDS)

## The MySQL DDL parser and the DML reader under libFuzzer (AddressSanitizer), each seeded with
## its test corpus, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz:
	Fuzz/run.sh $(FUZZ_SECONDS)

## Prints the per-answer save timings and the design timings recorded in docs/benchmarks.md
## (release builds).
bench: deps bench-design bench-memdb
	$(SWIFT) build -c release --product ddbmodel-bench
	./.build/release/ddbmodel-bench

## Time from requirements to a rendered dynamodb_data_model.md for a generated 300-entity,
## 1,000-pattern session: median, p90 and min over DESIGN_RUNS runs (release build).
DESIGN_RUNS ?= 30
bench-design:
	$(SWIFT) build -c release --product ddbmodel-design-bench
	./.build/release/ddbmodel-design-bench --runs $(DESIGN_RUNS)

## Parse and import a generated 5 MB schema of 40,000 tables into a session, with its first
## save: median over IMPORT_RUNS runs (release build; docs/benchmarks.md).
IMPORT_RUNS ?= 5
bench-import:
	$(SWIFT) build -c release --product ddbmodel-import-bench
	./.build/release/ddbmodel-import-bench --tables 40000 --runs $(IMPORT_RUNS)

## 20,000 mixed requests against the in-memory DynamoDB, typed and through the JSON protocol:
## median, p90 and min over MEMDB_RUNS runs (release build).
MEMDB_RUNS ?= 15
bench-memdb:
	$(SWIFT) build -c release --product ddbmodel-memdb-bench
	./.build/release/ddbmodel-memdb-bench --runs $(MEMDB_RUNS)
	./.build/release/ddbmodel-memdb-bench --runs $(MEMDB_RUNS) --wire

## Read a generated 1 GB slow query log (median of TRAFFIC_RUNS runs, release build) and time
## pt-query-digest on its first TRAFFIC_PT_MB megabytes; both tools' groupings are compared there.
TRAFFIC_RUNS ?= 3
TRAFFIC_PT_MB ?= 100
bench-traffic:
	@bash scripts/percona-test-deps.sh
	$(SWIFT) build -c release --product ddbmodel-traffic-bench
	./.build/release/ddbmodel-traffic-bench --size-mb 1024 --runs $(TRAFFIC_RUNS) --pt-mb $(TRAFFIC_PT_MB)

clean:
	rm -rf .build
