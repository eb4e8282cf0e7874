import JSONCore

/// The JSON protocol's shapes (`{"S": "x"}`, `{"N": "1"}`, binaries in base64, error bodies with
/// `__type`): every request, response and error to and from `OrderedJSON`.
///
/// Decoding never traps: anything malformed is `DynamoDBError.validation` with a message that
/// names the field, so the in-memory service answers a bad request the way DynamoDB does.
public enum DynamoDBWire {
    /// The JSON form of a request or response.
    public static func encode<Value: DynamoDBWireCodable>(_ value: Value) -> OrderedJSON { value.wire }

    /// The compact JSON bytes of a request or response (what goes over HTTP).
    public static func bytes<Value: DynamoDBWireCodable>(_ value: Value) -> [UInt8] { value.wire.compact() }

    /// A request or response read from JSON bytes (an empty body reads as `{}`).
    public static func decode<Value: DynamoDBWireCodable>(_ type: Value.Type, from bytes: [UInt8]) throws(DynamoDBError) -> Value {
        let json: OrderedJSON
        do {
            json = try OrderedJSON.parse(bytes.isEmpty ? Array("{}".utf8) : bytes)
        } catch {
            throw .validation(message: "The request body is not valid JSON: \(error.description)")
        }
        return try Value(wire: json)
    }

    /// `{"S": "x"}` and the other nine shapes.
    public static func encode(_ value: AttributeValue) -> OrderedJSON {
        switch value {
        case .s(let text): return .object([("S", .string(text))])
        case .n(let text): return .object([("N", .string(text))])
        case .b(let bytes): return .object([("B", .string(Base64.encode(bytes)))])
        case .bool(let flag): return .object([("BOOL", .bool(flag))])
        case .null: return .object([("NULL", .bool(true))])
        case .m(let members): return .object([("M", encode(item: members))])
        case .l(let values): return .object([("L", .array(values.map(encode)))])
        case .ss(let texts): return .object([("SS", .array(texts.map(OrderedJSON.string)))])
        case .ns(let texts): return .object([("NS", .array(texts.map(OrderedJSON.string)))])
        case .bs(let values): return .object([("BS", .array(values.map { .string(Base64.encode($0)) }))])
        }
    }

    /// An item (or a map's members) as a JSON object, names sorted for stable bytes.
    public static func encode(item: Item) -> OrderedJSON {
        .object(item.sorted { $0.key < $1.key }.map { ($0.key, encode($0.value)) })
    }

    /// An attribute value read from its JSON shape; `path` names it in messages.
    public static func decode(_ json: OrderedJSON, path: String = "value") throws(DynamoDBError) -> AttributeValue {
        guard case .object(let members) = json else {
            throw .validation(message: "Value at '\(path)' must be an AttributeValue object such as {\"S\": \"text\"}")
        }
        guard members.count == 1, let (type, content) = members.first else {
            throw .validation(message: "Supplied AttributeValue \(members.isEmpty ? "is empty" : "has more than one datatypes set"), must contain exactly one of the supported datatypes (at '\(path)')")
        }
        func text() throws(DynamoDBError) -> String {
            guard case .string(let value) = content else { throw WireReader.typeError("\(path).\(type)", "a string") }
            return value
        }
        func binary(_ value: OrderedJSON, _ at: String) throws(DynamoDBError) -> [UInt8] {
            guard case .string(let encoded) = value, let bytes = Base64.decode(encoded) else {
                throw .validation(message: "Value at '\(at)' must be base64-encoded binary data")
            }
            return bytes
        }
        func texts() throws(DynamoDBError) -> [String] {
            guard case .array(let items) = content else { throw WireReader.typeError("\(path).\(type)", "a list") }
            var result: [String] = []
            for item in items {
                guard case .string(let value) = item else { throw WireReader.typeError("\(path).\(type)", "a list of strings") }
                result.append(value)
            }
            return result
        }
        switch type {
        case "S": return .s(try text())
        case "N": return .n(try text())
        case "B": return .b(try binary(content, "\(path).B"))
        case "BOOL":
            guard case .bool(let flag) = content else { throw WireReader.typeError("\(path).BOOL", "a boolean") }
            return .bool(flag)
        case "NULL":
            guard case .bool(true) = content else {
                throw .validation(message: "One or more parameter values were invalid: Null attribute value types must have the value of true")
            }
            return .null
        case "M": return .m(try decodeItem(content, path: "\(path).M"))
        case "L":
            guard case .array(let items) = content else { throw WireReader.typeError("\(path).L", "a list") }
            var values: [AttributeValue] = []
            values.reserveCapacity(items.count)
            for (index, item) in items.enumerated() { values.append(try decode(item, path: "\(path).L.\(index + 1)")) }
            return .l(values)
        case "SS": return .ss(try texts())
        case "NS": return .ns(try texts())
        case "BS":
            guard case .array(let items) = content else { throw WireReader.typeError("\(path).BS", "a list") }
            var values: [[UInt8]] = []
            for (index, item) in items.enumerated() { values.append(try binary(item, "\(path).BS.\(index + 1)")) }
            return .bs(values)
        default:
            throw .validation(message: "Supplied AttributeValue has an unknown datatype \(type) at '\(path)'; it must be one of S, N, B, BOOL, NULL, M, L, SS, NS, BS")
        }
    }

