"use strict";
// Unprocessed batch items are retried: runtime.batchGet and runtime.batchWrite against a client
// that processes one entry per request and returns the rest as unprocessed (moto never does).
//
// Usage: node typescript_batch_retries.js COMPILED_FOLDER
const path = require("path");
const { BatchGetCommand, BatchWriteCommand } = require("@aws-sdk/lib-dynamodb");

async function main(compiled) {
  const runtime = require(path.join(compiled, "runtime.js"));
  const sent = [];
  const client = {
    async send(command) {
      sent.push(command);
      if (command instanceof BatchGetCommand) {
        const [table, request] = Object.entries(command.input.RequestItems)[0];
        const [first, ...rest] = request.Keys;
        return { $metadata: {}, Responses: { [table]: [{ ...first, found: true }] }, UnprocessedKeys: rest.length > 0 ? { [table]: { ...request, Keys: rest } } : {} };
      }
      if (command instanceof BatchWriteCommand) {
        const [table, requests] = Object.entries(command.input.RequestItems)[0];
        return { $metadata: {}, UnprocessedItems: requests.length > 1 ? { [table]: requests.slice(1) } : {} };
      }
      throw new Error(`unexpected command ${command.constructor.name}`);
    },
  };
  const failures = [];
  const keys = Array.from({ length: 150 }, (_, index) => ({ id: `k${index}` }));
  const found = await runtime.batchGet(client, "Things", keys, true);
  const sizes = sent.map((command) => command.input.RequestItems.Things.Keys.length);
  if (found.length !== 150 || new Set(found.map((item) => item.id)).size !== 150) failures.push(`batchGet returned ${found.length} items`);
  if (sizes[0] !== 100 || sizes[100] !== 50 || sent.length !== 150) failures.push(`batchGet sent ${sent.length} requests of ${sizes}`);
  if (!sent.every((command) => command.input.RequestItems.Things.ConsistentRead === true)) failures.push("a retry lost ConsistentRead");

  sent.length = 0;
  const writes = Array.from({ length: 30 }, (_, index) => ["Things", { PutRequest: { Item: { id: `w${index}` } } }]);
  await runtime.batchWrite(client, writes);
  const writeSizes = sent.map((command) => command.input.RequestItems.Things.length);
  if (writeSizes[0] !== 25 || writeSizes[25] !== 5 || sent.length !== 30) failures.push(`batchWrite sent ${sent.length} requests of ${writeSizes}`);

  if (failures.length > 0) {
    console.log(failures.join("\n"));
    process.exit(1);
  }
  console.log("OK retries");
}

main(process.argv[2]).catch((error) => {
  console.log(`stopped: ${error.stack}`);
  process.exit(1);
});
