"""Round trip of a generated access_patterns.py against a DynamoDB API on loopback (moto server).

Usage: boto3_roundtrip.py ENDPOINT_URL   (access_patterns must be importable: PYTHONPATH)
Creates the model's tables, writes sample items through the write functions, calls every read
function and checks the items that come back, runs an update and a delete, and checks that a
duplicate unique value is rejected by the transaction. Exits non-zero with a message on failure.
"""
import sys
from decimal import Decimal

import boto3
from botocore.exceptions import ClientError

import access_patterns as ap

SAMPLES = 3
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def value(entity, name, kind, n):
    spec = ap.ENTITIES[entity]
    # Identifiers and unique values differ per item; sort attributes too, so order is checked;
    # other values repeat (items 1 and 3 share them) so that queries return several items.
    distinct = ((spec["identifier"] and name == spec["identifier"][-1]) or any(name in group for group in spec["unique"])
                or any(p["sort"] and p["sort"][0] == name for p in ap.PATTERNS))
    number = n if distinct else (n % 2) + 1
    if kind == "S":
        return "%s-%d" % (name, number)
    if kind == "N":
        return Decimal(number)
    if kind == "BOOL":
        return number % 2 == 1
    if kind == "B":
        return ("%s-%d" % (name, number)).encode()
    if kind == "M":
        return {"k": "v%d" % number}
    if kind == "L":
        return ["%s-%d" % (name, number)]
    if kind == "SS":
        return {"%s-%d" % (name, number)}
    return "%s-%d" % (name, number)


def sample(entity, n):
    return {name: value(entity, name, kind, n) for name, kind in ap.ENTITIES[entity]["attributes"].items()}


def identity(entity, item):
    return tuple(str(item.get(name)) for name in ap.ENTITIES[entity]["key"])


