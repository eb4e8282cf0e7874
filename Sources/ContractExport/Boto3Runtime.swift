/// The helper functions every generated boto3 module carries (plain Python, boto3 only). They
/// follow the rules of `docs/design-engine.md`, "Plans": values take the stored type the model
/// gives them (a boolean key is the number 1 or 0), and concatenated keys join text forms.
enum Boto3Runtime {
    static let helpers = #"""
_SERIALIZER = TypeSerializer()
_DESERIALIZER = TypeDeserializer()


def _table_name(table_id, table_names=None):
    """The deployed name of a table: table_names by logical id or model name, else TABLES."""
    if table_names:
        if table_id in table_names:
            return table_names[table_id]
        if TABLES[table_id] in table_names:
            return table_names[TABLES[table_id]]
    return TABLES[table_id]


def _serialize(values):
    return {name: _SERIALIZER.serialize(value) for name, value in values.items() if value is not None}


def _deserialize(item):
    if item is None:
        return None
    return {name: _DESERIALIZER.deserialize(value) for name, value in item.items()}


def _text(value):
    """The text a value contributes to a concatenated key (a boolean as 1 or 0, as stored in keys)."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(bytes(value)).decode("ascii")
    return str(value)


def _join(*parts):
    """A concatenated key value: the parts' text forms, joined as they are."""
    return "".join(_text(part) for part in parts)


def _typed(value, kind):
    """The value as the model stores it: kind is S, N, B, BOOL, M, L, SS, NS or BS."""
    if value is None:
        return None
    if kind == "N":
        if isinstance(value, bool):
            return Decimal(1 if value else 0)
        if isinstance(value, Decimal):
            return value
        return Decimal(str(value))
    if kind == "S":
        return value if isinstance(value, str) else _text(value)
    if kind == "B":
        return value.encode() if isinstance(value, str) else value
    if kind == "BOOL":
        return bool(value)
    if kind == "L" and not isinstance(value, list):
        return [value]
    return value


def _expiry(value, seconds):
    """A TTL value: the time value holds (ISO 8601 text, or epoch seconds) plus seconds, as epoch seconds."""
    if value is None:
        return None
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return int(value) + seconds
    text = str(value).strip()
    if len(text) == 10:
        text += "T00:00:00+00:00"
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return int(moment.timestamp()) + seconds


def _when_selected(selector, expected, value):
    """A sparse index key: value when selector holds expected (None: holds nothing), else None (not stored)."""
    if expected is None:
        return value if selector is None else None
    return value if selector is not None and _text(selector) == expected else None


def _present(value):
    """Whether a sparse index key has a value (its item is in the selected state)."""
    return value is not None


def _now():
    """The current time in epoch seconds (items whose TTL has passed are left out of reads)."""
    return int(time.time())


def _first(items):
    """The first item a step returned (a step that reads several items and is not looped over)."""
    return items[0] if items else None


def _unchanged(current, values):
    """Whether the stored item already holds these values (a unique value set to itself)."""
    return current is not None and all(current.get(name) == value for name, value in values.items())


def _get_item(dynamodb, request):
    return _deserialize(dynamodb.get_item(**request).get("Item"))


def _batch_get(dynamodb, table, keys, consistent):
    """Every item of these keys: 100 keys per request, unprocessed keys retried."""
    found = []
    keys = [_serialize(key) for key in keys]
    while keys:
        batch, keys = keys[:100], keys[100:]
        pending = {table: {"Keys": batch, "ConsistentRead": consistent}}
        while pending:
            response = dynamodb.batch_get_item(RequestItems=pending)
            found.extend(_deserialize(item) for item in response.get("Responses", {}).get(table, []))
            pending = response.get("UnprocessedKeys") or None
    return found


def _pages(operation, request):
    """Every item of a Query or Scan, following LastEvaluatedKey page by page."""
    items = []
    while True:
        response = operation(**request)
        items.extend(_deserialize(item) for item in response.get("Items", []))
        last = response.get("LastEvaluatedKey")
        if not last:
            return items
        request = dict(request, ExclusiveStartKey=last)


def _batch_write(dynamodb, requests):
    """BatchWriteItem 25 requests at a time (table, request) pairs; unprocessed items retried."""
    while requests:
        batch, requests = requests[:25], requests[25:]
        pending = {}
        for table, request in batch:
            pending.setdefault(table, []).append(request)
        while pending:
            pending = dynamodb.batch_write_item(RequestItems=pending).get("UnprocessedItems") or None


def create_tables(client, table_names=None):
    """Create every table of the model (on-demand) and wait until they exist: for tests and local use."""
    for table_id, definition in TABLE_DEFINITIONS.items():
        client.create_table(TableName=_table_name(table_id, table_names), BillingMode="PAY_PER_REQUEST", **definition)
    waiter = client.get_waiter("table_exists")
    for table_id in TABLE_DEFINITIONS:
        waiter.wait(TableName=_table_name(table_id, table_names), WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    for table_id, attribute in TIME_TO_LIVE.items():
        client.update_time_to_live(
            TableName=_table_name(table_id, table_names), TimeToLiveSpecification={"Enabled": True, "AttributeName": attribute})
"""#
}
