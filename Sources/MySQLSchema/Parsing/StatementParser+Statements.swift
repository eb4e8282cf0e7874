/// Statement dispatch, and the statements that are read past (named and counted) or applied
/// without a table body: CREATE INDEX, DROP, RENAME.
extension StatementParser {
    /// Statements MySQL or MariaDB accept that say nothing about tables.
    private static let otherStatementKeywords: [StaticString] = [
        "SELECT", "WITH", "VALUES", "TABLE", "GRANT", "REVOKE", "FLUSH", "CALL", "DO", "HANDLER", "ANALYZE",
        "OPTIMIZE", "REPAIR", "CHECK", "CHECKSUM", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "PREPARE", "EXECUTE",
        "DEALLOCATE", "INSTALL", "UNINSTALL", "RESET", "PURGE", "CHANGE", "STOP", "KILL", "SHUTDOWN", "RESTART",
        "CLONE", "IMPORT", "BINLOG", "CACHE", "SIGNAL", "RESIGNAL", "GET", "HELP", "BACKUP", "SOURCE", "DECLARE",
    ]
    private static let transactionKeywords: [StaticString] = [
        "START", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "XA",
    ]
    private static let dataChangeKeywords: [StaticString] = ["UPDATE", "DELETE", "TRUNCATE", "LOAD"]
    /// CREATE or ALTER of objects other than tables, views and routines.
    private static let otherObjectKeywords: [StaticString] = [
        "USER", "ROLE", "SEQUENCE", "TABLESPACE", "SERVER", "LOGFILE", "RESOURCE", "SPATIAL", "PACKAGE",
        "UNDO", "INSTANCE", "DATABASE", "SCHEMA", "EVENT", "PROCEDURE", "FUNCTION", "DEFINER", "ALGORITHM", "SQL",
        "TRIGGER", "INDEX", "SYNONYM",
    ]

    mutating func parseStatement() throws(SyntaxError) -> Statement {
        guard current.kind == .word else {
            throw SyntaxError(token: current, message: "expected a statement such as CREATE TABLE or ALTER TABLE, found \(describe(current))")
        }
        if accept("CREATE") { return try parseCreate() }
        if accept("ALTER") { return try parseAlter() }
        if accept("DROP") { return try parseDrop() }
        if accept("RENAME") { return try parseRename() }
        if accept("INSERT") || accept("REPLACE") { return .skipped(.insert, name: insertTarget()) }
        if accept("SET") { return .skipped(.set, name: setTarget()) }
        if accept("USE") { return .skipped(.use, name: isIdentifierToken(current) ? identifierText(current) : nil) }
        if accept("UNLOCK") { return .skipped(.unlockTables, name: nil) }
        if accept("LOCK") {
            return (at("TABLES") || at("TABLE")) ? .skipped(.lockTables, name: nil) : .skipped(.other, name: nil)
        }
        if Self.dataChangeKeywords.contains(where: at) { return .skipped(.dataChange, name: nil) }
        if Self.transactionKeywords.contains(where: at) { return .skipped(.transaction, name: nil) }
        if Self.otherStatementKeywords.contains(where: at) { return .skipped(.other, name: nil) }
        throw SyntaxError(token: current, message: "expected a statement such as CREATE TABLE or ALTER TABLE, found \(describe(current))")
    }

    mutating func acceptIfNotExists() -> Bool {
        guard at("IF"), isWord(peek(), "NOT"), isWord(peek(2), "EXISTS") else { return false }
        advance()
        advance()
        advance()
        return true
    }

    mutating func acceptIfExists() -> Bool {
        accept("IF", "EXISTS")
    }

    func expectEnd() throws(SyntaxError) {
        guard atEnd else { throw failure(expected: "the end of the statement") }
    }

    // MARK: - CREATE

