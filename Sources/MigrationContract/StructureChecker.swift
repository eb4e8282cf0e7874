import JSONCore
import Foundation

/// The contract format's structure, types and names (docs/contract.md), entry by entry and across entries. Needs nothing but
/// the file.
enum StructureChecker {
    /// Reports structural problems and returns what could be read of each entry (nil when the
    /// top level is not an array).
    static func check(_ json: OrderedJSON, into problems: inout ProblemList) -> [ParsedEntry]? {
        guard case .array(let items) = json else {
            var message = "the contract must be a JSON array with one object per table and per GSI; found \(json.typeName)"
            if case .object(let members) = json, members.contains(where: { $0.0 == "tables" }) {
                message += " (this looks like the newer object form, which is not migrationContract.json)"
            }
            problems.add(.root, message)
            return nil
        }
        if items.isEmpty { problems.add(.root, "the contract has no entries; it needs one per table and per GSI") }
        var entries: [ParsedEntry] = []
        for (position, item) in items.enumerated() {
            entries.append(checkEntry(item, position: position, into: &problems))
        }
        checkAcrossEntries(entries, into: &problems)
        return entries
    }

    // MARK: One entry

    private static func checkEntry(_ item: OrderedJSON, position: Int, into problems: inout ProblemList) -> ParsedEntry {
        var entry = ParsedEntry(position: position)
        let path = entry.path
        guard case .object(let members) = item else {
            problems.add(path, "each entry must be an object; found \(item.typeName)")
            return entry
        }
        let fields = checkKeys(members, allowed: ContractValidator.entryKeys, required: ContractValidator.requiredEntryKeys, at: path,
                               what: "an entry", into: &problems)

        if let value = fields["table"] {
            entry.table = nonEmptyString(value, at: path.appending("table"), into: &problems)
            if let name = entry.table { checkName(name, what: "table name", at: path.appending("table"), into: &problems) }
        }
        if let value = fields["type"], let type = nonEmptyString(value, at: path.appending("type"), into: &problems) {
            if type == "Table" || type == "GSI" {
                entry.type = type
            } else {
                problems.add(path.appending("type"), "must be \"Table\" or \"GSI\"; found \"\(type)\"")
            }
        }
        if let value = fields["source_table"] {
            if case .null = value {
                problems.add(path.appending("source_table"), "must not be null: name the primary MySQL source table")
            } else {
                entry.sourceTable = nonEmptyString(value, at: path.appending("source_table"), into: &problems)
            }
        }
        if let value = fields["pk"] { entry.pk = nonEmptyString(value, at: path.appending("pk"), into: &problems) }
        if let value = fields["sk"] {
            if case .null = value {
                problems.add(path.appending("sk"), "must be a string; leave sk out when there is no sort key")
            } else {
                entry.sk = nonEmptyString(value, at: path.appending("sk"), into: &problems)
            }
        }
        if let value = fields["gsis"] {
            if entry.type == "GSI" {
                problems.add(path.appending("gsis"), "only Table entries list gsis; a GSI entry describes one index")
            }
            entry.gsis = checkGSIs(value, at: path.appending("gsis"), into: &problems)
        }
        if let value = fields["attributes"] {
            entry.attributes = checkAttributes(value, at: path.appending("attributes"), into: &problems)
        }
        if let value = fields["satisfies"] {
            entry.satisfies = checkSatisfies(value, at: path.appending("satisfies"), into: &problems)
        }
        if let value = fields["estimated_item_size_bytes"] {
            checkItemSize(value, at: path.appending("estimated_item_size_bytes"), into: &problems)
        }
        var attributesIsObject = false
        if case .object? = fields["attributes"] { attributesIsObject = true }
        checkKeysDeclared(entry, hasAttributes: attributesIsObject, into: &problems)
        return entry
    }

