// Test-only declarations of the part of @aws-sdk/lib-dynamodb (v3) the generated modules use,
// kept to the SDK's own shapes (src/commands/*.ts: each input and output is the client's type
// with its attribute values replaced by native values). Not the real package.
import type {
  BatchGetItemInput, BatchGetItemOutput, BatchWriteItemInput, BatchWriteItemOutput, ConditionCheck, Delete, DeleteItemInput,
  DeleteItemOutput, DeleteRequest, DynamoDBClient, GetItemInput, GetItemOutput, ItemCollectionMetrics, KeysAndAttributes,
  MetadataBearer, Put, PutItemInput, PutItemOutput, PutRequest, QueryInput, QueryOutput, ScanInput, ScanOutput, TransactWriteItem,
  TransactWriteItemsInput, TransactWriteItemsOutput, Update, UpdateItemInput, UpdateItemOutput, WriteRequest,
} from "@aws-sdk/client-dynamodb";

/**
 * @aws-sdk/util-dynamodb's NativeAttributeValue: its last member,
 * `InstanceType<{ new (...args: any[]): any }>`, is `any`, so the whole union is `any`.
 */
export type NativeAttributeValue = any;

export type GetCommandInput = Omit<GetItemInput, "Key"> & { Key: Record<string, NativeAttributeValue> | undefined };
export type GetCommandOutput = Omit<GetItemOutput, "Item"> & { Item?: Record<string, NativeAttributeValue> } & MetadataBearer;

export type PutCommandInput = Omit<PutItemInput, "Item" | "ExpressionAttributeValues"> & {
  Item: Record<string, NativeAttributeValue> | undefined;
  ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
};
export type PutCommandOutput = Omit<PutItemOutput, "Attributes"> & { Attributes?: Record<string, NativeAttributeValue> } & MetadataBearer;

export type UpdateCommandInput = Omit<UpdateItemInput, "Key" | "ExpressionAttributeValues"> & {
  Key: Record<string, NativeAttributeValue> | undefined;
  ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
};
export type UpdateCommandOutput = Omit<UpdateItemOutput, "Attributes"> & { Attributes?: Record<string, NativeAttributeValue> } & MetadataBearer;

export type DeleteCommandInput = Omit<DeleteItemInput, "Key" | "ExpressionAttributeValues"> & {
  Key: Record<string, NativeAttributeValue> | undefined;
  ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
};
export type DeleteCommandOutput = Omit<DeleteItemOutput, "Attributes"> & { Attributes?: Record<string, NativeAttributeValue> } & MetadataBearer;

export type QueryCommandInput = Omit<QueryInput, "ExclusiveStartKey" | "ExpressionAttributeValues"> & {
  ExclusiveStartKey?: Record<string, NativeAttributeValue>;
  ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
};
export type QueryCommandOutput = Omit<QueryOutput, "Items" | "LastEvaluatedKey"> & {
  Items?: Record<string, NativeAttributeValue>[];
  LastEvaluatedKey?: Record<string, NativeAttributeValue>;
} & MetadataBearer;

export type ScanCommandInput = Omit<ScanInput, "ExclusiveStartKey" | "ExpressionAttributeValues"> & {
  ExclusiveStartKey?: Record<string, NativeAttributeValue>;
  ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
};
export type ScanCommandOutput = Omit<ScanOutput, "Items" | "LastEvaluatedKey"> & {
  Items?: Record<string, NativeAttributeValue>[];
  LastEvaluatedKey?: Record<string, NativeAttributeValue>;
} & MetadataBearer;

export type BatchGetCommandInput = Omit<BatchGetItemInput, "RequestItems"> & {
  RequestItems:
    | Record<string, Omit<KeysAndAttributes, "Keys"> & { Keys: Record<string, NativeAttributeValue>[] | undefined }>
    | undefined;
};
export type BatchGetCommandOutput = Omit<BatchGetItemOutput, "Responses" | "UnprocessedKeys"> & {
  Responses?: Record<string, Record<string, NativeAttributeValue>[]>;
  UnprocessedKeys?: Record<string, Omit<KeysAndAttributes, "Keys"> & { Keys: Record<string, NativeAttributeValue>[] | undefined }>;
} & MetadataBearer;

type NativeWriteRequest = Omit<WriteRequest, "PutRequest" | "DeleteRequest"> & {
  PutRequest?: Omit<PutRequest, "Item"> & { Item: Record<string, NativeAttributeValue> | undefined };
  DeleteRequest?: Omit<DeleteRequest, "Key"> & { Key: Record<string, NativeAttributeValue> | undefined };
};
export type BatchWriteCommandInput = Omit<BatchWriteItemInput, "RequestItems"> & {
  RequestItems: Record<string, NativeWriteRequest[]> | undefined;
};
export type BatchWriteCommandOutput = Omit<BatchWriteItemOutput, "UnprocessedItems" | "ItemCollectionMetrics"> & {
  UnprocessedItems?: Record<string, NativeWriteRequest[]>;
  ItemCollectionMetrics?: Record<string, (Omit<ItemCollectionMetrics, "ItemCollectionKey"> & { ItemCollectionKey?: Record<string, NativeAttributeValue> })[]>;
} & MetadataBearer;