    private mutating func parseCreate() throws(SyntaxError) -> Statement {
        let orReplace = accept("OR", "REPLACE")
        if accept("TEMPORARY") {
            try expect("TABLE", "TABLE after CREATE TEMPORARY")
            return try parseCreateTable(orReplace: orReplace, temporary: true)
        }
        if accept("TABLE") { return try parseCreateTable(orReplace: orReplace, temporary: false) }
        if at("UNIQUE") || at("FULLTEXT") || at("INDEX") || at("ONLINE") || at("OFFLINE")
            || (at("SPATIAL") && (isWord(peek(), "INDEX") || isWord(peek(), "KEY"))) {
            return try parseCreateIndex()
        }
        if accept("DATABASE") || accept("SCHEMA") {
            return .skipped(.createDatabase, name: objectName())
        }
        try skipViewAndProgramClauses(allowingAggregate: true)
        if accept("VIEW") { return .skipped(.view, name: objectName()) }
        if accept("TRIGGER") { return .skipped(.trigger, name: objectName()) }
        if accept("PROCEDURE") { return .skipped(.procedure, name: objectName()) }
        if accept("FUNCTION") { return .skipped(.function, name: objectName()) }
        if accept("EVENT") { return .skipped(.event, name: objectName()) }
        if Self.otherObjectKeywords.contains(where: at) { return .skipped(.other, name: nil) }
        throw failure(expected: "TABLE, INDEX, VIEW, TRIGGER, PROCEDURE, FUNCTION, EVENT or DATABASE after CREATE")
    }

    /// The clauses a view or a stored program may start with (`ALGORITHM = …`, `DEFINER = …`,
    /// `SQL SECURITY …`, and for CREATE a function's `AGGREGATE`), in any order.
    private mutating func skipViewAndProgramClauses(allowingAggregate: Bool) throws(SyntaxError) {
        while true {
            if accept("ALGORITHM") {
                skipEquals()
                try skipOptionValue("a view algorithm after ALGORITHM =")
            } else if accept("DEFINER") {
                try skipDefinerValue()
            } else if accept("SQL") {
                try expect("SECURITY", "SECURITY after SQL")
                try skipOptionValue("DEFINER or INVOKER after SQL SECURITY")
            } else if !(allowingAggregate && accept("AGGREGATE")) {
                return
            }
        }
    }

    /// The name of a created or dropped object, without its database; nil when missing.
    private mutating func objectName() -> String? {
        _ = acceptIfNotExists()
        guard isIdentifierToken(current) else { return nil }
        return (try? qualifiedName("a name"))?.name.text
    }

    private mutating func parseCreateIndex() throws(SyntaxError) -> Statement {
        _ = accept("ONLINE") || accept("OFFLINE")
        let keyToken = current
        var kind = KeyKind.plain
        if accept("UNIQUE") {
            kind = .unique
        } else if accept("FULLTEXT") {
            kind = .fullText
        } else if accept("SPATIAL") {
            kind = .spatial
        }
        if !accept("INDEX") && !accept("KEY") { throw failure(expected: "INDEX after CREATE") }
        let ifNotExists = acceptIfNotExists()
        let name = try identifier("an index name after CREATE INDEX")
        try skipIndexType()
        try expect("ON", "ON and a table name after the index name")
        let table = try qualifiedName("a table name after ON")
        let (columns, tokens) = try parseKeyParts()
        try parseIndexOptions()
        while accept("ALGORITHM") || accept("LOCK") {
            skipEquals()
            try skipOptionValue("a value after ALGORITHM or LOCK")
        }
        try expectEnd()
        let key = KeyDefinition(kind: kind, name: name.text, token: keyToken, columns: columns, columnTokens: tokens)
        return .createIndex(table: table, key: key, ifNotExists: ifNotExists)
    }

    // MARK: - ALTER (other than tables)