    /// An item (name → value object) read from JSON.
    public static func decodeItem(_ json: OrderedJSON, path: String) throws(DynamoDBError) -> Item {
        guard case .object(let members) = json else { throw WireReader.typeError(path, "a map of attribute names to AttributeValue objects") }
        var item: Item = [:]
        item.reserveCapacity(members.count)
        for (name, value) in members { item[name] = try decode(value, path: "\(path).\(name)") }
        return item
    }

    /// The error's JSON body and HTTP status, as DynamoDB sends it: `__type` with the service's
    /// namespace, `message`, and `CancellationReasons` for a canceled transaction.
    public static func encode(error: DynamoDBError) -> (statusCode: Int, body: OrderedJSON) {
        let service = "com.amazonaws.dynamodb.v20120810#"
        func body(_ type: String, _ message: String, extra: [(String, OrderedJSON)] = []) -> OrderedJSON {
            .object([("__type", .string(type)), ("message", .string(message))] + extra)
        }
        switch error {
        case .tableAlreadyExists(let message): return (400, body(service + "ResourceInUseException", message))
        case .resourceNotFound(let message): return (400, body(service + "ResourceNotFoundException", message))
        case .conditionalCheckFailed(let message): return (400, body(service + "ConditionalCheckFailedException", message))
        case .validation(let message): return (400, body("com.amazon.coral.validate#ValidationException", message))
        case .transactionCanceled(let message, let reasons):
            let encoded = reasons.map { reason -> OrderedJSON in
                var writer = WireWriter()
                writer.add("Item", item: reason.item)
                writer.add("Code", reason.code.rawValue)
                writer.add("Message", reason.message)
                return writer.json
            }
            return (400, body(service + "TransactionCanceledException", message, extra: [("CancellationReasons", .array(encoded))]))
        case .authenticationFailed(let type, let message): return (400, body("com.amazon.coral.service#" + type, message))
        case .throttled(let type, _, let message): return (400, body(service + type, message))
        case .serviceError(let type, let message, let statusCode): return (statusCode, body(service + type, message))
        case .endpointUnreachable, .credentialsNotFound, .invalidResponse:
            return (500, body(service + "InternalServerError", error.message))
        }
    }

    /// The short error code of an error (`ConditionalCheckFailedException`, `ValidationException`),
    /// what a client compares when messages differ between services.
    public static func code(of error: DynamoDBError) -> String {
        guard let type = encode(error: error).body.member("__type")?.stringText else { return "Unknown" }
        return type.split(separator: "#").last.map(String.init) ?? type
    }
}