export type TransactWriteCommandInput = Omit<TransactWriteItemsInput, "TransactItems"> & {
  TransactItems:
    | (Omit<TransactWriteItem, "ConditionCheck" | "Put" | "Delete" | "Update"> & {
        ConditionCheck?: Omit<ConditionCheck, "Key" | "ExpressionAttributeValues"> & {
          Key: Record<string, NativeAttributeValue> | undefined;
          ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
        };
        Put?: Omit<Put, "Item" | "ExpressionAttributeValues"> & {
          Item: Record<string, NativeAttributeValue> | undefined;
          ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
        };
        Delete?: Omit<Delete, "Key" | "ExpressionAttributeValues"> & {
          Key: Record<string, NativeAttributeValue> | undefined;
          ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
        };
        Update?: Omit<Update, "Key" | "ExpressionAttributeValues"> & {
          Key: Record<string, NativeAttributeValue> | undefined;
          ExpressionAttributeValues?: Record<string, NativeAttributeValue>;
        };
      })[]
    | undefined;
};
export type TransactWriteCommandOutput = Omit<TransactWriteItemsOutput, "ItemCollectionMetrics"> & {
  ItemCollectionMetrics?: Record<string, (Omit<ItemCollectionMetrics, "ItemCollectionKey"> & { ItemCollectionKey?: Record<string, NativeAttributeValue> })[]>;
} & MetadataBearer;

/** The base of the document client's commands: the input it was built with, and its output type. */
export declare abstract class DynamoDBDocumentClientCommand<Input extends object, Output extends MetadataBearer> {
  readonly input: Input;
  /** Not in the SDK: carries the output type, as the SDK's middleware types do. */
  protected readonly __output?: Output;
}

export declare class GetCommand extends DynamoDBDocumentClientCommand<GetCommandInput, GetCommandOutput> {
  constructor(input: GetCommandInput);
}
export declare class PutCommand extends DynamoDBDocumentClientCommand<PutCommandInput, PutCommandOutput> {
  constructor(input: PutCommandInput);
}
export declare class UpdateCommand extends DynamoDBDocumentClientCommand<UpdateCommandInput, UpdateCommandOutput> {
  constructor(input: UpdateCommandInput);
}
export declare class DeleteCommand extends DynamoDBDocumentClientCommand<DeleteCommandInput, DeleteCommandOutput> {
  constructor(input: DeleteCommandInput);
}
export declare class QueryCommand extends DynamoDBDocumentClientCommand<QueryCommandInput, QueryCommandOutput> {
  constructor(input: QueryCommandInput);
}
export declare class ScanCommand extends DynamoDBDocumentClientCommand<ScanCommandInput, ScanCommandOutput> {
  constructor(input: ScanCommandInput);
}
export declare class BatchGetCommand extends DynamoDBDocumentClientCommand<BatchGetCommandInput, BatchGetCommandOutput> {
  constructor(input: BatchGetCommandInput);
}
export declare class BatchWriteCommand extends DynamoDBDocumentClientCommand<BatchWriteCommandInput, BatchWriteCommandOutput> {
  constructor(input: BatchWriteCommandInput);
}
export declare class TransactWriteCommand extends DynamoDBDocumentClientCommand<TransactWriteCommandInput, TransactWriteCommandOutput> {
  constructor(input: TransactWriteCommandInput);
}

export interface marshallOptions {
  convertEmptyValues?: boolean;
  removeUndefinedValues?: boolean;
  convertClassInstanceToMap?: boolean;
  convertTopLevelContainer?: boolean;
}
export interface unmarshallOptions {
  wrapNumbers?: boolean;
}
export type TranslateConfig = {
  marshallOptions?: marshallOptions;
  unmarshallOptions?: unmarshallOptions;
};

/** The document client: native JavaScript values in and out, AttributeValues on the wire. */
export declare class DynamoDBDocumentClient {
  protected constructor(client: DynamoDBClient, translateConfig?: TranslateConfig);
  static from(client: DynamoDBClient, translateConfig?: TranslateConfig): DynamoDBDocumentClient;
  send<Input extends object, Output extends MetadataBearer>(command: DynamoDBDocumentClientCommand<Input, Output>): Promise<Output>;
  destroy(): void;
}