    /// Reports duplicate, unknown and missing keys; returns the first value of each known key.
    private static func checkKeys(_ members: [(String, OrderedJSON)], allowed: [String], required: [String], at path: JSONPath,
                                  what: String, into problems: inout ProblemList) -> [String: OrderedJSON] {
        var fields: [String: OrderedJSON] = [:]
        var counts: [String: Int] = [:]
        for (key, value) in members {
            counts[key, default: 0] += 1
            if counts[key] == 2 { problems.add(path.appending(key), "the key \"\(key)\" appears more than once; keep one") }
            guard allowed.contains(key) else {
                if counts[key] == 1 {
                    problems.add(path.appending(key), "unknown key \"\(key)\" in \(what); allowed keys: \(allowed.joined(separator: ", "))")
                }
                continue
            }
            if fields[key] == nil { fields[key] = value }
        }
        for key in required where fields[key] == nil {
            problems.add(path, "missing the required key \"\(key)\"")
        }
        return fields
    }

    private static func nonEmptyString(_ value: OrderedJSON, at path: JSONPath, into problems: inout ProblemList) -> String? {
        guard case .string(let text) = value else {
            problems.add(path, "must be a string; found \(value.typeName)")
            return nil
        }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            problems.add(path, "must not be empty")
            return nil
        }
        return text
    }

    /// DynamoDB table and index names: 3 to 255 characters, letters, digits, `_`, `-` and `.`.
    private static func checkName(_ name: String, what: String, at path: JSONPath, into problems: inout ProblemList) {
        let valid = name.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
        if name.utf8.count < 3 || name.utf8.count > 255 || !valid {
            problems.add(path, "\"\(name)\" is not a valid DynamoDB \(what): use 3 to 255 characters from A-Z, a-z, 0-9, _, - and .")
        }
    }

    private static func checkGSIs(_ value: OrderedJSON, at path: JSONPath, into problems: inout ProblemList) -> [ParsedEntry.IndexKeys] {
        guard case .array(let items) = value else {
            problems.add(path, "must be an array of {name, pk, sk?} objects; found \(value.typeName)")
            return []
        }
        var result: [ParsedEntry.IndexKeys] = []
        for (position, item) in items.enumerated() {
            let itemPath = path.appending(position)
            guard case .object(let members) = item else {
                problems.add(itemPath, "each GSI must be an object {name, pk, sk?}; found \(item.typeName)")
                continue
            }
            let fields = checkKeys(members, allowed: ContractValidator.gsiKeys, required: ["name", "pk"], at: itemPath, what: "a GSI",
                                   into: &problems)
            let name = fields["name"].flatMap { nonEmptyString($0, at: itemPath.appending("name"), into: &problems) }
            if let name { checkName(name, what: "index name", at: itemPath.appending("name"), into: &problems) }
            let pk = fields["pk"].flatMap { nonEmptyString($0, at: itemPath.appending("pk"), into: &problems) }
            let sk = fields["sk"].flatMap { nonEmptyString($0, at: itemPath.appending("sk"), into: &problems) }
            if let name { result.append(ParsedEntry.IndexKeys(name: name, pk: pk, sk: sk, path: itemPath)) }
        }
        return result
    }

    private static func checkAttributes(_ value: OrderedJSON, at path: JSONPath, into problems: inout ProblemList) -> [ParsedEntry.Attribute] {
        guard case .object(let members) = value else {
            problems.add(path, "must be an object mapping attribute names to {type, source_table, source_column}; found \(value.typeName)")
            return []
        }
        if members.isEmpty { problems.add(path, "declares no attributes; at least the key attributes must be declared") }
        var seen = Set<String>()
        var result: [ParsedEntry.Attribute] = []
        for (name, definition) in members {
            let attributePath = path.appending(name)
            guard seen.insert(name).inserted else {
                problems.add(attributePath, "the attribute \"\(name)\" is declared more than once; keep one")
                continue
            }
            if name.isEmpty { problems.add(attributePath, "an attribute name must not be empty") }
            if name.utf8.count > 255 { problems.add(attributePath, "an attribute name must be at most 255 bytes") }
            guard case .object(let fieldsList) = definition else {
                problems.add(attributePath, "must be an object {type, source_table, source_column}; found \(definition.typeName)")
                result.append(ParsedEntry.Attribute(name: name))
                continue
            }
            let fields = checkKeys(fieldsList, allowed: ContractValidator.attributeKeys, required: ["type", "source_table", "source_column"],
                                   at: attributePath, what: "an attribute", into: &problems)
            var attribute = ParsedEntry.Attribute(name: name)
            if let typeValue = fields["type"], let type = nonEmptyString(typeValue, at: attributePath.appending("type"), into: &problems) {
                if ContractTypeMapping.allowedTypes.contains(type) {
                    attribute.type = type
                } else {
                    problems.add(attributePath.appending("type"),
                                 "must be S, N or B; found \"\(type)\" (write booleans as N, documents, lists and sets as S)")
                }
            }
            if let source = fields["source_table"] {
                if case .null = source {
                    problems.add(attributePath.appending("source_table"), "must not be null: name the MySQL source table")
                } else {
                    attribute.sourceTable = nonEmptyString(source, at: attributePath.appending("source_table"), into: &problems)
                }
            }
            if let column = fields["source_column"] {
                attribute.sourceColumn = nonEmptyString(column, at: attributePath.appending("source_column"), into: &problems)
            }
            checkDenormalization(fields, at: attributePath, into: &problems)
            result.append(attribute)
        }
        return result
    }

    private static func checkDenormalization(_ fields: [String: OrderedJSON], at path: JSONPath, into problems: inout ProblemList) {
        var denormalized = false
        if let flag = fields["denormalized"] {
            if case .bool(let value) = flag {
                denormalized = value
            } else {
                problems.add(path.appending("denormalized"), "must be true or false; found \(flag.typeName)")
            }
        }
        if let justification = fields["justification"] {
            _ = nonEmptyString(justification, at: path.appending("justification"), into: &problems)
        } else if denormalized {
            problems.add(path, "a denormalized attribute needs a justification")
        }
        if let join = fields["join"] {
            let joinPath = path.appending("join")
            if case .object(let members) = join {
                let joinFields = checkKeys(members, allowed: ContractValidator.joinKeys, required: ContractValidator.joinKeys, at: joinPath,
                                           what: "a join", into: &problems)
                for key in ContractValidator.joinKeys {
                    if let value = joinFields[key] { _ = nonEmptyString(value, at: joinPath.appending(key), into: &problems) }
                }
            } else {
                problems.add(joinPath, "must be an object {local_column, source_column}; found \(join.typeName)")
            }
        } else if denormalized {
            problems.add(path, "a denormalized attribute needs a join {local_column, source_column}")
        }
    }

    private static func checkSatisfies(_ value: OrderedJSON, at path: JSONPath, into problems: inout ProblemList) -> [(String, JSONPath)] {
        guard case .array(let items) = value else {
            problems.add(path, "must be an array of access-pattern descriptions; found \(value.typeName)")
            return []
        }
        if items.isEmpty { problems.add(path, "names no access pattern; every table and GSI must serve at least one") }
        var result: [(String, JSONPath)] = []
        for (position, item) in items.enumerated() {
            if let description = nonEmptyString(item, at: path.appending(position), into: &problems) {
                result.append((description, path.appending(position)))
            }
        }
        return result
    }

    private static func checkItemSize(_ value: OrderedJSON, at path: JSONPath, into problems: inout ProblemList) {
        guard case .integer(let size) = value else {
            problems.add(path, "must be a whole number of bytes; found \(value.typeName)")
            return
        }
        if size <= 0 {
            problems.add(path, "must be positive; found \(size)")
        } else if size > ContractValidator.maximumItemSizeBytes {
            problems.add(path, "\(size) bytes is over DynamoDB's 400 KB (409600 bytes) item limit")
        }
    }

    /// Key attributes (pk, sk and each GSI's) must be declared in the entry's attributes, where
    /// their type is checked to be S, N or B: consumers default a missing type to S.
    private static func checkKeysDeclared(_ entry: ParsedEntry, hasAttributes: Bool, into problems: inout ProblemList) {
        guard hasAttributes else { return }
        let declared = Set(entry.attributes.map(\.name))
        func require(_ name: String?, role: String, at path: JSONPath) {
            guard let name, !declared.contains(name) else { return }
            problems.add(path, "the \(role) \"\(name)\" is not declared in attributes; declare it with type S, N or B")
        }
        require(entry.pk, role: "partition key", at: entry.path.appending("pk"))
        require(entry.sk, role: "sort key", at: entry.path.appending("sk"))
        for gsi in entry.gsis {
            require(gsi.pk, role: "partition key of GSI \(gsi.name)", at: gsi.path.appending("pk"))
            require(gsi.sk, role: "sort key of GSI \(gsi.name)", at: gsi.path.appending("sk"))
        }
    }

    // MARK: Across entries

    private static func checkAcrossEntries(_ entries: [ParsedEntry], into problems: inout ProblemList) {
        var tableNames: [String: Int] = [:]
        for entry in entries where entry.type == "Table" {
            guard let name = entry.table else { continue }
            if let first = tableNames[name] {
                problems.add(entry.path.appending("table"), "the table name \"\(name)\" is already used by $[\(first)]; table names must be unique")
            } else {
                tableNames[name] = entry.position
            }
            var indexNames = Set<String>()
            for gsi in entry.gsis where !indexNames.insert(gsi.name).inserted {
                problems.add(gsi.path.appending("name"), "the GSI name \"\(gsi.name)\" is listed twice for table \(name); index names must be unique per table")
            }
        }
        var linked: [Int: Set<String>] = [:]
        for entry in entries where entry.type == "GSI" {
            guard let name = entry.table else { continue }
            // The base table is the nearest Table entry before it that lists the index (the
            // builder writes each table's GSI entries right after it), else any that lists it.
            let listing = entries.filter { $0.type == "Table" && $0.gsis.contains { $0.name == name } }
            guard let base = listing.last(where: { $0.position < entry.position }) ?? listing.first,
                  let gsi = base.gsis.first(where: { $0.name == name }) else {
                problems.add(entry.path.appending("table"), "no Table entry lists the GSI \"\(name)\" in its gsis")
                continue
            }
            if !linked[base.position, default: []].insert(name).inserted {
                problems.add(entry.path.appending("table"), "table \(base.table ?? "$[\(base.position)]") already has a GSI entry named \"\(name)\"; index names must be unique per table")
                continue
            }
            if let pk = entry.pk, let listed = gsi.pk, pk != listed {
                problems.add(entry.path.appending("pk"), "is \"\(pk)\" but table \(base.table ?? "") lists GSI \(name) with pk \"\(listed)\"")
            }
            if entry.sk != gsi.sk, entry.pk != nil, gsi.pk != nil {
                problems.add(entry.path.appending("sk"),
                             "is \(entry.sk.map { "\"\($0)\"" } ?? "absent") but table \(base.table ?? "") lists GSI \(name) with sk \(gsi.sk.map { "\"\($0)\"" } ?? "absent")")
            }
            if let source = entry.sourceTable, let baseSource = base.sourceTable, source != baseSource {
                problems.add(entry.path.appending("source_table"), "is \"\(source)\" but its base table \(base.table ?? "") has source_table \"\(baseSource)\"")
            }
            let baseTypes = Dictionary(base.attributes.compactMap { attribute in attribute.type.map { (attribute.name, $0) } }, uniquingKeysWith: { first, _ in first })
            for attribute in entry.attributes {
                if let type = attribute.type, let baseType = baseTypes[attribute.name], type != baseType {
                    problems.add(entry.path.appending("attributes").appending(attribute.name).appending("type"),
                                 "is \(type) but the base table \(base.table ?? "") declares \(attribute.name) as \(baseType)")
                }
            }
        }
        for entry in entries where entry.type == "Table" {
            for gsi in entry.gsis where !(linked[entry.position]?.contains(gsi.name) ?? false) {
                if entry.gsis.first(where: { $0.name == gsi.name })?.path != gsi.path { continue }
                problems.add(gsi.path, "the GSI \"\(gsi.name)\" has no entry of its own (\"type\": \"GSI\", \"table\": \"\(gsi.name)\")")
            }
        }
    }
}
