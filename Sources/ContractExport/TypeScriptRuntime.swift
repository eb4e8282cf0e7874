/// The shared module every table module imports (`typescript/runtime.ts`): the options a
/// repository takes, the typed errors, and the helpers the methods call. Its rules are the
/// boto3 module's (`Boto3Runtime`), from `docs/design-engine.md`, "Plans": values take the
/// stored type the model gives them (a boolean key is the number 1 or 0), concatenated keys
/// join text forms, TTL values are epoch seconds.
enum TypeScriptRuntime {
    /// Everything after the model's `TableNames` interface.
    static let helpers = #"""
/** A repository's options: the DynamoDB document client and the deployed table names. */
export interface RepositoryOptions {
  /** `DynamoDBDocumentClient.from(new DynamoDBClient({...}))`; its marshalling options do not matter. */
  readonly client: DynamoDBDocumentClient;
  /** The deployed name of every table, by the model's logical table id (one set per environment). */
  readonly tableNames: TableNames;
}

/** An item as the document client reads and writes it: attribute name → value. */
export type Item = Record<string, unknown>;

/** One page of a Query or Scan, and the cursor of the next page (absent after the last page). */
export interface Page<T> {
  /** The page's items, in the order DynamoDB returns them. */
  readonly items: T[];
  /** Opaque: pass it back as `PageOptions.cursor` for the next page. */
  readonly cursor?: string;
}

/** Where a paged read starts and how many items it examines at most per page. */
export interface PageOptions {
  /** The `cursor` of the previous page; absent for the first page. */
  readonly cursor?: string;
  /** DynamoDB's `Limit`: items examined per page (a filter may return fewer). */
  readonly limit?: number;
}

/** One `BatchWriteItem` request and the deployed table it goes to. */
export type BatchWriteEntry = [string, NonNullable<BatchWriteCommandInput["RequestItems"]>[string][number]];

/** One action of a `TransactWriteItems` request, and the unique constraint its Put enforces. */
export interface TransactAction {
  /** The action as `TransactWriteCommand` takes it. */
  readonly request: NonNullable<TransactWriteCommandInput["TransactItems"]>[number];
  /** Set on a Put into a unique-constraint lookup table: a refusal there is a duplicate value. */
  readonly unique?: { readonly entity: string; readonly attributes: readonly string[] };
}

/** A write refused because a unique value is taken: the lookup item's Put failed its condition. */
export class DuplicateValueError extends Error {
  /** @param pattern the pattern, @param entity whose value, @param attributes the unique attributes, @param reasons DynamoDB's cancellation reasons, one per action. */
  constructor(readonly pattern: string, readonly entity: string, readonly attributes: readonly string[], readonly reasons: readonly CancellationReason[]) {
    super(`${pattern}: ${entity} ${attributes.join(", ")} is already taken`);
    this.name = "DuplicateValueError";
  }
}

/** A write refused because its condition did not hold (the item exists, or is not as read). */
export class ConditionFailedError extends Error {
  /** @param pattern the pattern, @param tableName the deployed table, @param condition the ConditionExpression that failed. */
  constructor(readonly pattern: string, readonly tableName: string, readonly condition: string) {
    super(`${pattern}: the condition ${condition} on ${tableName} does not hold`);
    this.name = "ConditionFailedError";
  }
}

/** A transaction DynamoDB cancelled for another reason than a duplicate unique value. */
export class TransactionCancelledError extends Error {
  /** @param pattern the pattern, @param reasons DynamoDB's cancellation reasons, one per action. */
  constructor(readonly pattern: string, readonly reasons: readonly CancellationReason[]) {
    super(`${pattern}: the transaction was cancelled (${reasons.map((reason) => reason.Code ?? "None").join(", ")})`);
    this.name = "TransactionCancelledError";
  }
}

/** A write that must first read an item found none (the item to change does not exist). */
export class ItemNotFoundError extends Error {
  /** @param pattern the pattern, @param step the plan step that found nothing. */
  constructor(readonly pattern: string, readonly step: number) {
    super(`${pattern}: step ${step} found no item, so the pattern cannot go on`);
    this.name = "ItemNotFoundError";
  }
}

/** A pattern DynamoDB does not serve in this model (a search service, an export, or unserved). */
export class PatternNotServedError extends Error {
  /** @param pattern the pattern, @param reason why, and what serves it instead. */
  constructor(readonly pattern: string, readonly reason: string) {
    super(`${pattern}: ${reason}`);
    this.name = "PatternNotServedError";
  }
}

/** The value as the caller's type: items read are the stored items the interfaces describe. */
export function cast<T>(value: unknown): T {
  return value as T;
}

/** The attributes that have a value (undefined and null are left out, as DynamoDB has no "absent" value). */
export function compact<T extends object>(values: T): Item {
  const out: Item = {};
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== null) out[name] = value;
  return out;
}

/** An attribute of an item an earlier step read (undefined when there is no item). */
export function field(item: Item | undefined, name: string): unknown {
  return item === undefined ? undefined : item[name];
}