def main(endpoint):
    client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    ap.create_tables(client)
    patterns = {p["id"]: p for p in ap.PATTERNS}
    functions = {p["id"]: getattr(ap, p["function"]) for p in ap.PATTERNS}
    written = {entity: [] for entity in ap.ENTITIES}
    creates = {}
    for p in ap.PATTERNS:
        if p["type"] == "write" and p["status"] == "served" and p["entity"] in ap.ENTITIES:
            creates.setdefault(p["entity"], p)
    child_of = {}
    for p in creates.values():
        for child in p["entities"][1:]:
            child_of.setdefault(child, p["entity"])
    stored = {entity: [sample(entity, n) for n in range(1, SAMPLES + 1)] for entity in ap.ENTITIES}

    # Writes, parents before children (entity order), through the write functions.
    for entity in ap.ENTITIES:
        if entity in child_of and child_of[entity] in creates:
            continue
        create = creates.get(entity)
        for item in stored[entity]:
            if create is None:
                client.put_item(TableName=ap._table_name(ap.ENTITIES[entity]["table"]), Item=ap._serialize(ap.entity_item(entity, item)))
                written[entity].append(item)
                continue
            children = {}
            for child in create["entities"][1:]:
                shared = [name for name in ap.ENTITIES[entity]["identifier"] if name in ap.ENTITIES[child]["attributes"]]
                children[child] = [c for c in stored[child] if all(c[name] == item[name] for name in shared)]
                written[child].extend(children[child])
            if children:
                functions[create["id"]](client, item, children=children)
            else:
                functions[create["id"]](client, item)
            written[entity].append(item)
    for entity, items in written.items():
        check(len(items) == SAMPLES, "%s: %d sample items written, expected %d" % (entity, len(items), SAMPLES))

    # Reads: every read function, with the values of the first sample item.
    reads = 0
    for p in ap.PATTERNS:
        if p["type"] != "read" or p["status"] not in ("served", "accepted-scan"):
            continue
        entity = p["entity"]
        probe = written[entity][0]
        arguments = [probe[name] for name in p["parameters"]]
        expected = [item for item in written[entity] if all(item[name] == probe[name] for name in p["parameters"])]
        function = functions[p["id"]]
        label = "pattern #%d (%s)" % (p["id"], p["function"])
        reads += 1
        if p["operation"] == "BatchGetItem":
            keys = [{name: item[name] for name in p["parameters"]} for item in written[entity][:2]]
            got = function(client, keys)
            check(sorted(identity(entity, i) for i in got) == sorted(identity(entity, i) for i in written[entity][:2]), label + ": wrong items")
            continue
        result = function(client, *arguments)
        if p["operation"] == "GetItem":
            related = {}
            if isinstance(result, dict) and entity in result and set(result) <= set(p["entities"]):
                related = {k: v for k, v in result.items() if k != entity}
                result = result[entity]
            if p["table"] in ap.TABLES and p["table"] != ap.ENTITIES[entity]["table"] and p["attributes"] is not None and result is not None and "." in p["table"]:
                check(result is not None, label + ": lookup item missing")
                continue
            check(result is not None, label + ": nothing returned")
            if result is not None:
                for name, expected_value in probe.items():
                    if name in result:
                        check(result[name] == expected_value, "%s: %s is %r, expected %r" % (label, name, result[name], expected_value))
                if not any(name in result for name in ap.ENTITIES[entity]["key"]):
                    pass
                elif "." not in (p["table"] or ""):
                    check(identity(entity, result) == identity(entity, probe), label + ": wrong item")
            for child, items in related.items():
                shared = [name for name in ap.ENTITIES[entity]["identifier"] if name in ap.ENTITIES[child]["attributes"]]
                want = sorted(identity(child, c) for c in written[child] if all(c[n] == probe[n] for n in shared))
                check(sorted(identity(child, c) for c in items) == want, "%s: %s items %r, expected %r" % (label, child, items, want))
            continue
        got = [identity(entity, item) for item in result]
        check(sorted(got) == sorted(identity(entity, item) for item in expected),
              "%s: got %r, expected %r" % (label, sorted(got), sorted(identity(entity, i) for i in expected)))
        if p["sort"] and result and all(p["sort"][0] in item for item in result):
            values = [item[p["sort"][0]] for item in result]
            check(values == sorted(values, reverse=p["sort"][1] == "desc"), "%s: not ordered by %s %s: %r" % (label, p["sort"][0], p["sort"][1], values))

    # Updates on the second sample item, deletes on the third.
    updates = deletes = 0
    for p in ap.PATTERNS:
        if p["status"] != "served" or p["entity"] not in ap.ENTITIES or p["type"] not in ("update", "delete"):
            continue
        entity = p["entity"]
        spec = ap.ENTITIES[entity]
        label = "pattern #%d (%s)" % (p["id"], p["function"])
        if p["type"] == "update":
            target = written[entity][1]
            names = [n for n in (p["attributes"] or []) if n in spec["attributes"] and n not in spec["key"] and n not in p["parameters"]]
            if not names:
                continue
            changes = {}
            for name in names:
                kind = spec["attributes"][name]
                changes[name] = {"S": "%s-updated-%d" % (name, p["id"]), "N": Decimal(90 + p["id"]), "BOOL": not target[name]}.get(kind, value(entity, name, kind, 7))
            functions[p["id"]](client, *[target[n] for n in p["parameters"]], changes)
            target.update(changes)
            response = client.get_item(TableName=ap._table_name(spec["table"]), Key=ap._serialize(ap.entity_key(entity, target)), ConsistentRead=True)
            after = ap._deserialize(response.get("Item")) or {}
            for name, new in changes.items():
                check(after.get(name) == new, "%s: %s is %r after the update, expected %r" % (label, name, after.get(name), new))
            for lookup in spec["lookups"]:
                reserved = ap.lookup_item(lookup, ap.entity_item(entity, target))
                response = client.get_item(TableName=ap._table_name(lookup["table"]), Key=ap._serialize({lookup["key"]: reserved[lookup["key"]]}), ConsistentRead=True)
                check("Item" in response, "%s: lookup item for the new value missing in %s" % (label, lookup["table"]))
            updates += 1
        else:
            target = written[entity][2]
            functions[p["id"]](client, *[target[n] for n in p["parameters"]])
            response = client.get_item(TableName=ap._table_name(spec["table"]), Key=ap._serialize(ap.entity_key(entity, target)), ConsistentRead=True)
            check("Item" not in response, label + ": item still there after the delete")
            for lookup in spec["lookups"]:
                reserved = ap.lookup_item(lookup, ap.entity_item(entity, target))
                response = client.get_item(TableName=ap._table_name(lookup["table"]), Key=ap._serialize({lookup["key"]: reserved[lookup["key"]]}), ConsistentRead=True)
                check("Item" not in response, "%s: lookup item still there after the delete in %s" % (label, lookup["table"]))
            deletes += 1

    # A duplicate unique value is rejected by the create transaction.
    duplicates = 0
    for entity, create in creates.items():
        spec = ap.ENTITIES[entity]
        for lookup in spec["lookups"]:
            item = sample(entity, 4)
            for name in lookup["unique"]:
                item[name] = written[entity][0][name]
            label = "pattern #%d duplicate %s" % (create["id"], "+".join(lookup["unique"]))
            try:
                functions[create["id"]](client, item)
                check(False, label + ": accepted")
            except ClientError as error:
                code = error.response["Error"]["Code"]
                reasons = [r.get("Code") for r in error.response.get("CancellationReasons", [])]
                check(code == "TransactionCanceledException", "%s: %s instead of TransactionCanceledException" % (label, code))
                check("ConditionalCheckFailed" in reasons or not reasons, "%s: reasons %r" % (label, reasons))
            response = client.get_item(TableName=ap._table_name(spec["table"]), Key=ap._serialize(ap.entity_key(entity, item)), ConsistentRead=True)
            check("Item" not in response, label + ": the entity item was written anyway")
            duplicates += 1

    if failures:
        print("FAILED")
        for failure in failures:
            print(" - " + failure)
        return 1
    print("OK reads=%d updates=%d deletes=%d duplicates=%d" % (reads, updates, deletes, duplicates))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
