"use strict";
// Test-only stand-in for @aws-sdk/lib-dynamodb: the document client's commands, marshalled
// to AttributeValues as @aws-sdk/util-dynamodb does (default options: an undefined value is an
// error, numbers come back as numbers and refuse to lose precision) and sent through the
// stand-in DynamoDBClient. Not the real package.
const { DynamoDBClient } = require("../client-dynamodb/index.js");

function marshall(value) {
  if (value === null) return { NULL: true };
  if (value === undefined) throw new Error("Pass options.removeUndefinedValues=true to remove undefined values from map/array/set.");
  if (typeof value === "string") return { S: value };
  if (typeof value === "number" || typeof value === "bigint") return { N: String(value) };
  if (typeof value === "boolean") return { BOOL: value };
  if (value instanceof Uint8Array) return { B: Buffer.from(value).toString("base64") };
  if (Array.isArray(value)) return { L: value.map(marshall) };
  if (value instanceof Set) {
    const members = [...value];
    if (members.length === 0) throw new Error("Pass a non-empty set, or options.removeUndefinedValues=true.");
    if (members.every((member) => typeof member === "string")) return { SS: members };
    if (members.every((member) => typeof member === "number" || typeof member === "bigint")) return { NS: members.map(String) };
    if (members.every((member) => member instanceof Uint8Array)) return { BS: members.map((member) => Buffer.from(member).toString("base64")) };
    throw new Error("A set holds strings, numbers or binary values only.");
  }
  if (typeof value === "object") return { M: marshallMap(value) };
  throw new Error(`Unsupported type passed: ${String(value)}`);
}

function marshallMap(map) {
  if (map === undefined) return undefined;
  const out = {};
  for (const [name, value] of Object.entries(map)) out[name] = marshall(value);
  return out;
}

function number(text) {
  const value = Number(text);
  const unsafe = (Math.abs(value) > Number.MAX_SAFE_INTEGER && !text.includes(".")) || !Number.isFinite(value);
  if (unsafe) throw new Error(`Number ${text} cannot be converted without losing precision; pass options.wrapNumbers.`);
  return value;
}

function unmarshall(value) {
  const [[type, inner]] = Object.entries(value);
  switch (type) {
    case "S": return inner;
    case "N": return number(inner);
    case "B": return new Uint8Array(Buffer.from(inner, "base64"));
    case "BOOL": return inner;
    case "NULL": return null;
    case "L": return inner.map(unmarshall);
    case "M": return unmarshallMap(inner);
    case "SS": return new Set(inner);
    case "NS": return new Set(inner.map(number));
    case "BS": return new Set(inner.map((member) => new Uint8Array(Buffer.from(member, "base64"))));
    default: throw new Error(`Unsupported attribute type ${type}`);
  }
}

function unmarshallMap(map) {
  if (map === undefined) return undefined;
  const out = {};
  for (const [name, value] of Object.entries(map)) out[name] = unmarshall(value);
  return out;
}

/** Copies `input`, replacing the members named by `fields` (marshalled maps). */
function withMaps(input, fields, convert) {
  if (input === undefined) return undefined;
  const out = { ...input };
  for (const field of fields) if (out[field] !== undefined) out[field] = convert(out[field]);
  return out;
}

function writeRequests(requests, convert) {
  if (requests === undefined) return undefined;
  const out = {};
  for (const [table, entries] of Object.entries(requests)) {
    out[table] = entries.map((entry) => ({
      ...entry,
      ...(entry.PutRequest && { PutRequest: withMaps(entry.PutRequest, ["Item"], convert) }),
      ...(entry.DeleteRequest && { DeleteRequest: withMaps(entry.DeleteRequest, ["Key"], convert) }),
    }));
  }
  return out;
}

function keysAndAttributes(requests, convert) {
  if (requests === undefined) return undefined;
  const out = {};
  for (const [table, entry] of Object.entries(requests)) out[table] = { ...entry, Keys: entry.Keys.map(convert) };
  return out;
}

class DynamoDBDocumentClientCommand {
  constructor(input) {
    this.input = input;
  }
}

function command(name, operation, marshallInput, unmarshallOutput) {
  const type = class extends DynamoDBDocumentClientCommand {};
  Object.defineProperty(type, "name", { value: name });
  type.prototype.operation = operation;
  type.prototype.marshallInput = marshallInput;
  type.prototype.unmarshallOutput = unmarshallOutput;
  return type;
}

