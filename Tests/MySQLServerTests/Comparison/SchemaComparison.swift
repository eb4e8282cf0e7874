/// Compares the parser's view of a schema with the server's, collecting every mismatch (one
/// line each) so a single failure message shows them all.
///
/// Rules that are not exceptions but how MariaDB reports things:
/// - Type text goes through `ColumnTypeText.normalize` on both sides.
/// - Character set and collation are compared when the parser states them (a column without
///   them inherits the table's, which only the server knows).
/// - A missing ON DELETE / ON UPDATE is RESTRICT: the server reports RESTRICT, and SHOW CREATE
///   TABLE (so mysqldump) leaves the clause out.
/// - A missing comment is the empty comment. A missing engine is the server's default.
/// - In the source files only: InnoDB adds an index on a foreign key's columns when no index
///   starts with them, named after the constraint (or, when unnamed, the first column). Such a
///   server index may be missing from the parse; mysqldump writes it out, so the dump parse must
///   have it.
struct SchemaComparison {
    let origin: ParseOrigin
    let parsed: SchemaSnapshot
    let server: SchemaSnapshot
    let exceptions: [ReviewedTypeException]

    func mismatches() -> [String] {
        var problems: [String] = []
        var used = Set<ReviewedTypeException>()
        let parsedNames = Set(parsed.tables.keys)
        let serverNames = Set(server.tables.keys)
        for name in serverNames.subtracting(parsedNames).sorted() {
            problems.append("table \(name): on the server, missing from the parse")
        }
        for name in parsedNames.subtracting(serverNames).sorted() {
            problems.append("table \(name): in the parse, not on the server")
        }
        for name in parsedNames.intersection(serverNames).sorted() {
            guard let parsedTable = parsed.tables[name], let serverTable = server.tables[name] else { continue }
            problems += compareTable(parsedTable, serverTable, used: &used)
        }
        for exception in exceptions where exception.origins.contains(origin) && !used.contains(exception) {
            problems.append("stale exception \(exception.table).\(exception.column) "
                + "(\(exception.parserType) vs \(exception.serverType)): no longer needed, remove it")
        }
        return problems
    }

    private func compareTable(_ parsed: TableSnapshot, _ server: TableSnapshot, used: inout Set<ReviewedTypeException>) -> [String] {
        var problems: [String] = []
        let table = server.name
        if let engine = parsed.engine, engine.lowercased() != server.engine?.lowercased() {
            problems.append("table \(table): engine parser \(engine) vs server \(server.engine ?? "NULL")")
        }
        if (parsed.comment ?? "") != (server.comment ?? "") {
            problems.append("table \(table): comment parser \(quoted(parsed.comment)) vs server \(quoted(server.comment))")
        }
        let parsedOrder = parsed.columns.map(\.name)
        let serverOrder = server.columns.map(\.name)
        if parsedOrder != serverOrder {
            problems.append("table \(table): columns parser [\(parsedOrder.joined(separator: ", "))] "
                + "vs server [\(serverOrder.joined(separator: ", "))]")
        }
        for serverColumn in server.columns {
            guard let parsedColumn = parsed.columns.first(where: { $0.name == serverColumn.name }) else { continue }
            problems += compareColumn(table, parsedColumn, serverColumn, used: &used)
        }
        if parsed.primaryKey != server.primaryKey {
            problems.append("table \(table): primary key parser (\(parsed.primaryKey.joined(separator: ", "))) "
                + "vs server (\(server.primaryKey.joined(separator: ", ")))")
        }
        problems += compareKeys(table, "unique key", parsed.uniqueKeys, server.uniqueKeys, implicitAllowed: { _ in false })
        problems += compareKeys(table, "index", parsed.indexes, server.indexes) { index in
            origin == .sourceFiles && isImplicitForeignKeyIndex(index, parsed: parsed)
        }
        problems += compareForeignKeys(table, parsed.foreignKeys, server.foreignKeys)
        return problems
    }

