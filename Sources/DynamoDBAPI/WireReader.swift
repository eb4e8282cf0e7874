import JSONCore

/// Reads one JSON object of a request or response, field by field, with messages that name the
/// field at fault (`transactItems.2.member.put.item`), the way DynamoDB's validation reports do.
/// A member whose value is `null` counts as absent.
struct WireReader {
    let members: [(String, OrderedJSON)]
    let path: String

    init(_ json: OrderedJSON, path: String) throws(DynamoDBError) {
        guard case .object(let members) = json else {
            throw .validation(message: "\(path.isEmpty ? "The request body" : "Value at '\(path)'") must be a JSON object")
        }
        self.members = members
        self.path = path
    }

    func at(_ name: String) -> String { path.isEmpty ? name : "\(path).\(name)" }

    func value(_ name: String) -> OrderedJSON? {
        for (key, value) in members where key == name {
            if case .null = value { return nil }
            return value
        }
        return nil
    }

    func required<T>(_ value: T?, _ name: String) throws(DynamoDBError) -> T {
        guard let value else {
            throw .validation(message: "1 validation error detected: Value null at '\(at(name))' failed to satisfy constraint: Member must not be null")
        }
        return value
    }

    static func typeError(_ path: String, _ expected: String) -> DynamoDBError {
        .validation(message: "Value at '\(path)' must be \(expected)")
    }

    func string(_ name: String) throws(DynamoDBError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { throw Self.typeError(at(name), "a string") }
        return text
    }

    func bool(_ name: String) throws(DynamoDBError) -> Bool? {
        guard let value = value(name) else { return nil }
        guard case .bool(let flag) = value else { throw Self.typeError(at(name), "a boolean") }
        return flag
    }

    func int(_ name: String) throws(DynamoDBError) -> Int? {
        guard let value = value(name) else { return nil }
        switch value {
        case .integer(let number): return number
        case .number(let number) where number.rounded() == number && abs(number) < 1e15: return Int(number)
        default: throw Self.typeError(at(name), "an integer")
        }
    }

    func double(_ name: String) throws(DynamoDBError) -> Double? {
        guard let value = value(name) else { return nil }
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        default: throw Self.typeError(at(name), "a number")
        }
    }

    func enumeration<E: RawRepresentable>(_ name: String, _ type: E.Type) throws(DynamoDBError) -> E? where E.RawValue == String, E: CaseIterable {
        guard let text = try string(name) else { return nil }
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw .validation(message: "1 validation error detected: Value '\(text)' at '\(at(name))' failed to satisfy constraint: Member must satisfy enum value set: [\(allowed)]")
        }
        return value
    }

    func object(_ name: String) throws(DynamoDBError) -> WireReader? {
        guard let value = value(name) else { return nil }
        return try WireReader(value, path: at(name))
    }

    func array(_ name: String) throws(DynamoDBError) -> [OrderedJSON]? {
        guard let value = value(name) else { return nil }
        guard case .array(let items) = value else { throw Self.typeError(at(name), "a list") }
        return items
    }

    func list<T>(_ name: String, _ element: (OrderedJSON, String) throws(DynamoDBError) -> T) throws(DynamoDBError) -> [T]? {
        guard let items = try array(name) else { return nil }
        var result: [T] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() { result.append(try element(item, "\(at(name)).\(index + 1).member")) }
        return result
    }

    func objects<T>(_ name: String, _ element: (WireReader) throws(DynamoDBError) -> T) throws(DynamoDBError) -> [T]? {
        try list(name) { (json, path) throws(DynamoDBError) -> T in try element(WireReader(json, path: path)) }
    }

    func map<T>(_ name: String, _ element: (OrderedJSON, String) throws(DynamoDBError) -> T) throws(DynamoDBError) -> [String: T]? {
        guard let value = value(name) else { return nil }
        guard case .object(let members) = value else { throw Self.typeError(at(name), "a map") }
        var result: [String: T] = [:]
        result.reserveCapacity(members.count)
        for (key, member) in members { result[key] = try element(member, "\(at(name)).\(key)") }
        return result
    }

    func strings(_ name: String) throws(DynamoDBError) -> [String]? {
        try list(name) { (json, path) throws(DynamoDBError) -> String in
            guard case .string(let text) = json else { throw Self.typeError(path, "a string") }
            return text
        }
    }

    func stringMap(_ name: String) throws(DynamoDBError) -> [String: String]? {
        try map(name) { (json, path) throws(DynamoDBError) -> String in
            guard case .string(let text) = json else { throw Self.typeError(path, "a string") }
            return text
        }
    }

    func item(_ name: String) throws(DynamoDBError) -> Item? {
        guard let value = value(name) else { return nil }
        return try DynamoDBWire.decodeItem(value, path: at(name))
    }

    /// `ExpressionAttributeNames`: absent is empty; present and empty is an error, as DynamoDB says.
    func expressionNames() throws(DynamoDBError) -> [String: String] {
        guard let names = try stringMap("ExpressionAttributeNames") else { return [:] }
        if names.isEmpty { throw .validation(message: "ExpressionAttributeNames must not be empty") }
        return names
    }

    /// `ExpressionAttributeValues`: absent is empty; present and empty is an error, as DynamoDB says.
    func expressionValues() throws(DynamoDBError) -> [String: AttributeValue] {
        guard let values = try map("ExpressionAttributeValues", { (json, path) throws(DynamoDBError) in try DynamoDBWire.decode(json, path: path) }) else { return [:] }
        if values.isEmpty { throw .validation(message: "ExpressionAttributeValues must not be empty") }
        return values
    }
}

