/// The fingerprint statements are grouped by: pt-query-digest's (Percona Toolkit 3.2.1
/// `QueryRewriter::fingerprint`), rule for rule, so a log read here groups its statements
/// exactly as pt-query-digest groups them.
///
/// In order: a mysqldump read is `mysqldump`, a Percona Toolkit query `percona-toolkit`, an
/// `administrator command: …` stays as it is, `CALL p(…)` is `call p`; a multi-row INSERT or
/// REPLACE keeps its first row; `/* */` comments (not `/*! */`) and `--`/`#` line comments go;
/// `use db` is `use ?`; quoted strings, `true`/`false`, numbers (also hex, and digits inside
/// names: `t1` is `t?`) and `NULL` become `?`; whitespace collapses to one space, all is lower
/// case; `IN (…)` and `VALUES (…), (…)` lists become `in(?+)` and `values(?+)`; a SELECT repeated
/// through UNIONs counts once (`/*repeat union*/`); `LIMIT ?, ?` and `LIMIT ? OFFSET ?` are
/// `limit ?`; `ASC` after ORDER BY goes.
public enum QueryFingerprint {
    /// The fingerprint of one statement.
    public static func fingerprint(_ statement: String) -> String {
        var fingerprinter = QueryFingerprinter()
        let bytes = Array(statement.utf8).withUnsafeBufferPointer { fingerprinter.fingerprint($0) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The byte-level fingerprint the log readers use: reuses its two work buffers from statement
/// to statement, so fingerprinting millions of statements allocates almost nothing. One per
/// thread (it is a value with its own buffers).
public struct QueryFingerprinter: Sendable {
    private var first: [UInt8] = []
    private var second: [UInt8] = []

    public init() {}

    /// The fingerprint of the statement in `statement`, as bytes.
    public mutating func fingerprint(_ statement: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        fingerprint(statement, into: &output)
        return output
    }

    /// Replaces `output`'s contents with the fingerprint of `statement` (reusing its storage).
    public mutating func fingerprint(_ statement: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        if let whole = Self.wholeStatementForm(statement) {
            output.append(contentsOf: whole)
            return
        }
        let kept = FingerprintRules.firstRowLength(statement) ?? statement.count
        let input = UnsafeBufferPointer(rebasing: statement[0..<kept])
        // No rule more than doubles its input (`in()` to `in(?+)` is the most any adds).
        let capacity = 2 * kept + 64
        if first.count < capacity {
            first = Array(repeating: 0, count: capacity)
            second = Array(repeating: 0, count: capacity)
        }
        var front = first
        var back = second
        first = []
        second = []
        front.withUnsafeMutableBufferPointer { frontBuffer in
            back.withUnsafeMutableBufferPointer { backBuffer in
                var texts = PingPong(current: frontBuffer.baseAddress!, spare: backBuffer.baseAddress!)
                texts.run { FingerprintRules.removeBlockComments(input, &$1) }
                texts.run(FingerprintRules.removeLineComments)
                if let use = FingerprintRules.useStatement(texts.text) {
                    output.append(contentsOf: use)
                    return
                }
                texts.run(FingerprintRules.removeEscapedQuotes)
                texts.run { FingerprintRules.replaceQuoted(0x22, $0, &$1) }
                texts.run { FingerprintRules.replaceQuoted(0x27, $0, &$1) }
                texts.run(FingerprintRules.replaceBooleans)
                texts.run(FingerprintRules.replaceNumbers)
                texts.run(FingerprintRules.absorbLiteralPrefixes)
                texts.run(FingerprintRules.collapseWhitespace)
                texts.run(FingerprintRules.replaceNulls)
                texts.run(FingerprintRules.collapseLists)
                if texts.text.contains(subsequence: "union") { texts.run(FingerprintRules.collapseUnions) }
                texts.run(FingerprintRules.collapseLimit)
                texts.run(FingerprintRules.removeAscending)
                output.append(contentsOf: texts.text)
            }
        }
        first = front
        second = back
    }

    /// The statements fingerprinted as a whole: a mysqldump read, a Percona Toolkit query, an
    /// administrator command, a procedure call.
    private static func wholeStatementForm(_ statement: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        if FingerprintRules.isMysqldump(statement) { return Array("mysqldump".utf8) }
        if FingerprintRules.hasToolkitComment(statement) { return Array("percona-toolkit".utf8) }
        if statement.has("administrator command: ", at: 0) { return Array(statement) }
        return FingerprintRules.procedureCall(statement)
    }
}

/// Two buffers a text moves between, one rule at a time.
private struct PingPong {
    var current: UnsafeMutablePointer<UInt8>
    var spare: UnsafeMutablePointer<UInt8>
    var count = 0

    var text: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: current, count: count) }

    /// Applies `rule` to the current text; its output becomes the current text.
    mutating func run(_ rule: (UnsafeBufferPointer<UInt8>, inout ByteWriter) -> Void) {
        var writer = ByteWriter(base: spare)
        rule(text, &writer)
        swap(&current, &spare)
        count = writer.count
    }
}