    private func compareColumn(_ table: String, _ parsed: ColumnSnapshot, _ server: ColumnSnapshot,
                               used: inout Set<ReviewedTypeException>) -> [String] {
        var problems: [String] = []
        let place = "\(table).\(server.name)"
        func check<Value: Equatable>(_ label: String, _ parsedValue: Value, _ serverValue: Value) {
            if parsedValue != serverValue {
                problems.append("\(place): \(label) parser \(parsedValue) vs server \(serverValue)")
            }
        }
        if parsed.type != server.type {
            let exception = exceptions.first {
                $0.origins.contains(origin) && $0.table == table && $0.column == server.name
                    && $0.parserType == parsed.type && $0.serverType == server.type
            }
            if let exception {
                used.insert(exception)
            } else {
                problems.append("\(place): type parser `\(parsed.type)` vs server `\(server.type)`")
            }
        } else if !server.values.isEmpty || !parsed.values.isEmpty {
            check("members", parsed.values, server.values)
        }
        if let width = parsed.displayWidth, width != server.displayWidth {
            problems.append("\(place): display width parser \(width) vs server \(server.displayWidth.map(String.init) ?? "none")")
        }
        check("nullable", parsed.nullable, server.nullable)
        check("auto_increment", parsed.autoIncrement, server.autoIncrement)
        check("on update current_timestamp", parsed.onUpdateCurrentTimestamp, server.onUpdateCurrentTimestamp)
        check("generated", parsed.generated?.rawValue ?? "no", server.generated?.rawValue ?? "no")
        check("comment", quoted(parsed.comment), quoted(server.comment))
        if let characterSet = parsed.characterSet { check("character set", characterSet, server.characterSet ?? "none") }
        if let collation = parsed.collation { check("collation", collation, server.collation ?? "none") }
        return problems
    }

    /// Pairs keys by name; an unnamed parsed key takes the server key with the same columns
    /// (the server names unnamed keys itself).
    private func compareKeys(_ table: String, _ label: String, _ parsed: [KeySnapshot], _ server: [KeySnapshot],
                             implicitAllowed: (KeySnapshot) -> Bool) -> [String] {
        var problems: [String] = []
        var unmatched = parsed
        for serverKey in server.sorted(by: { ($0.name ?? "") < ($1.name ?? "") }) {
            let position = unmatched.firstIndex { $0.name == serverKey.name }
                ?? unmatched.firstIndex { $0.name == nil && $0.columnNames == serverKey.columnNames }
            guard let position else {
                if !implicitAllowed(serverKey) {
                    problems.append("\(table): \(label) \(describe(serverKey)) on the server, missing from the parse")
                }
                continue
            }
            let parsedKey = unmatched.remove(at: position)
            if parsedKey.parts != serverKey.parts || parsedKey.kind != serverKey.kind {
                problems.append("\(table): \(label) parser \(describe(parsedKey)) vs server \(describe(serverKey))")
            }
        }
        for extra in unmatched {
            problems.append("\(table): \(label) \(describe(extra)) in the parse, not on the server")
        }
        return problems
    }

    private func compareForeignKeys(_ table: String, _ parsed: [ForeignKeySnapshot], _ server: [ForeignKeySnapshot]) -> [String] {
        var problems: [String] = []
        var unmatched = parsed
        for serverKey in server.sorted(by: { ($0.name ?? "") < ($1.name ?? "") }) {
            let position = unmatched.firstIndex { $0.name == serverKey.name }
                ?? unmatched.firstIndex { $0.name == nil && $0.columns == serverKey.columns }
            guard let position else {
                problems.append("\(table): foreign key \(serverKey.name ?? "") \(serverKey.signature) on the server, missing from the parse")
                continue
            }
            let parsedKey = unmatched.remove(at: position)
            if parsedKey.signature != serverKey.signature {
                problems.append("\(table): foreign key \(serverKey.name ?? "") parser \(parsedKey.signature) vs server \(serverKey.signature)")
            }
        }
        for extra in unmatched {
            problems.append("\(table): foreign key \(extra.name ?? "(unnamed)") \(extra.signature) in the parse, not on the server")
        }
        return problems
    }

    /// The index InnoDB creates for a foreign key that no written index covers.
    private func isImplicitForeignKeyIndex(_ index: KeySnapshot, parsed: TableSnapshot) -> Bool {
        guard index.kind == .plain, index.parts.allSatisfy({ $0.prefixLength == nil && !$0.descending }) else { return false }
        let columns = index.columnNames
        let written = [parsed.primaryKey] + parsed.uniqueKeys.map(\.columnNames) + parsed.indexes.map(\.columnNames)
        guard !written.contains(where: { $0.starts(with: columns) }) else { return false }
        return parsed.foreignKeys.contains { key in
            key.columns == columns && index.name == (key.name ?? columns.first)
        }
    }

    private func describe(_ key: KeySnapshot) -> String {
        let kind = key.kind == .plain || key.kind == .unique ? "" : "\(key.kind.rawValue) "
        return "\(kind)\(key.name ?? "(unnamed)") (\(key.parts.map(\.description).joined(separator: ", ")))"
    }

    private func quoted(_ text: String?) -> String { "'\(text ?? "")'" }
}
