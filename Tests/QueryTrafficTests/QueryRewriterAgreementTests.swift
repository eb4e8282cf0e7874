import Foundation
import QueryTraffic
import SeededRandom
import TestSupport
import Testing

/// Our fingerprint equals pt-query-digest's own `QueryRewriter::fingerprint`, run by Perl from
/// the installed pt-query-digest, on thousands of generated statements built from the tokens
/// its rules react to (quotes, escapes, comments of every kind, numbers, hex, keywords in any
/// case, lists, UNIONs, LIMIT and ORDER BY forms, odd whitespace), glued together at random.
@Suite struct QueryRewriterAgreementTests {
    static let tokens = [
        "select", "SELECT", "union", "UNION", "all", "ALL", " ", "  ", "\n", "\t", "\r", "\u{0B}", "\u{0C}", "in", "IN",
        "values", "VALUE", "(", ")", ",", "?", "'", "\"", "\\", "\\'", "/*", "*/", "/*!", "--", "#", "1", "0x1F", "x", "b",
        ".", "+", "-", "e5", "null", "NULL", "true", "False", "limit", "LIMIT", "offset", "order by", "ORDER BY", "asc",
        "ASC", "a", "t1", "from", "where", "insert", "INSERT", "into", "INTO", "ignore", "IGNORE", "replace", "call", "CALL",
        "use", "USE", "administrator command: ", "`", "=", "*", "abc", "_x", "9",
    ]

    static let openings = [
        "select a from t union select a from t", "INSERT INTO t VALUES (1,2),(3,4)", "call p(1)", "use db",
        "select * from t order by a asc, b asc limit 1, 2", "SELECT x FROM t WHERE y IN (1,2) ", "",
    ]

    /// `QueryRewriter` taken out of pt-query-digest and run on NUL-separated statements.
    static let perl = #"""
    open my $f, '<', $ARGV[0] or die "cannot read $ARGV[0]"; my $src = do { local $/; <$f> };
    my ($pkg) = $src =~ /(package QueryRewriter;.*?)\n# End QueryRewriter package/s or die "no QueryRewriter in $ARGV[0]";
    eval "{ $pkg"; die $@ if $@;
    my $qr = QueryRewriter->new(match_embedded_numbers => 0);
    open my $in, '<', $ARGV[1] or die; binmode $in; binmode STDOUT;
    my $all = do { local $/; <$in> };
    print join("\0", map { $qr->fingerprint($_) } split(/\0/, $all)), "\0";
    """#

    @Test func generatedStatementsFingerprintAsPtQueryDigestDoes() throws {
        let tool = try #require(
            ["/usr/bin/pt-query-digest", "/usr/local/bin/pt-query-digest"].first { FileManager.default.isReadableFile(atPath: $0) },
            "pt-query-digest was not found: run scripts/percona-test-deps.sh (installs percona-toolkit)"
        )
        var random = SeededGenerator(seed: 3_2_1)
        var statements: [String] = []
        for _ in 0..<5000 {
            var statement = random.chance(30) ? random.pick(Self.openings) : ""
            for _ in 0..<random.int(1...30) { statement += random.pick(Self.tokens) }
            statements.append(statement)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rewriter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("statements.bin")
        try Data(statements.joined(separator: "\0").utf8).write(to: input)
        let result = try Command(["perl", "-e", Self.perl, tool, input.path]).run(timeout: 120)
        #expect(result.status == 0, "\(result.errors)")
        var theirs = result.output.components(separatedBy: "\0")
        theirs.removeLast()
        try #require(theirs.count == statements.count)
        var differences = 0
        for (statement, expected) in zip(statements, theirs) where QueryFingerprint.fingerprint(statement) != expected {
            differences += 1
            if differences <= 10 {
                Issue.record("\(statement.debugDescription): pt-query-digest \(expected.debugDescription), ours \(QueryFingerprint.fingerprint(statement).debugDescription)")
            }
        }
        #expect(differences == 0)
    }
}