/// Builds one JSON object in the API's member order, leaving out absent optionals.
struct WireWriter {
    var members: [(String, OrderedJSON)] = []

    mutating func add(_ name: String, _ value: OrderedJSON?) {
        if let value { members.append((name, value)) }
    }

    mutating func add(_ name: String, _ value: String?) { add(name, value.map(OrderedJSON.string)) }
    mutating func add(_ name: String, _ value: Bool?) { add(name, value.map(OrderedJSON.bool)) }
    mutating func add(_ name: String, _ value: Int?) { add(name, value.map(OrderedJSON.integer)) }
    mutating func add(_ name: String, _ value: Double?) { add(name, value.map(OrderedJSON.number)) }
    mutating func add<E: RawRepresentable>(_ name: String, _ value: E?) where E.RawValue == String { add(name, value?.rawValue) }
    mutating func add(_ name: String, item: Item?) { add(name, item.map(DynamoDBWire.encode(item:))) }
    mutating func add<T: DynamoDBWireCodable>(_ name: String, _ value: T?) { add(name, value?.wire) }
    mutating func add<T: DynamoDBWireCodable>(_ name: String, list: [T]?) { add(name, list.map { OrderedJSON.array($0.map(\.wire)) }) }
    mutating func add(_ name: String, strings: [String]?) { add(name, strings.map { OrderedJSON.array($0.map(OrderedJSON.string)) }) }

    /// A map with its keys sorted, so the same value always encodes to the same bytes.
    mutating func add<T>(_ name: String, map: [String: T]?, _ encode: (T) -> OrderedJSON) {
        guard let map else { return }
        members.append((name, .object(map.sorted { $0.key < $1.key }.map { ($0.key, encode($0.value)) })))
    }

    mutating func addExpressionNames(_ names: [String: String]) {
        if !names.isEmpty { add("ExpressionAttributeNames", map: names, OrderedJSON.string) }
    }

    mutating func addExpressionValues(_ values: [String: AttributeValue]) {
        if !values.isEmpty { add("ExpressionAttributeValues", map: values, DynamoDBWire.encode) }
    }

    var json: OrderedJSON { .object(members) }
}
