/// Reads one MySQL or MariaDB DML statement into the shape an access pattern needs.
///
/// It reads both spellings a statement arrives in: performance_schema digest texts (MySQL 8 and
/// MariaDB: backticked names, `?` for every value, `IN (...)`, `VALUES (...) /* , ... */`,
/// `LIMIT ?, ...`) and literal statements from query logs, in any case, with comments, versioned
/// comments (`/*!50000 ... */` read as code), every quoting and pt-query-digest's fingerprints
/// (`in(?+)`). It never fails: what it cannot place comes back as `.unplaceable` with the reason,
/// and session, transaction, administration and schema statements as `.notDataAccess`.
/// docs/mysql-traffic.md, "How statements are read", lists what is found for each construct.
public enum DMLParser {
    /// Reads one statement (a trailing `;` allowed).
    public static func read(_ statement: String) -> StatementReading {
        let tokens: [SQLToken]
        do {
            tokens = try SQLTokenizer.tokens(of: statement)
        } catch {
            return .unplaceable(reason: "the statement cannot be read: \(error.message)")
        }
        do {
            return try read(tokens: tokens, statement: statement)
        } catch {
            switch error {
            case .unplaceable(let reason): return .unplaceable(reason: reason)
            case .notDataAccess(let what): return .notDataAccess(what: what)
            }
        }
    }

    private static func read(tokens all: [SQLToken], statement: String) throws(ReadingStop) -> StatementReading {
        var tokens = all
        while tokens.last?.isSymbol(";") == true { tokens.removeLast() }
        guard let first = tokens.first else { throw .unplaceable(UnplaceableReason.emptyStatement) }
        if let semicolon = tokens.first(where: { $0.isSymbol(";") }) {
            let position = SQLTokenizer.characterPosition(of: semicolon.offset, in: statement)
            throw .unplaceable("the text holds more than one statement (`;` at character \(position)); each is read on its own")
        }
        if first.isSymbol("(") { return try readParenthesizedQuery(tokens, statement: statement) }
        guard first.kind == .word else {
            throw .unplaceable("the statement could not be read: it starts with \(first.quoted), not a statement keyword")
        }
        let kind: StatementShape.Kind
        switch first.keyword {
        case .select: kind = .select
        case .insert: kind = .insert
        case .replace: kind = .replace
        case .update: kind = .update
        case .delete: kind = .delete
        case .table: kind = .select
        case .with: throw .unplaceable(UnplaceableReason.commonTableExpression)
        case .call: throw .unplaceable(UnplaceableReason.call)
        case .prepare, .execute: throw .unplaceable(UnplaceableReason.dynamicSQL)
        case .load: throw .unplaceable(UnplaceableReason.loadData)
        case .handler: throw .unplaceable(UnplaceableReason.handler)
        default:
            let cursor = TokenCursor(tokens: tokens, statement: statement)
            if let what = NotDataAccessStatement.what(cursor) { throw .notDataAccess(what) }
            throw .unplaceable("the statement could not be read: \(first.quoted) does not start a statement MySQL knows")
        }
        if endsTruncated(tokens) { throw .unplaceable(UnplaceableReason.truncatedDigest) }
        var parser = StatementParser(cursor: TokenCursor(tokens: tokens, statement: statement))
        switch first.keyword {
        case .select:
            guard try parser.readSelect() else {
                try parser.expectEnd()
                throw .notDataAccess("a SELECT without a table")
            }
        case .table:
            parser.cursor.advance()
            parser.addSource(try parser.readTableName(), alias: nil)
            try parser.readOrderBy()
            try parser.readLimit()
        case .insert, .replace: try parser.readInsert()
        case .update: try parser.readUpdate()
        default: try parser.readDelete()
        }
        try parser.expectEnd()
        return .placed(parser.shape(kind: kind))
    }

    /// A digest cut at its length limit ends with `...` where no list was elided: an elided list
    /// is `?, ...` (MariaDB's values, `LIMIT ?, ...`) or `(...)`, whose `)` would follow.
    private static func endsTruncated(_ tokens: [SQLToken]) -> Bool {
        let count = tokens.count
        guard count > 1, tokens[count - 1].kind == .ellipsis else { return false }
        let before = tokens[count - 2]
        if before.isSymbol(",") { return count < 3 || !tokens[count - 3].isValue }
        return true
    }

    /// `(SELECT ...)`: read as the SELECT inside; `(SELECT ...) UNION (SELECT ...)` is a union.
    private static func readParenthesizedQuery(_ tokens: [SQLToken], statement: String) throws(ReadingStop) -> StatementReading {
        if tokens.contains(where: { $0.kind == .word && ($0.keyword == .union || $0.keyword == .except || $0.keyword == .intersect) }) {
            throw .unplaceable(UnplaceableReason.union)
        }
        // Strip every pair of parentheses around the whole statement, then read what is inside.
        let cursor = TokenCursor(tokens: tokens, statement: statement)
        var start = 0
        var end = tokens.count
        while start < end, tokens[start].isSymbol("(") {
            if start == StatementParser.maximumNesting {
                throw .unplaceable("the statement nests expressions more than \(StatementParser.maximumNesting) deep")
            }
            guard let close = cursor.matchingParenthesis(from: start) else { throw cursor.stoppedEarly() }
            guard close == end - 1, end - start > 2 else {
                throw .unplaceable("a parenthesized query followed by more clauses is not followed")
            }
            start += 1
            end -= 1
        }
        let inner = Array(tokens[start..<end])
        guard inner.first?.isKeyword(.select) == true else {
            throw .unplaceable("the statement could not be read: `(` does not start a query here")
        }
        return try read(tokens: inner, statement: statement)
    }
}
