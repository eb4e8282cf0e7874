/// Statements that do not read or write rows: what each is, in the words `notDataAccess` gives.
enum NotDataAccessStatement {
    /// Objects a schema change names (`CREATE TABLE`, `DROP INDEX`).
    static let schemaObjects: Set<String> = [
        "TABLE", "TABLES", "INDEX", "VIEW", "DATABASE", "SCHEMA", "PROCEDURE", "FUNCTION", "TRIGGER", "EVENT",
        "SEQUENCE", "TABLESPACE", "SERVER", "LOGFILE", "SPATIAL",
    ]

    static let administration: Set<String> = [
        "GRANT", "REVOKE", "KILL", "FLUSH", "RESET", "PURGE", "ANALYZE", "OPTIMIZE", "CHECK", "CHECKSUM", "REPAIR",
        "CACHE", "INSTALL", "UNINSTALL", "SHUTDOWN", "RESTART", "BINLOG", "CHANGE", "STOP", "CLONE", "SIGNAL",
        "RESIGNAL", "GET", "BACKUP", "IMPORT",
    ]

    /// What the statement at the cursor is, or nil when it is not one of these.
    static func what(_ cursor: TokenCursor) -> String? {
        // A cold path: words compared as upper-case text.
        guard let token = cursor.peek(), token.kind == .word else { return nil }
        let first = token.text.uppercased()
        let second = cursor.peek(1).flatMap { $0.kind == .word ? $0.text.uppercased() : nil }
        switch first {
        case "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "XA":
            return "transaction control: \(first)"
        case "RELEASE":
            return "transaction control: RELEASE SAVEPOINT"
        case "START":
            if second == "TRANSACTION" { return "transaction control: START TRANSACTION" }
            return "administration: START \(second ?? "")".trimmingTrailingSpace
        case "SET":
            if second == "TRANSACTION" || cursor.isKeyword(.transaction, at: 2) { return "transaction control: SET TRANSACTION" }
            return "session setting: SET"
        case "USE":
            return "session setting: USE"
        case "LOCK", "UNLOCK":
            return "table locks: \(first) TABLES"
        case "SHOW", "HELP":
            return "server information: \(first)" + (second.map { " \($0)" } ?? "")
        case "EXPLAIN", "DESCRIBE", "DESC":
            return "statement plan or table description: \(first == "DESC" ? "DESCRIBE" : first)"
        case "DEALLOCATE":
            return "prepared statement control: DEALLOCATE PREPARE"
        case "DROP" where second == "PREPARE":
            return "prepared statement control: DEALLOCATE PREPARE"
        case "DO":
            return "expression evaluation: DO"
        case "VALUES":
            return "a VALUES statement without a table"
        case "CREATE", "ALTER", "DROP", "RENAME", "TRUNCATE":
            var offset = 1
            while offset < 6, let word = cursor.peek(offset), word.kind == .word {
                let upper = word.text.uppercased()
                if schemaObjects.contains(upper) {
                    let object = upper == "SPATIAL" ? "INDEX" : upper
                    return "schema change: \(first) \(object)"
                }
                if upper == "USER" || upper == "ROLE" { return "administration: \(first) \(upper)" }
                offset += 1
            }
            return first == "TRUNCATE" ? "schema change: TRUNCATE TABLE" : "schema change: \(first)"
        default:
            return administration.contains(first) ? "administration: \(first)" : nil
        }
    }
}

private extension String {
    var trimmingTrailingSpace: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