/** The first item a step returned (a step that reads several items and is not looped over). */
export function first(items: readonly Item[]): Item | undefined {
  return items[0];
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Standard base64 with padding (RFC 4648), as boto3 and DynamoDB write binary values. */
export function base64(bytes: Uint8Array): string {
  let out = "";
  for (let index = 0; index < bytes.length; index += 3) {
    const chunk = (bytes[index] << 16) | ((bytes[index + 1] ?? 0) << 8) | (bytes[index + 2] ?? 0);
    out += BASE64[(chunk >> 18) & 63] + BASE64[(chunk >> 12) & 63];
    out += index + 1 < bytes.length ? BASE64[(chunk >> 6) & 63] : "=";
    out += index + 2 < bytes.length ? BASE64[chunk & 63] : "=";
  }
  return out;
}

/** The bytes of standard base64 text. */
export function fromBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, "");
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const character of clean) {
    buffer = (buffer << 6) | BASE64.indexOf(character);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 255);
    }
  }
  return Uint8Array.from(bytes);
}

/** The UTF-8 bytes of a text (through encodeURIComponent: the module needs no DOM or Node types). */
export function utf8(text: string): Uint8Array {
  const encoded = encodeURIComponent(text);
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index += 1) {
    if (encoded[index] === "%") {
      bytes.push(parseInt(encoded.slice(index + 1, index + 3), 16));
      index += 2;
    } else {
      bytes.push(encoded.charCodeAt(index));
    }
  }
  return Uint8Array.from(bytes);
}

/** The text of UTF-8 bytes. */
export function fromUTF8(bytes: Uint8Array): string {
  return decodeURIComponent(Array.from(bytes, (byte) => "%" + (byte < 16 ? "0" : "") + byte.toString(16)).join(""));
}

/** The text a value contributes to a concatenated key (a boolean as 1 or 0, as stored in keys). */
export function text(value: unknown): string {
  if (typeof value === "boolean") return value ? "1" : "0";
  if (value instanceof Uint8Array) return base64(value);
  return String(value);
}

/** A concatenated key value: the parts' text forms, joined as they are. */
export function join(...parts: unknown[]): string {
  return parts.map(text).join("");
}

/** The first `length` characters of a value's text (the hour, day or month of an ISO 8601 time). */
export function prefix(value: unknown, length: number): string {
  return Array.from(join(value)).slice(0, length).join("");
}

/** The value as the model stores it: kind is S, N, B, BOOL, M, L, SS, NS or BS. */
export function typed(value: unknown, kind: string): unknown {
  if (value === undefined || value === null) return undefined;
  switch (kind) {
    case "N":
      if (typeof value === "boolean") return value ? 1 : 0;
      return typeof value === "number" ? value : Number(value);
    case "S":
      return typeof value === "string" ? value : text(value);
    case "B":
      return typeof value === "string" ? utf8(value) : value;
    case "BOOL":
      return Boolean(value);
    case "L":
      return Array.isArray(value) ? value : [value];
    default:
      return value;
  }
}

/** A number with its sign changed (`ADD stock :negated` subtracts a quantity). */
export function negated(value: unknown): number {
  return -(typed(value, "N") as number);
}

/** A TTL value: the time value holds (ISO 8601 text, or epoch seconds) plus seconds, as epoch seconds. */
export function expiry(value: unknown, seconds: number): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "number") return Math.trunc(value) + seconds;
  let moment = String(value).trim();
  if (moment.length === 10) moment += "T00:00:00Z";
  moment = moment.replace(" ", "T");
  if (!/([Zz]|[+-]\d\d:?\d\d)$/.test(moment)) moment += "Z";
  return Math.trunc(Date.parse(moment) / 1000) + seconds;
}

/** A sparse index key: value when selector holds expected (undefined: holds nothing), else undefined (not stored). */
export function whenSelected(selector: unknown, expected: string | undefined, value: unknown): unknown {
  const empty = selector === undefined || selector === null;
  if (expected === undefined) return empty ? value : undefined;
  return !empty && text(selector) === expected ? value : undefined;
}

/** Whether a sparse index key has a value (its item is in the selected state). */
export function present(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The current time in epoch seconds (items whose TTL has passed are left out of reads). */
export function now(): number {
  return Math.trunc(Date.now() / 1000);
}

function same(left: unknown, right: unknown): boolean {
  if (left instanceof Uint8Array && right instanceof Uint8Array) return left.length === right.length && left.every((byte, index) => byte === right[index]);
  return left === right;
}

/** Whether the stored item already holds these values (a unique value set to itself). */
export function unchanged(current: Item | undefined, values: Item): boolean {
  return current !== undefined && Object.entries(values).every(([name, value]) => same(current[name], value));
}

/** GetItem: the item, or undefined. */
export async function getItem(client: DynamoDBDocumentClient, input: GetCommandInput): Promise<Item | undefined> {
  return (await client.send(new GetCommand(input))).Item;
}

/** Every item of these keys: 100 keys per BatchGetItem request, unprocessed keys retried. */
export async function batchGet(client: DynamoDBDocumentClient, table: string, keys: Item[], consistent: boolean): Promise<Item[]> {
  const found: Item[] = [];
  for (let start = 0; start < keys.length; start += 100) {
    let pending: BatchGetCommandInput["RequestItems"] = { [table]: { Keys: keys.slice(start, start + 100), ConsistentRead: consistent } };
    while (pending !== undefined && Object.keys(pending).length > 0) {
      const response: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: pending }));
      found.push(...(response.Responses?.[table] ?? []));
      pending = response.UnprocessedKeys;
    }
  }
  return found;
}

