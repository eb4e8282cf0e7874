import DesignEngine

extension DataModelDocument {
    /// A Mermaid `erDiagram` of the tables and indexes with their key attributes. Mermaid
    /// identifiers allow only letters, digits and `_`, so each table and index gets a safe,
    /// unique identifier and shows its real name as the entity's label.
    static func diagram(_ context: Context, into out: inout Text) {
        let tables = context.model.tables
        out += "## Diagram\n\n"
        if tables.isEmpty {
            out += "_No tables to draw._\n"
            return
        }
        var identifiers = MermaidIdentifiers()
        var tableIdentifiers: [String: String] = [:]
        tableIdentifiers.reserveCapacity(tables.count)
        var relationships = Text(capacity: 128 * tables.count)
        out += "```mermaid\nerDiagram\n"
        for table in tables {
            let identifier = identifiers.make("t_" + table.name)
            if tableIdentifiers[table.id] == nil { tableIdentifiers[table.id] = identifier }
            var label = table.name
            if table.entities.count > 1 { label += " (" + table.entities.joined(separator: ", ") + ")" }
            entity(identifier, label: label, into: &out)
            attribute(table.partitionKey, role: "partition key", into: &out)
            if let sortKey = table.sortKey { attribute(sortKey, role: "sort key", into: &out) }
            out += "    }\n"
            for index in table.indexes {
                let indexIdentifier = identifiers.make("i_" + table.name + "_" + index.name)
                entity(indexIdentifier, label: index.name + " (" + index.kind.rawValue + " of " + table.name + ")", into: &out)
                for (position, key) in index.partitionKey.enumerated() {
                    attribute(key, role: keyRole("partition key", position, index.partitionKey.count), into: &out)
                }
                for (position, key) in index.sortKey.enumerated() {
                    attribute(key, role: keyRole("sort key", position, index.sortKey.count), into: &out)
                }
                out += "    }\n"
                relationships += "    "
                relationships += identifier
                relationships += " ||--o| "
                relationships += indexIdentifier
                relationships += " : \""
                relationships += index.kind.rawValue
                relationships += " "
                relationships += index.projection.awsName
                relationships += "\"\n"
            }
        }
        // Lookup tables hold one item per owner item with a unique value.
        for table in tables {
            guard let lookup = table.lookup, let owner = tableIdentifiers[lookup.ownerTableID], let own = tableIdentifiers[table.id] else {
                continue
            }
            relationships += "    "
            relationships += owner
            relationships += " ||--o| "
            relationships += own
            relationships += " : \"unique "
            relationships += label(lookup.attributes.joined(separator: " + "))
            relationships += "\"\n"
        }
        out.appendBytes(relationships.bytes)
        out += "```\n"
    }

    static func keyRole(_ role: String, _ position: Int, _ count: Int) -> String {
        count == 1 ? role : role + " " + String(position + 1) + " of " + String(count)
    }

    static func entity(_ identifier: String, label: String, into out: inout Text) {
        out += "    "
        out += identifier
        out += "[\""
        out += self.label(label)
        out += "\"] {\n"
    }

    /// `S user_id PK "partition key"`; the real name goes into the comment when it had to change.
    static func attribute(_ key: KeyAttribute, role: String, into out: inout Text) {
        let name = MermaidIdentifiers.sanitized(key.name)
        out += "        "
        out += MermaidIdentifiers.sanitized(key.dynamoDBType.rawValue)
        out += " "
        out += name
        out += " PK \""
        out += role
        if name != key.name {
            out += ": "
            out += label(key.name)
        }
        out += "\"\n"
    }

    /// Text safe inside a quoted Mermaid label: no double quotes, no line breaks.
    static func label(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) else {
            return text
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "'"))
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): bytes.append(UInt8(ascii: " "))
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Unique Mermaid identifiers: letters, digits and `_` only, starting with a letter or `_`.
struct MermaidIdentifiers {
    private var used = Set<String>()

    /// The sanitized name, with `_2`, `_3`… appended when another name already sanitized to it.
    mutating func make(_ name: String) -> String {
        let base = Self.sanitized(name)
        var candidate = base
        var suffix = 2
        while !used.insert(candidate).inserted {
            candidate = base + "_" + String(suffix)
            suffix += 1
        }
        return candidate
    }

    static func sanitized(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 1)
        for byte in name.utf8 {
            let isLetter = (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            if bytes.isEmpty, isDigit { bytes.append(UInt8(ascii: "_")) }
            bytes.append(isLetter || isDigit ? byte : UInt8(ascii: "_"))
        }
        if bytes.isEmpty { bytes.append(UInt8(ascii: "_")) }
        return String(decoding: bytes, as: UTF8.self)
    }
}
