"use strict";
// Test-only stand-in for @aws-sdk/client-dynamodb: a DynamoDBClient that sends DynamoDB's JSON
// protocol over HTTP with a SigV4 signature (node's http and crypto only), and the service
// exceptions the generated modules catch. Not the real package: the real one is on npm, and
// the tests have no npm registry.
const crypto = require("crypto");
const http = require("http");
const https = require("https");

class DynamoDBServiceException extends Error {
  constructor(options) {
    super(options.message);
    this.name = options.name;
    this.$fault = options.$fault;
    this.$metadata = options.$metadata;
  }
}

class ConditionalCheckFailedException extends DynamoDBServiceException {
  constructor(options) {
    super({ name: "ConditionalCheckFailedException", $fault: "client", ...options });
    this.Item = options.Item;
  }
}

class TransactionCanceledException extends DynamoDBServiceException {
  constructor(options) {
    super({ name: "TransactionCanceledException", $fault: "client", ...options });
    this.Message = options.message;
    this.CancellationReasons = options.CancellationReasons;
  }
}

const EXCEPTIONS = { ConditionalCheckFailedException, TransactionCanceledException };

function hash(text) {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

function hmac(key, text) {
  return crypto.createHmac("sha256", key).update(text, "utf8").digest();
}

class DynamoDBClient {
  constructor(configuration = {}) {
    this.config = {
      region: configuration.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1",
      endpoint: configuration.endpoint ?? `https://dynamodb.${configuration.region ?? "us-east-1"}.amazonaws.com`,
      credentials: configuration.credentials ?? {
        accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? "",
        secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? "",
        sessionToken: process.env.AWS_SESSION_TOKEN,
      },
    };
  }

  /** Sends one operation of the JSON protocol (`GetItem`, ...) with its body; resolves to the parsed answer. */
  async __call(operation, body) {
    const url = new URL(this.config.endpoint);
    const payload = JSON.stringify(body);
    const now = new Date().toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const day = now.slice(0, 8);
    const { accessKeyId, secretAccessKey, sessionToken } = this.config.credentials;
    const headers = {
      "content-type": "application/x-amz-json-1.0",
      host: url.host,
      "x-amz-date": now,
      "x-amz-target": `DynamoDB_20120810.${operation}`,
    };
    if (sessionToken) headers["x-amz-security-token"] = sessionToken;
    const names = Object.keys(headers).sort();
    const canonical = ["POST", "/", "", ...names.map((name) => `${name}:${headers[name]}`), "", names.join(";"), hash(payload)].join("\n");
    const scope = `${day}/${this.config.region}/dynamodb/aws4_request`;
    const toSign = ["AWS4-HMAC-SHA256", now, scope, hash(canonical)].join("\n");
    let key = hmac("AWS4" + secretAccessKey, day);
    for (const part of [this.config.region, "dynamodb", "aws4_request"]) key = hmac(key, part);
    const signature = crypto.createHmac("sha256", key).update(toSign, "utf8").digest("hex");
    headers.authorization = `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
    headers["content-length"] = Buffer.byteLength(payload);
    const transport = url.protocol === "https:" ? https : http;
    const { status, text } = await new Promise((resolve, reject) => {
      const request = transport.request({ method: "POST", hostname: url.hostname, port: url.port, path: "/", headers }, (response) => {
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
      });
      request.on("error", reject);
      request.end(payload);
    });
    const answer = text.length > 0 ? JSON.parse(text) : {};
    const $metadata = { httpStatusCode: status, attempts: 1, totalRetryDelay: 0 };
    if (status >= 200 && status < 300) return { ...answer, $metadata };
    const name = String(answer.__type ?? "UnknownError").split("#").pop();
    const message = answer.message ?? answer.Message ?? "";
    const Exception = EXCEPTIONS[name];
    if (Exception) throw new Exception({ message, $metadata, CancellationReasons: answer.CancellationReasons, Item: answer.Item });
    throw new DynamoDBServiceException({ name, $fault: status >= 500 ? "server" : "client", message, $metadata });
  }

  destroy() {}
}

module.exports = { DynamoDBClient, DynamoDBServiceException, ConditionalCheckFailedException, TransactionCanceledException };
