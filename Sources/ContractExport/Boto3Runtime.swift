/// The helper functions every generated boto3 module carries (plain Python, boto3 only).
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
    return {name: _SERIALIZER.serialize(value) for name, value in values.items()}


def _deserialize(item):
    if item is None:
        return None
    return {name: _DESERIALIZER.deserialize(value) for name, value in item.items()}


def _text(*pieces):
    """A concatenated key value: the pieces as text, joined as they are."""
    return "".join(str(piece) for piece in pieces)


def _built(values, pieces):
    if len(pieces) == 1 and pieces[0][0] == "p":
        return values[pieces[0][1]]
    return "".join(text if kind == "l" else str(values[text]) for kind, text in pieces)


def _names(names):
    return {"#n%d" % position: name for position, name in enumerate(names)}


def _paginate(operation, request):
    """Every item of a Query or Scan, following LastEvaluatedKey page by page."""
    while True:
        response = operation(**request)
        for item in response.get("Items", []):
            yield _deserialize(item)
        last = response.get("LastEvaluatedKey")
        if not last:
            return
        request = dict(request, ExclusiveStartKey=last)


def entity_item(entity, values):
    """The item stored for an entity: its values plus the key attributes built from them."""
    spec = ENTITIES[entity]
    item = dict(values)
    for name, parts in spec["composed"].items():
        if all(part in item for part in parts):
            item[name] = "#".join(str(item[part]) for part in parts)
    for name, pieces in spec["key_template"]:
        item[name] = _built(item, pieces)
    return item


def entity_key(entity, values):
    """The primary key of an entity's item, from its values."""
    item = entity_item(entity, values)
    return {name: item[name] for name in ENTITIES[entity]["key"]}


def lookup_item(lookup, item):
    """The lookup-table item that reserves an entity's unique value(s)."""
    result = {}
    for name in lookup["attributes"]:
        if name == lookup["key"] and len(lookup["unique"]) > 1:
            result[name] = "#".join(str(item[part]) for part in lookup["unique"])
        elif name in item:
            result[name] = item[name]
    return result


def _put_new(table_id, item, key_name, table_names):
    return {"Put": {
        "TableName": _table_name(table_id, table_names),
        "Item": _serialize(item),
        "ConditionExpression": "attribute_not_exists(#k)",
        "ExpressionAttributeNames": {"#k": key_name},
    }}


def _delete_existing(table_id, key, table_names):
    return {"Delete": {
        "TableName": _table_name(table_id, table_names),
        "Key": _serialize(key),
        "ConditionExpression": "attribute_exists(#k)",
        "ExpressionAttributeNames": {"#k": next(iter(key))},
    }}


def _update_parts(changes, prefix="u"):
    names = {}
    values = {}
    assignments = []
    for position, (name, value) in enumerate(changes.items()):
        names["#%s%d" % (prefix, position)] = name
        values[":%s%d" % (prefix, position)] = value
        assignments.append("#%s%d = :%s%d" % (prefix, position, prefix, position))
    return "SET " + ", ".join(assignments), names, values


def _get_current(dynamodb, entity, key, table_names):
    response = dynamodb.get_item(TableName=_table_name(ENTITIES[entity]["table"], table_names), Key=_serialize(key), ConsistentRead=True)
    return _deserialize(response.get("Item"))


def create_item(dynamodb, entity, values, children=None, table_names=None):
    """Put an entity's item, its lookup items and any child items in one transaction.

    A value already taken in a unique constraint cancels the whole transaction
    (TransactionCanceledException with reason ConditionalCheckFailed).
    """
    spec = ENTITIES[entity]
    item = entity_item(entity, values)
    actions = [_put_new(spec["table"], item, spec["key"][0], table_names)]
    for lookup in spec["lookups"]:
        actions.append(_put_new(lookup["table"], lookup_item(lookup, item), lookup["key"], table_names))
    for child, child_values in (children or {}).items():
        child_spec = ENTITIES[child]
        for values_of_child in child_values:
            actions.append(_put_new(child_spec["table"], entity_item(child, values_of_child), child_spec["key"][0], table_names))
    if len(actions) == 1:
        dynamodb.put_item(**actions[0]["Put"])
    else:
        dynamodb.transact_write_items(TransactItems=actions)
    return item


def update_item(dynamodb, entity, key_values, changes, table_names=None):
    """Set attributes of an entity's item; changes to unique values move their lookup items in one transaction."""
    spec = ENTITIES[entity]
    key = entity_key(entity, key_values)
    touched = [lookup for lookup in spec["lookups"] if any(name in changes for name in lookup["unique"])]
    expression, names, values = _update_parts(changes)
    names["#k"] = spec["key"][0]
    if not touched:
        response = dynamodb.update_item(
            TableName=_table_name(spec["table"], table_names), Key=_serialize(key),
            UpdateExpression=expression, ConditionExpression="attribute_exists(#k)",
            ExpressionAttributeNames=names, ExpressionAttributeValues=_serialize(values), ReturnValues="ALL_NEW")
        return _deserialize(response.get("Attributes"))
    current = _get_current(dynamodb, entity, key, table_names)
    if current is None:
        raise KeyError("no %s item with key %r" % (entity, key))
    updated = dict(current, **changes)
    condition = ["attribute_exists(#k)"]
    for position, lookup in enumerate(touched):
        for offset, name in enumerate(lookup["unique"]):
            names["#o%d_%d" % (position, offset)] = name
            values[":o%d_%d" % (position, offset)] = current[name]
            condition.append("#o%d_%d = :o%d_%d" % (position, offset, position, offset))
    actions = [{"Update": {
        "TableName": _table_name(spec["table"], table_names), "Key": _serialize(key),
        "UpdateExpression": expression, "ConditionExpression": " AND ".join(condition),
        "ExpressionAttributeNames": names, "ExpressionAttributeValues": _serialize(values),
    }}]
    for lookup in touched:
        old = lookup_item(lookup, current)
        new = lookup_item(lookup, updated)
        if old[lookup["key"]] == new[lookup["key"]]:
            continue
        actions.append(_delete_existing(lookup["table"], {lookup["key"]: old[lookup["key"]]}, table_names))
        actions.append(_put_new(lookup["table"], new, lookup["key"], table_names))
    dynamodb.transact_write_items(TransactItems=actions)
    return updated


def delete_item(dynamodb, entity, key_values, table_names=None):
    """Delete an entity's item; with unique constraints, its lookup items go in the same transaction."""
    spec = ENTITIES[entity]
    key = entity_key(entity, key_values)
    if not spec["lookups"]:
        dynamodb.delete_item(TableName=_table_name(spec["table"], table_names), Key=_serialize(key))
        return True
    current = _get_current(dynamodb, entity, key, table_names)
    if current is None:
        return False
    actions = [_delete_existing(spec["table"], key, table_names)]
    for lookup in spec["lookups"]:
        reserved = lookup_item(lookup, current)
        actions.append(_delete_existing(lookup["table"], {lookup["key"]: reserved[lookup["key"]]}, table_names))
    dynamodb.transact_write_items(TransactItems=actions)
    return True


def create_tables(client, table_names=None):
    """Create every table of the model (on-demand) and wait until they exist: for tests and local use."""
    for table_id, definition in TABLE_DEFINITIONS.items():
        client.create_table(TableName=_table_name(table_id, table_names), BillingMode="PAY_PER_REQUEST", **definition)
    waiter = client.get_waiter("table_exists")
    for table_id in TABLE_DEFINITIONS:
        waiter.wait(TableName=_table_name(table_id, table_names), WaiterConfig={"Delay": 1, "MaxAttempts": 60})
"""#
}
