import QueryTraffic
import Testing

/// pt-query-digest's fingerprint rules, one by one (Percona Toolkit 3.2.1,
/// `QueryRewriter::fingerprint`).
@Suite struct QueryFingerprintTests {
    @Test(arguments: [
        // Literals: numbers, strings, hex, bit, booleans, NULL.
        ("SELECT * FROM users WHERE id = 42", "select * from users where id = ?"),
        ("select a from t where b = 'x' and c = \"y\"", "select a from t where b = ? and c = ?"),
        ("select a from t where b = 'it\\'s'", "select a from t where b = ?"),
        ("select 0x1F, x'AB', b'01', -1.5e10", "select ?f, ?, ?, ?"),
        ("select true, FALSE, null, NULL, nullable from t", "select ?, ?, ?, ?, nullable from t"),
        // Digits inside names become `?` too (pt-query-digest's default).
        ("select c1 from t2", "select c? from t?"),
        // Comments.
        ("select /* hello */ a from t", "select a from t"),
        ("/*!40101 select */ 1", "/*!? select */ ?"),
        ("select a -- why\nfrom t # and\nwhere b = 1", "select a from t where b = ?"),
        // Whitespace and case.
        ("\t  SELECT   a\n\n FROM  t  ", "select a from t "),
        // Lists.
        ("select a from t where b in (1, 2, 3)", "select a from t where b in(?+)"),
        ("select a from t where b in ('x')", "select a from t where b in(?+)"),
        ("select a from t where b in (select c from u)", "select a from t where b in (select c from u)"),
        ("INSERT INTO t (a, b) VALUES (1, 'x'), (2, 'y') ON DUPLICATE KEY UPDATE a = VALUES(a)", "insert into t (a, b) values(?+)"),
        ("insert into t values (1)", "insert into t values(?+)"),
        ("REPLACE INTO t VALUES (1), (2)", "replace into t values(?+)"),
        // LIMIT and ORDER BY.
        ("select a from t limit 10", "select a from t limit ?"),
        ("select a from t limit 10, 20", "select a from t limit ?"),
        ("select a from t limit 10 offset 20", "select a from t limit ?"),
        ("select a from t order by a ASC, b desc, c asc", "select a from t order by a, b desc, c"),
        // UNION of the same SELECT.
        ("select a from t where b = 1 union select a from t where b = 2", "select a from t where b = ? /*repeat union*/"),
        ("select 1 union all select 2", "select ? /*repeat union all*/"),
        // Whole-statement forms.
        ("use shop", "use ?"),
        ("CALL place_order(1, 'x')", "call place_order"),
        ("administrator command: Quit", "administrator command: Quit"),
        ("SELECT /*!40001 SQL_NO_CACHE */ * FROM `orders`", "mysqldump"),
        ("SELECT 1 /*db.tbl:1/2*/", "percona-toolkit"),
    ])
    func rule(statement: String, fingerprint: String) {
        #expect(QueryFingerprint.fingerprint(statement) == fingerprint)
    }

    @Test func statementsDifferingOnlyInLiteralsGroupTogether() {
        let first = QueryFingerprint.fingerprint("SELECT * FROM orders WHERE customer_id = 7 AND status IN ('new','paid') LIMIT 5")
        let second = QueryFingerprint.fingerprint("select *\n  from orders where customer_id=7 and status in ('x') limit 50")
        #expect(first != second) // `=7` and ` = 7` keep their spacing difference, as in pt-query-digest
        #expect(QueryFingerprint.fingerprint("select * from orders where customer_id = 9 and status in ('x') limit 50") == first)
    }

    @Test func bytesAndStringAgree() {
        var fingerprinter = QueryFingerprinter()
        let statement = "UPDATE t SET a = 'x' WHERE id IN (1,2)"
        let bytes = Array(statement.utf8).withUnsafeBufferPointer { fingerprinter.fingerprint($0) }
        #expect(String(decoding: bytes, as: UTF8.self) == QueryFingerprint.fingerprint(statement))
    }
}
