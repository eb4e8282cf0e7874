import DesignEngine

/// Identifiers derived from table names for the exports' own names: CloudFormation logical ids
/// and IAM statement ids (`UsersTable`), Terraform resource names (`users`).
enum TableIdentifiers {
    /// The table name's letters and digits in PascalCase plus `Table`, unique and never one of
    /// `reserved` (nor, with `Indexes` appended, the statement id of a table's indexes).
    static func pascalCase(_ tables: [TableDesign], reserved: Set<String>) -> [String: String] {
        var result: [String: String] = [:]
        var used = reserved
        for table in tables {
            var base = words(table.name).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            if base.isEmpty || base.first!.isNumber { base = "T" + base }
            base = String(base.prefix(200)) + "Table"
            var candidate = base
            var counter = 2
            while used.contains(candidate) || used.contains(candidate + "Indexes") {
                candidate = base + String(counter)
                counter += 1
            }
            used.insert(candidate)
            result[table.id] = candidate
        }
        return result
    }

    /// `OrderItems` → `order_items`: lowercase words joined by `_`, starting with a letter (a
    /// Terraform identifier), unique among `used`, which it extends.
    static func snakeCase(_ name: String, used: inout Set<String>) -> String {
        var parts: [String] = []
        for word in words(name) {
            // Split camel case: a capital after a lowercase letter or digit starts a word.
            var current = ""
            var previous: Character?
            for character in word {
                if character.isUppercase, let previous, previous.isLowercase || previous.isNumber, !current.isEmpty {
                    parts.append(current)
                    current = ""
                }
                current.append(character)
                previous = character
            }
            if !current.isEmpty { parts.append(current) }
        }
        var base = parts.map { $0.lowercased() }.joined(separator: "_")
        if base.isEmpty || !base.first!.isLetter { base = "t_" + base }
        base = String(base.prefix(200))
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = base + "_" + String(counter)
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// The runs of ASCII letters and digits in `name`.
    private static func words(_ name: String) -> [Substring] {
        name.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }
}