    private mutating func parseAlter() throws(SyntaxError) -> Statement {
        _ = accept("ONLINE") || accept("OFFLINE")
        _ = accept("IGNORE")
        if accept("TABLE") { return try parseAlterTable() }
        try skipViewAndProgramClauses(allowingAggregate: false)
        if accept("VIEW") { return .skipped(.view, name: objectName()) }
        if Self.otherObjectKeywords.contains(where: at) { return .skipped(.other, name: nil) }
        throw failure(expected: "TABLE, VIEW, DATABASE, PROCEDURE, FUNCTION or EVENT after ALTER")
    }

    // MARK: - DROP

    private mutating func parseDrop() throws(SyntaxError) -> Statement {
        _ = accept("TEMPORARY")
        if accept("TABLE") || accept("TABLES") {
            let ifExists = acceptIfExists()
            var names: [QualifiedName] = []
            repeat {
                names.append(try qualifiedName("a table name"))
            } while acceptPunctuation(UInt8(ascii: ","))
            _ = accept("RESTRICT") || accept("CASCADE")
            try expectEnd()
            return .dropTables(names, ifExists: ifExists)
        }
        if accept("INDEX") || accept("KEY") {
            let ifExists = acceptIfExists()
            let name = try identifier("an index name after DROP INDEX")
            try expect("ON", "ON and a table name after the index name")
            let table = try qualifiedName("a table name after ON")
            while accept("ALGORITHM") || accept("LOCK") {
                skipEquals()
                try skipOptionValue("a value after ALGORITHM or LOCK")
            }
            try expectEnd()
            return .dropIndex(name: name, table: table, ifExists: ifExists)
        }
        if accept("VIEW") || accept("TRIGGER") || accept("PROCEDURE") || accept("FUNCTION") || accept("EVENT")
            || accept("DATABASE") || accept("SCHEMA") {
            _ = acceptIfExists()
            return .skipped(.dropOther, name: isIdentifierToken(current) ? (try? qualifiedName("a name"))?.name.text : nil)
        }
        if Self.otherObjectKeywords.contains(where: at) || at("PREPARE") { return .skipped(.other, name: nil) }
        throw failure(expected: "TABLE, INDEX, VIEW, TRIGGER, PROCEDURE, FUNCTION, EVENT or DATABASE after DROP")
    }

    // MARK: - RENAME

    private mutating func parseRename() throws(SyntaxError) -> Statement {
        guard accept("TABLE") || accept("TABLES") else {
            if at("USER") { return .skipped(.other, name: nil) }
            throw failure(expected: "TABLE after RENAME")
        }
        var pairs: [(from: QualifiedName, to: QualifiedName)] = []
        repeat {
            let from = try qualifiedName("a table name")
            try expect("TO", "TO and the new table name")
            let to = try qualifiedName("the new table name after TO")
            pairs.append((from, to))
        } while acceptPunctuation(UInt8(ascii: ","))
        try expectEnd()
        return .renameTables(pairs)
    }

    // MARK: - Names of skipped statements

    /// The table of `INSERT [LOW_PRIORITY | DELAYED | HIGH_PRIORITY] [IGNORE] [INTO] t ...`.
    private mutating func insertTarget() -> String? {
        while accept("LOW_PRIORITY") || accept("DELAYED") || accept("HIGH_PRIORITY") || accept("IGNORE") || accept("INTO") {}
        guard isIdentifierToken(current) else { return nil }
        return (try? qualifiedName("a table name"))?.name.text
    }

    /// What SET assigns first, as written: `NAMES utf8mb4`, `@OLD_UNIQUE_CHECKS`, `sql_mode`.
    private mutating func setTarget() -> String? {
        let first = index
        var last = index - 1
        while !atEnd && !atPunctuation(UInt8(ascii: "=")) && !atPunctuation(UInt8(ascii: ",")) && !atPunctuation(UInt8(ascii: ":")) {
            last = index
            advance()
        }
        guard last >= first else { return nil }
        let text = rawText(fromToken: first, throughToken: last)
        return text.count > SourceFile.statementStartLength ? String(text.prefix(SourceFile.statementStartLength)) + "…" : text
    }
}
