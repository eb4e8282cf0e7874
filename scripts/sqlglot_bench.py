#!/usr/bin/env python3
"""Times sqlglot parsing a mysqldump file, for comparison with ddbmodel-import-bench.

Usage: sqlglot_bench.py DUMP.sql [--runs 3]

What is timed: one call of ``sqlglot.parse(text, read="mysql")`` over the whole file, text already
in memory (as the Swift bench times ``SchemaParser.parse`` over text already in memory). sqlglot
splits the statements itself. The default error level (IMMEDIATE) is used, so a run that returns
has parsed every statement; if the whole-file call raises, the timed run instead tokenizes once
and parses statement by statement with try/except, counting the statements it cannot parse.

Fairness notes:
- sqlglot's logger is set to ERROR: otherwise it logs a warning for each LOCK TABLES / UNLOCK
  TABLES ("unsupported syntax, falling back to parsing as a 'Command'"), ~2,000 lines.
- Warm-up: one parse of the file's first ~200 KB (imports, dialect set-up), not timed.
- The previous run's result is released before the next run, so peak memory holds one result.
- sqlglot reads mysqldump's /*!40101 ... */ statements as comments (it does not parse the SET
  inside) and keeps LOCK TABLES / UNLOCK TABLES as opaque Command nodes; ddbmodel parses both.
"""

import argparse
import logging
import resource
import statistics
import sys
import time

import sqlglot
from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ParseError
from sqlglot.tokens import TokenType


def parse_whole(text):
    return sqlglot.parse(text, read="mysql"), 0


def parse_each(text):
    """Fallback: sqlglot's own tokenizer, split at semicolons, each statement parsed alone."""
    dialect = Dialect.get_or_raise("mysql")
    chunks, current = [], []
    for token in dialect.tokenize(text):
        if token.token_type == TokenType.SEMICOLON:
            if current:
                chunks.append(current)
            current = []
        else:
            current.append(token)
    if current:
        chunks.append(current)
    results, failed = [], 0
    for chunk in chunks:
        try:
            results.extend(dialect.parser().parse(chunk, text))
        except ParseError:
            failed += 1
    return results, failed


def peak_mib():
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("path")
    arguments.add_argument("--runs", type=int, default=3)
    options = arguments.parse_args()

    logging.getLogger("sqlglot").setLevel(logging.ERROR)
    with open(options.path, encoding="utf-8") as handle:
        text = handle.read()
    size = len(text.encode("utf-8"))

    warm = text[: text.find("UNLOCK TABLES;", 200_000) + len("UNLOCK TABLES;")]
    try:
        sqlglot.parse(warm, read="mysql")
    except ParseError:
        pass

    parse, times, result, failed = parse_whole, [], None, 0
    while len(times) < options.runs:
        result = None  # release the previous run's trees first
        start = time.perf_counter()
        try:
            result, failed = parse(text)
        except ParseError:
            if parse is parse_each:
                raise
            parse, times = parse_each, []  # some statement fails: time the fallback instead
            continue
        times.append(time.perf_counter() - start)
    mode = "whole file" if parse is parse_whole else "statement by statement (fallback)"

    statements = [node for node in result if node is not None and not isinstance(node, exp.Semicolon)]
    creates = [node for node in statements if isinstance(node, exp.Create) and node.kind == "TABLE"]
    columns = sum(len(list(node.find_all(exp.ColumnDef))) for node in creates)
    foreign_keys = sum(len(list(node.find_all(exp.ForeignKey))) for node in creates)
    commands = sum(isinstance(node, exp.Command) for node in statements)
    middle = statistics.median(times)
    megabytes = size / 1_000_000
    compiled = not getattr(sqlglot.tokenizer_core, "__file__", "py").endswith(".py")
    variant = "sqlglotc (compiled)" if compiled else "pure Python"

    print(f"sqlglot {sqlglot.__version__} ({variant}), Python {sys.version.split()[0]}, mode: {mode}")
    print(f"input: {options.path}, {size} bytes ({megabytes:.2f} MB)")
    print(f"runs: {options.runs}; times (s): {' '.join(f'{t:.3f}' for t in times)}")
    print(f"median: {middle:.3f} s, {megabytes / middle:.2f} MB/s")
    print(f"statements: {len(statements)} (CREATE TABLE {len(creates)}, opaque Command {commands}), "
          f"columns: {columns}, foreign keys: {foreign_keys}, statements sqlglot could not parse: {failed}")
    print(f"peak memory (ru_maxrss): {peak_mib():.1f} MiB")
    print(f"RESULT sqlglot median_s={middle:.6f} mb_per_s={megabytes / middle:.4f} peak_mib={peak_mib():.1f} "
          f"tables={len(creates)} failed={failed} version={sqlglot.__version__} compiled={int(compiled)}")


if __name__ == "__main__":
    main()
