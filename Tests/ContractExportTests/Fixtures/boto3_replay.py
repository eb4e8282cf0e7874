"""Replays a model exercise through a generated access_patterns.py against moto on loopback.

Usage: boto3_replay.py ENDPOINT_URL SCRIPT.json   (access_patterns must be importable: PYTHONPATH)

The script is what the Swift model exercise did on the in-memory DynamoDB: setup writes, then
every call of every pattern's plan with its inputs and outcome, and the tables' contents at the
end. Each call is made through the generated function and must end the same way (done, or
refused by a condition) and return the same items; the tables must end the same. Every
DynamoDB call the functions make is recorded (botocore's before-parameter-build hook): each must be
granted by the IAM permissions in the script, and each granted action must be used.
Exits non-zero with a message per difference.
"""
import json
import sys

import boto3
from boto3.dynamodb.types import TypeDeserializer, TypeSerializer
from botocore.exceptions import ClientError

import access_patterns as ap

DESERIALIZER = TypeDeserializer()
SERIALIZER = TypeSerializer()
REFUSALS = ("ConditionalCheckFailedException", "TransactionCanceledException")


def python(item):
    return {name: DESERIALIZER.deserialize(value) for name, value in item.items()}


def canonical(item):
    """An item (Python values) as text that does not depend on key or set order."""
    def normal(value):
        value = SERIALIZER.serialize(value)
        for kind in ("SS", "NS", "BS"):
            if kind in value:
                value = {kind: sorted(str(v) for v in value[kind])}
        return value
    return json.dumps({name: normal(value) for name, value in item.items()}, sort_keys=True, default=str)


def items_of(result, returns, entity):
    if returns == "related":
        result = result.get(entity) if result else None
        return [] if result is None else (result if isinstance(result, list) else [result])
    if returns == "item":
        return [] if result is None else [result]
    return list(result or [])


class CallRecorder:
    """The (action, table, index) of every DynamoDB call a pattern function makes."""

    def __init__(self):
        self.active = False
        self.used = set()

    def __call__(self, model, params, **kwargs):
        if not self.active:
            return
        name = model.name
        if name == "TransactWriteItems":
            for action in params.get("TransactItems", []):
                for kind, iam in (("Put", "PutItem"), ("Update", "UpdateItem"), ("Delete", "DeleteItem"), ("ConditionCheck", "ConditionCheckItem")):
                    if kind in action:
                        self.used.add((iam, action[kind]["TableName"], None))
        elif name == "BatchWriteItem":
            for table in params.get("RequestItems", {}):
                self.used.add(("BatchWriteItem", table, None))
        elif name == "BatchGetItem":
            for table in params.get("RequestItems", {}):
                self.used.add(("BatchGetItem", table, None))
        else:
            self.used.add((name, params.get("TableName"), params.get("IndexName")))


def main(endpoint, script_path):
    with open(script_path) as handle:
        script = json.load(handle)
    client = boto3.client("dynamodb", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    ap.create_tables(client)
    recorder = CallRecorder()
    client.meta.events.register("before-parameter-build.dynamodb.*", recorder)
    patterns = {p["id"]: p for p in ap.PATTERNS}
    failures = []
    calls = 0
    for number, event in enumerate(script["events"], start=1):
        if event["kind"] == "setupPut":
            client.put_item(TableName=event["table"], Item=event["item"])
            continue
        if event["kind"] == "setupUpdate":
            client.update_item(**event["request"])
            continue
        p = patterns[event["pattern"]]
        label = "call %d, pattern #%d (%s)" % (number, p["id"], p["function"])
        values = {entity: python(item) for entity, item in event["values"].items()}
        arguments = {}
        for entity, attribute, parameter in p["inputs"]:
            arguments[parameter] = values.get(entity) if attribute == "*" else values.get(entity, {}).get(attribute)
        if p["item"]:
            arguments["item"] = values.get(p["entity"], {})
        for entity, parameter in p["lists"]:
            arguments[parameter] = [python(item) for item in event["lists"].get(entity, [])]
        recorder.active = True
        try:
            result = getattr(ap, p["function"])(client, **arguments)
            outcome = "ok"
        except ClientError as error:
            code = error.response["Error"]["Code"]
            outcome = "refused" if code in REFUSALS else "failed"
            result = None
            detail = code
        except LookupError as error:
            outcome, result, detail = "failed", None, str(error)
        finally:
            recorder.active = False
        calls += 1
        if outcome != event["outcome"]:
            failures.append("%s: %s, expected %s (%s)" % (label, outcome, event["outcome"], detail if outcome != "ok" else "no error"))
            continue
        if outcome != "ok" or p["kind"] != "read":
            continue
        got = [canonical(item) for item in items_of(result, p["returns"], p["entity"])]
        want = [canonical(python(item)) for item in event["main"]]
        if not event["ordered"]:
            got, want = sorted(got), sorted(want)
        if got != want:
            failures.append("%s: returned %s, expected %s" % (label, got, want))
        for entity, items in event.get("related", {}).items():
            # A related read done once (its key known from the caller) returns one item, not a list.
            got = sorted(canonical(item) for item in items_of(result, "related", entity))
            want = sorted(canonical(python(item)) for item in items)
            if got != want:
                failures.append("%s: %s items %s, expected %s" % (label, entity, got, want))

    for table, items in script["tables"].items():
        stored = []
        request = {"TableName": table}
        while True:
            response = client.scan(**request)
            stored.extend(python(item) for item in response.get("Items", []))
            if not response.get("LastEvaluatedKey"):
                break
            request["ExclusiveStartKey"] = response["LastEvaluatedKey"]
        got = sorted(canonical(item) for item in stored)
        want = sorted(canonical(python(item)) for item in items)
        if got != want:
            failures.append("table %s ends with %s, expected %s" % (table, got, want))

    granted = set()
    for grant in script["permissions"]:
        granted.add((grant["action"], grant["table"], grant.get("index")))
    for action, table, index in sorted(recorder.used, key=str):
        if (action, table, index) not in granted:
            failures.append("%s on %s%s is called but the IAM policy does not grant it" % (action, table, "/" + index if index else ""))
    for action, table, index in sorted(granted - recorder.used, key=str):
        failures.append("%s on %s%s is granted but no call uses it" % (action, table, "/" + index if index else ""))

    if failures:
        print("\n".join(failures))
        sys.exit(1)
    print("OK calls=%d tables=%d actions=%d" % (calls, len(script["tables"]), len(recorder.used)))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