const itemOut = (output) => withMaps(output, ["Item", "Attributes"], unmarshallMap);
const itemsOut = (output) => ({ ...withMaps(output, ["LastEvaluatedKey"], unmarshallMap), ...(output.Items && { Items: output.Items.map(unmarshallMap) }) });

const GetCommand = command("GetCommand", "GetItem", (input) => withMaps(input, ["Key"], marshallMap), itemOut);
const PutCommand = command("PutCommand", "PutItem", (input) => withMaps(input, ["Item", "ExpressionAttributeValues"], marshallMap), itemOut);
const UpdateCommand = command("UpdateCommand", "UpdateItem", (input) => withMaps(input, ["Key", "ExpressionAttributeValues"], marshallMap), itemOut);
const DeleteCommand = command("DeleteCommand", "DeleteItem", (input) => withMaps(input, ["Key", "ExpressionAttributeValues"], marshallMap), itemOut);
const QueryCommand = command("QueryCommand", "Query", (input) => withMaps(input, ["ExclusiveStartKey", "ExpressionAttributeValues"], marshallMap), itemsOut);
const ScanCommand = command("ScanCommand", "Scan", (input) => withMaps(input, ["ExclusiveStartKey", "ExpressionAttributeValues"], marshallMap), itemsOut);
const BatchGetCommand = command("BatchGetCommand", "BatchGetItem",
  (input) => ({ ...input, RequestItems: keysAndAttributes(input.RequestItems, marshallMap) }),
  (output) => {
    const responses = {};
    for (const [table, items] of Object.entries(output.Responses ?? {})) responses[table] = items.map(unmarshallMap);
    const unprocessed = keysAndAttributes(output.UnprocessedKeys, unmarshallMap);
    return { ...output, Responses: responses, UnprocessedKeys: unprocessed && Object.keys(unprocessed).length > 0 ? unprocessed : undefined };
  });
const BatchWriteCommand = command("BatchWriteCommand", "BatchWriteItem",
  (input) => ({ ...input, RequestItems: writeRequests(input.RequestItems, marshallMap) }),
  (output) => {
    const unprocessed = writeRequests(output.UnprocessedItems, unmarshallMap);
    return { ...output, UnprocessedItems: unprocessed && Object.keys(unprocessed).length > 0 ? unprocessed : undefined };
  });
const TransactWriteCommand = command("TransactWriteCommand", "TransactWriteItems",
  (input) => ({
    ...input,
    TransactItems: input.TransactItems.map((action) => {
      const out = { ...action };
      if (action.ConditionCheck) out.ConditionCheck = withMaps(action.ConditionCheck, ["Key", "ExpressionAttributeValues"], marshallMap);
      if (action.Put) out.Put = withMaps(action.Put, ["Item", "ExpressionAttributeValues"], marshallMap);
      if (action.Delete) out.Delete = withMaps(action.Delete, ["Key", "ExpressionAttributeValues"], marshallMap);
      if (action.Update) out.Update = withMaps(action.Update, ["Key", "ExpressionAttributeValues"], marshallMap);
      return out;
    }),
  }),
  (output) => output);

class DynamoDBDocumentClient {
  constructor(client, translateConfig) {
    if (!(client instanceof DynamoDBClient)) throw new Error("DynamoDBDocumentClient.from needs a DynamoDBClient");
    this.client = client;
    this.translateConfig = translateConfig;
  }

  static from(client, translateConfig) {
    return new DynamoDBDocumentClient(client, translateConfig);
  }

  async send(command) {
    if (!(command instanceof DynamoDBDocumentClientCommand)) throw new Error("send takes a document client command");
    const output = await this.client.__call(command.operation, command.marshallInput(command.input));
    return command.unmarshallOutput(output);
  }

  destroy() {}
}

module.exports = {
  DynamoDBDocumentClient, DynamoDBDocumentClientCommand, GetCommand, PutCommand, UpdateCommand, DeleteCommand, QueryCommand, ScanCommand,
  BatchGetCommand, BatchWriteCommand, TransactWriteCommand,
  // Not in the real package (they are @aws-sdk/util-dynamodb's): the replay converts the script's items with them.
  __marshallMap: marshallMap, __unmarshallMap: unmarshallMap,
};