/** BatchWriteItem 25 requests at a time; unprocessed items retried. */
export async function batchWrite(client: DynamoDBDocumentClient, requests: readonly BatchWriteEntry[]): Promise<void> {
  for (let start = 0; start < requests.length; start += 25) {
    let pending: BatchWriteCommandInput["RequestItems"] = {};
    for (const [table, request] of requests.slice(start, start + 25)) (pending[table] ??= []).push(request);
    while (pending !== undefined && Object.keys(pending).length > 0) {
      const response: BatchWriteCommandOutput = await client.send(new BatchWriteCommand({ RequestItems: pending }));
      pending = response.UnprocessedItems;
    }
  }
}

/** The opaque cursor of a LastEvaluatedKey (binary key values kept as base64). */
export function encodeCursor(key: Item | undefined): string | undefined {
  if (key === undefined) return undefined;
  const text = JSON.stringify(key, (_name, value: unknown) => (value instanceof Uint8Array ? { B: base64(value) } : value));
  return base64(utf8(text));
}

/** The ExclusiveStartKey of a cursor. */
export function decodeCursor(cursor: string | undefined): Item | undefined {
  if (cursor === undefined) return undefined;
  const text = fromUTF8(fromBase64(cursor));
  return JSON.parse(text, (_name, value: unknown) => {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      const entries = Object.entries(value);
      if (entries.length === 1 && entries[0][0] === "B" && typeof entries[0][1] === "string") return fromBase64(entries[0][1]);
    }
    return value;
  }) as Item;
}

/** One page of a Query: at most `options.limit` items examined, from `options.cursor` on. */
export async function queryPage(client: DynamoDBDocumentClient, input: QueryCommandInput, options: PageOptions = {}): Promise<Page<Item>> {
  const response = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: decodeCursor(options.cursor), Limit: options.limit }));
  return { items: response.Items ?? [], cursor: encodeCursor(response.LastEvaluatedKey) };
}

/** One page of a Scan: at most `options.limit` items examined, from `options.cursor` on. */
export async function scanPage(client: DynamoDBDocumentClient, input: ScanCommandInput, options: PageOptions = {}): Promise<Page<Item>> {
  const response = await client.send(new ScanCommand({ ...input, ExclusiveStartKey: decodeCursor(options.cursor), Limit: options.limit }));
  return { items: response.Items ?? [], cursor: encodeCursor(response.LastEvaluatedKey) };
}

/** Every item of a Query, following LastEvaluatedKey page by page. */
export async function queryAll(client: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const response: QueryCommandOutput = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(response.Items ?? []));
    start = response.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

/** Every item of a Scan, following LastEvaluatedKey page by page. */
export async function scanAll(client: DynamoDBDocumentClient, input: ScanCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const response: ScanCommandOutput = await client.send(new ScanCommand({ ...input, ExclusiveStartKey: start }));
    items.push(...(response.Items ?? []));
    start = response.LastEvaluatedKey;
  } while (start !== undefined);
  return items;
}

/** PutItem, UpdateItem or DeleteItem; a failed condition becomes a ConditionFailedError. */
export async function write(client: DynamoDBDocumentClient, pattern: string, command: PutCommand | UpdateCommand | DeleteCommand): Promise<void> {
  try {
    // One send per command type: `send` infers its output from the command it is given.
    if (command instanceof PutCommand) await client.send(command);
    else if (command instanceof UpdateCommand) await client.send(command);
    else await client.send(command);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      throw new ConditionFailedError(pattern, command.input.TableName ?? "", command.input.ConditionExpression ?? "");
    }
    throw error;
  }
}

/** TransactWriteItems; a cancellation becomes a DuplicateValueError (a unique value taken) or a TransactionCancelledError. */
export async function transactWrite(client: DynamoDBDocumentClient, pattern: string, actions: readonly TransactAction[]): Promise<void> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: actions.map((action) => action.request) }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      const duplicate = actions.find((action, index) => action.unique !== undefined && reasons[index]?.Code === "ConditionalCheckFailed");
      if (duplicate?.unique !== undefined) throw new DuplicateValueError(pattern, duplicate.unique.entity, duplicate.unique.attributes, reasons);
      throw new TransactionCancelledError(pattern, reasons);
    }
    throw error;
  }
}
"""#
}
