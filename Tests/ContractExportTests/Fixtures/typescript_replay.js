"use strict";
// Replays a model exercise through the compiled TypeScript export against moto on loopback.
//
// Usage: node typescript_replay.js ENDPOINT_URL SCRIPT.json COMPILED_FOLDER
// (the folder holds the compiled modules; @aws-sdk/* resolve to the test-only stand-ins in the
// node_modules folder beside it).
//
// The script is what the Swift model exercise did on the in-memory DynamoDB (ExerciseScript):
// setup writes, then every call of every pattern's plan with its inputs and outcome, and the
// tables' contents at the end; its `methods` say which repository method serves each pattern
// and what it takes. Each call goes through the method and must end the same way (done, or
// refused by a condition, as the typed error the plan's request maps to) and return the same
// items; paged reads are read one page of 2 items at a time through the cursor. The tables
// must end the same. Every DynamoDB call the methods make is recorded: each must be granted by
// the IAM permissions in the script, and each granted action used. Exits 1 with a message per
// difference, as the boto3 replay does.
const fs = require("fs");
const path = require("path");

async function main(endpoint, scriptPath, compiled) {
  const script = JSON.parse(fs.readFileSync(scriptPath, "utf8"));
  const { DynamoDBClient, ConditionalCheckFailedException, TransactionCanceledException } = require("@aws-sdk/client-dynamodb");
  const { DynamoDBDocumentClient, __marshallMap: marshallMap, __unmarshallMap: unmarshallMap } = require("@aws-sdk/lib-dynamodb");
  const runtime = require(path.join(compiled, "runtime.js"));
  const client = new DynamoDBClient({ endpoint, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } });
  const documents = DynamoDBDocumentClient.from(client);

  const tableNames = {};
  for (const definition of script.definitions) {
    tableNames[definition.id] = definition.create.TableName;
    await client.__call("CreateTable", { ...definition.create, BillingMode: "PAY_PER_REQUEST" });
    if (definition.timeToLive) {
      await client.__call("UpdateTimeToLive", { TableName: definition.create.TableName, TimeToLiveSpecification: { Enabled: true, AttributeName: definition.timeToLive } });
    }
  }

  // Every (action, table, index) the methods send, as IAM names them.
  const used = new Set();
  let recording = false;
  const send = client.__call.bind(client);
  client.__call = async (operation, body) => {
    if (recording) {
      if (operation === "TransactWriteItems") {
        for (const action of body.TransactItems) {
          for (const [kind, iam] of [["Put", "PutItem"], ["Update", "UpdateItem"], ["Delete", "DeleteItem"], ["ConditionCheck", "ConditionCheckItem"]]) {
            if (action[kind]) used.add(JSON.stringify([iam, action[kind].TableName, null]));
          }
        }
      } else if (operation === "BatchWriteItem" || operation === "BatchGetItem") {
        for (const table of Object.keys(body.RequestItems)) used.add(JSON.stringify([operation, table, null]));
      } else {
        used.add(JSON.stringify([operation, body.TableName, body.IndexName ?? null]));
      }
    }
    return send(operation, body);
  };

  const repositories = {};
  function repository(method) {
    const key = method.module + "\0" + method.class;
    if (!repositories[key]) {
      const module = require(path.join(compiled, method.module + ".js"));
      repositories[key] = new module[method.class]({ client: documents, tableNames });
    }
    return repositories[key];
  }

  // An item's attribute values as text that depends on neither key nor set order.
  function canonical(item) {
    const normal = (value) => {
      for (const kind of ["SS", "NS", "BS"]) if (value[kind]) return { [kind]: [...value[kind]].map(String).sort() };
      if (value.M) return { M: Object.fromEntries(Object.keys(value.M).sort().map((name) => [name, normal(value.M[name])])) };
      if (value.L) return { L: value.L.map(normal) };
      return value;
    };
    const wire = marshallMap(item);
    return JSON.stringify(Object.keys(wire).sort().map((name) => [name, normal(wire[name])]));
  }
  const sorted = (list) => [...list].sort();

  function itemsOf(result, returns, entity) {
    if (returns === "related") result = result ? result[entity] : undefined;
    else if (returns !== "items" && returns !== "page") return result === undefined ? [] : [result];
    if (result === undefined || result === null) return [];
    return Array.isArray(result) ? result : [result];
  }

  const methods = Object.fromEntries(script.methods.map((method) => [method.pattern, method]));
  const failures = [];
  let calls = 0;
  let pages = 0;
  const refusals = { condition: 0, duplicate: 0, transaction: 0 };
  for (const [position, event] of script.events.entries()) {
    if (event.kind === "setupPut") {
      await client.__call("PutItem", { TableName: event.table, Item: event.item });
      continue;
    }
    if (event.kind === "setupUpdate") {
      await client.__call("UpdateItem", event.request);
      continue;
    }
    const method = methods[event.pattern];
    const label = `call ${position + 1}, pattern #${event.pattern} (${method.class}.${method.method})`;
    const values = Object.fromEntries(Object.entries(event.values).map(([entity, item]) => [entity, unmarshallMap(item)]));
    const lists = Object.fromEntries(Object.entries(event.lists).map(([entity, items]) => [entity, items.map(unmarshallMap)]));
    const argumentsFor = (options) => method.parameters.map((parameter) => {
      switch (parameter.kind) {
        case "input": return parameter.attribute === "*" ? values[parameter.entity] : (values[parameter.entity] ?? {})[parameter.attribute];
        case "item": return values[parameter.entity] ?? {};
        case "list": return lists[parameter.entity] ?? [];
        default: return options;
      }
    });
    const target = repository(method);
    let outcome = "ok";
    let result;
    let detail = "no error";
    recording = true;
    try {
      if (method.returns === "page") {
        result = [];
        let cursor;
        do {
          const page = await target[method.method](...argumentsFor({ cursor, limit: 2 }));
          pages += 1;
          result.push(...page.items);
          if (page.cursor !== undefined && page.cursor === cursor) throw new Error("the cursor did not move");
          cursor = page.cursor;
        } while (cursor !== undefined);
      } else {
        result = await target[method.method](...argumentsFor(undefined));
      }
    } catch (error) {
      detail = `${error.name}: ${error.message}`;
      if (error instanceof runtime.DuplicateValueError || error instanceof runtime.TransactionCancelledError) {
        outcome = "refused";
        const codes = error.reasons.map((reason) => reason.Code);
        if (event.refusal !== "transaction") failures.push(`${label}: ${error.name}, but the plan's refusal is ${event.refusal}`);
        if (!codes.includes("ConditionalCheckFailed")) failures.push(`${label}: ${error.name} carries no ConditionalCheckFailed reason (${codes})`);
        if (error instanceof runtime.DuplicateValueError) {
          refusals.duplicate += 1;
          if (error.attributes.length === 0 || !error.entity) failures.push(`${label}: DuplicateValueError names no unique value`);
        } else {
          refusals.transaction += 1;
        }
      } else if (error instanceof runtime.ConditionFailedError) {
        outcome = "refused";
        refusals.condition += 1;
        if (event.refusal !== "condition") failures.push(`${label}: ConditionFailedError, but the plan's refusal is ${event.refusal}`);
        if (!error.condition || !error.tableName) failures.push(`${label}: ConditionFailedError without its condition and table`);
      } else if (error instanceof ConditionalCheckFailedException || error instanceof TransactionCanceledException) {
        outcome = "untyped";
        detail = `the SDK's ${error.name} escaped instead of a typed error`;
      } else {
        outcome = "failed";
      }
    } finally {
      recording = false;
    }
    calls += 1;
    if (outcome !== event.outcome) {
      failures.push(`${label}: ${outcome}, expected ${event.outcome} (${detail})`);
      continue;
    }
    if (outcome !== "ok" || method.kind !== "read") continue;
    let got = itemsOf(result, method.returns, method.entity).map(canonical);
    let want = event.main.map((item) => canonical(unmarshallMap(item)));
    if (!event.ordered) {
      got = sorted(got);
      want = sorted(want);
    }
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${label}: returned ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    for (const [entity, items] of Object.entries(event.related)) {
      const related = sorted(itemsOf(result, "related", entity).map(canonical));
      const expected = sorted(items.map((item) => canonical(unmarshallMap(item))));
      if (JSON.stringify(related) !== JSON.stringify(expected)) failures.push(`${label}: ${entity} items ${JSON.stringify(related)}, expected ${JSON.stringify(expected)}`);
    }
  }

  for (const [table, items] of Object.entries(script.tables)) {
    const stored = [];
    let start;
    do {
      const response = await client.__call("Scan", { TableName: table, ...(start && { ExclusiveStartKey: start }) });
      stored.push(...(response.Items ?? []).map(unmarshallMap));
      start = response.LastEvaluatedKey;
    } while (start);
    const got = sorted(stored.map(canonical));
    const want = sorted(items.map((item) => canonical(unmarshallMap(item))));
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`table ${table} ends with ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }

  const granted = new Set(script.permissions.map((grant) => JSON.stringify([grant.action, grant.table, grant.index ?? null])));
  const describe = (entry) => {
    const [action, table, index] = JSON.parse(entry);
    return `${action} on ${table}${index ? "/" + index : ""}`;
  };
  for (const entry of sorted(used)) if (!granted.has(entry)) failures.push(`${describe(entry)} is called but the IAM policy does not grant it`);
  for (const entry of sorted(granted)) if (!used.has(entry)) failures.push(`${describe(entry)} is granted but no call uses it`);

  if (failures.length > 0) {
    console.log(failures.join("\n"));
    process.exit(1);
  }
  console.log(`OK calls=${calls} tables=${Object.keys(script.tables).length} actions=${used.size} pages=${pages} ` +
    `refused=condition:${refusals.condition},duplicate:${refusals.duplicate},transaction:${refusals.transaction}`);
}

main(process.argv[2], process.argv[3], process.argv[4]).catch((error) => {
  console.log(`replay stopped: ${error.stack}`);
  process.exit(1);
});
