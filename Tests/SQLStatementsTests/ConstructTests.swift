import SQLStatements
import Testing

/// Each construct read on its own, literal and digest spelling alike: the reading's summary
/// (see `ReadingSummary`) names every field that is set.
@Suite struct ConstructTests {
    @Test(arguments: [
        // kind, tables, aliases and database qualifiers
        ("SELECT * FROM shop.orders WHERE id = 1", "select orders | eq=orders.id | cols=*"),
        ("SELECT `o` . `id` FROM `shop` . `orders` `o` WHERE `o` . `id` = ?", "select orders | eq=orders.id | cols=orders.id"),
        ("select o.id from orders as o where o.id = 1", "select orders | eq=orders.id | cols=orders.id"),
        // equality: =, <=>, IN, IS NULL, value on the left, pt-query-digest's IS ?
        ("SELECT * FROM t WHERE a <=> ? AND ? = b AND c IN (1, 2) AND d IS NULL", "select t | eq=t.a,t.b,t.c,t.d | cols=*"),
        ("select * from t where b is ?", "select t | eq=t.b | cols=*"),
        ("SELECT * FROM t WHERE a IN (...)", "select t | eq=t.a | cols=*"),
        ("SELECT * FROM t WHERE a IN (?, ...)", "select t | eq=t.a | cols=*"),
        ("SELECT * FROM t WHERE a IN ( ... )", "select t | eq=t.a | cols=*"),
        ("select * from t where a in(?+)", "select t | eq=t.a | cols=*"),
        // ranges: < <= > >= BETWEEN, LIKE prefix
        ("SELECT * FROM t WHERE a < 1 AND b <= 2 AND c > 3 AND d >= 4 AND e BETWEEN 1 AND 9 AND f LIKE 'ab%'", "select t | range=t.a,t.b,t.c,t.d,t.e,t.f | cols=*"),
        ("SELECT * FROM t WHERE a LIKE 'exact'", "select t | eq=t.a | cols=*"),
        // searches
        ("SELECT * FROM t WHERE a LIKE '%x%'", "select t | search=t.a | cols=*"),
        ("SELECT * FROM t WHERE a LIKE ?", "select t | search=t.a | cols=*"),
        ("SELECT * FROM t WHERE a REGEXP '^x' OR b RLIKE 'y'", "select t | search=t.a,t.b | cols=* | or"),
        ("SELECT * FROM t WHERE MATCH (a, b) AGAINST ('x' IN BOOLEAN MODE)", "select t | search=t.a,t.b | cols=*"),
        // filters: inequality, negation, functions over columns
        ("SELECT * FROM t WHERE a != 1 AND b <> 2 AND c NOT IN (1) AND d NOT LIKE 'x%' AND e IS NOT NULL", "select t | filter=t.a,t.b,t.c,t.d,t.e | cols=*"),
        ("SELECT * FROM t WHERE NOT (a = 1) AND DATE(created_at) = ?", "select t | filter=t.a,t.created_at | cols=*"),
        ("SELECT * FROM t WHERE a = b", "select t | filter=t.a,t.b | cols=*"),
        // OR at any depth
        ("SELECT * FROM t WHERE a = ? OR b = ?", "select t | eq=t.a,t.b | cols=* | or"),
        ("SELECT * FROM t WHERE a = ? AND (b = ? OR c = ?)", "select t | eq=t.a,t.b,t.c | cols=* | or"),
        // ORDER BY, default ASC, aliases of columns
        ("SELECT a AS x FROM t WHERE b = 1 ORDER BY x DESC, c", "select t | eq=t.b | order=t.a desc,t.c | cols=t.a"),
        ("SELECT a FROM t ORDER BY RAND()", "select t | cols=t.a"),
        // LIMIT forms
        ("SELECT a FROM t LIMIT 5", "select t | limit=5 | cols=t.a"),
        ("SELECT a FROM t LIMIT 10, 20", "select t | limit=20 | cols=t.a"),
        ("SELECT a FROM t LIMIT 20 OFFSET 40", "select t | limit=20 | cols=t.a"),
        ("SELECT a FROM t LIMIT ?", "select t | limit=? | cols=t.a"),
        ("SELECT a FROM t LIMIT ?, ...", "select t | limit=? | cols=t.a"),
        // select list: *, t.*, aliases dropped, expressions ignored, aggregates
        ("SELECT t.* FROM t", "select t | cols=*"),
        ("SELECT a AS b, c d, a + 1, UPPER(e) FROM t", "select t | cols=t.a,t.c"),
        ("SELECT COUNT(*), COUNT(a), COUNT(DISTINCT b), SUM(c), AVG(d), MIN(e), MAX(f) FROM t", "select t | cols= | agg=count(*),count(t.a),count(t.b),sum(t.c),avg(t.d),min(t.e),max(t.f)"),
        ("SELECT a, COUNT(*) FROM t GROUP BY a", "select t | cols=t.a | agg=count(*) | group=t.a"),
        ("SELECT DATE(ts) AS day, a AS b, COUNT(*) AS n FROM t GROUP BY day, b ORDER BY n DESC, b", "select t | order=t.a | cols=t.a | agg=count(*) | group=t.a"),
        // joins
        ("SELECT * FROM a JOIN b ON b.a_id = a.id WHERE a.x = 1", "select a,b | eq=a.x | cols=* | join b on a.id=b.a_id"),
        ("SELECT * FROM a INNER JOIN b ON a.id = b.a_id LEFT JOIN c ON c.b_id = b.id RIGHT JOIN d USING (k)", "select a,b,c,d | cols=* | join b on a.id=b.a_id | join c on b.id=c.b_id | join d on c.k=d.k"),
        ("SELECT * FROM a, b WHERE a.id = b.a_id AND b.y = 2", "select a,b | eq=b.y | cols=* | join b on a.id=b.a_id"),
        ("SELECT * FROM a STRAIGHT_JOIN b ON b.a_id = a.id", "select a,b | cols=* | join b on a.id=b.a_id"),
        // locking reads
        ("SELECT * FROM t WHERE id = 1 FOR UPDATE", "select t | eq=t.id | cols=* | locks"),
        ("SELECT * FROM t WHERE id = 1 FOR SHARE", "select t | eq=t.id | cols=* | locks"),
        ("SELECT * FROM t WHERE id = 1 LOCK IN SHARE MODE", "select t | eq=t.id | cols=* | locks"),
        // writes
        ("INSERT INTO t (a, b) VALUES (1, 2), (3, 4)", "insert t | cols=t.a,t.b"),
        ("INSERT INTO t VALUES (1, 2)", "insert t | cols=*"),
        ("INSERT INTO t SET a = 1, b = 2", "insert t | cols=t.a,t.b"),
        ("INSERT INTO t (a) VALUES (1) ON DUPLICATE KEY UPDATE a = VALUES(a)", "insert t | cols=t.a | upsert"),
        ("REPLACE INTO t (a, b) VALUES (?, ?)", "replace t | cols=t.a,t.b"),
        ("UPDATE t SET a = 1, b = b + 1 WHERE id = 2", "update t | eq=t.id | cols=t.a,t.b"),
        ("UPDATE a JOIN b ON b.a_id = a.id SET a.x = 1 WHERE b.y = 2", "update a,b | eq=b.y | cols=a.x | join b on a.id=b.a_id"),
        ("DELETE FROM t WHERE id = 1 LIMIT 1", "delete t | eq=t.id | limit=1 | cols=*"),
        ("DELETE a FROM a JOIN b ON b.a_id = a.id WHERE b.y = 2", "delete a,b | eq=b.y | cols=* | join b on a.id=b.a_id"),
        ("DELETE c FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'x'", "delete customers,orders | eq=orders.status | cols=* | join orders on customers.id=orders.customer_id"),
        ("DELETE FROM b USING a JOIN b ON b.a_id = a.id WHERE a.gone = 1", "delete b,a | eq=a.gone | cols=* | join a on b.a_id=a.id"),
        // lexical forms
        ("SELECT `we``ird` FROM `t``1` WHERE `a` = 'it''s' AND b = 'x\\'y' AND c = \"q\"", "select t`1 | eq=t`1.a,t`1.b,t`1.c | cols=t`1.we`ird"),
        ("SELECT a FROM t WHERE b = X'0A' AND c = _utf8mb4'x' AND d = -1 AND e = @v AND f = :p AND g = NULL", "select t | eq=t.b,t.c,t.d,t.e,t.f,t.g | cols=t.a"),
        ("/* lead */ SELECT a -- note\nFROM t # hash\nWHERE b = 1;", "select t | eq=t.b | cols=t.a"),
        ("/*!50000 SELECT a FROM t WHERE b = 1 */", "select t | eq=t.b | cols=t.a"),
        ("SELECT \"t\".\"a\" FROM \"t\" WHERE \"t\".\"b\" = 1", "select t | eq=t.b | cols=t.a"),
        ("SELECT a FROM t WHERE status != \"done\" AND name LIKE \"%x\" AND kind IN (\"a\", \"b\")", "select t | eq=t.kind | filter=t.status | search=t.name | cols=t.a"),
        ("SELECT 1abc FROM t2024 WHERE `x` = .5 AND y = 1e-3 AND z = 0x1F AND w = b'01' AND v = N'n'", "select t2024 | eq=t2024.x,t2024.y,t2024.z,t2024.w,t2024.v | cols=t2024.1abc"),
        ("INSERT INTO t (a, b) VALUES ROW(1, 2), ROW(3, 4)", "insert t | cols=t.a,t.b"),
        ("INSERT INTO t (a) VALUES (1) AS new ON DUPLICATE KEY UPDATE a = new.a", "insert t | cols=t.a | upsert"),
        ("SELECT * FROM t WHERE id = 1 FOR UPDATE OF t NOWAIT", "select t | eq=t.id | cols=* | locks"),
        ("SELECT SQL_NO_CACHE DISTINCT a FROM t USE INDEX (i) WHERE b = 1", "select t | eq=t.b | cols=t.a"),
        ("SELECT a FROM t WHERE b = 1 GROUP BY a HAVING COUNT(*) > 1 ORDER BY a", "select t | eq=t.b | order=t.a | cols=t.a | group=t.a"),
        ("SELECT * FROM t WHERE created_at > NOW() - INTERVAL ? DAY AND CAST(x AS CHAR) = ?", "select t | range=t.created_at | filter=t.x | cols=*"),
        ("SELECT * FROM `customers` WHERE `email` = (_charset) ? AND NAME = (unknown)", "select customers | eq=customers.email,customers.NAME | cols=*"),
    ])
    func reads(_ statement: String, _ expected: String) {
        #expect(ReadingSummary.of(DMLParser.read(statement)) == expected, "\(statement)")
    }

    /// Every field of one shape, compared whole.
    @Test func aDigestIsReadIntoEveryField() {
        let reading = DMLParser.read(
            "SELECT `o` . `id` , COUNT ( * ) FROM `orders` AS `o` JOIN `customers` `c` ON `c` . `id` = `o` . `customer_id` "
                + "WHERE `c` . `tenant_id` = ? AND `o` . `created_at` >= ? AND `o` . `status` != ? AND `o` . `note` LIKE ? "
                + "GROUP BY `o` . `id` ORDER BY `o` . `created_at` DESC LIMIT ? FOR UPDATE"
        )
        let orders = { (column: String) in ColumnReference(table: "orders", column: column) }
        let customers = { (column: String) in ColumnReference(table: "customers", column: column) }
        let expected = StatementShape(
            kind: .select, tables: ["orders", "customers"], equality: [customers("tenant_id")], ranges: [orders("created_at")],
            orderBy: [OrderTerm(column: orders("created_at"), descending: true)], limit: .placeholder,
            columns: .only([orders("id")]), joins: [Join(table: "customers", on: [ColumnPair(left: orders("customer_id"), right: customers("id"))])],
            searched: [orders("note")], aggregates: [AggregateCall(function: .count, column: nil)], groupBy: [orders("id")],
            locksRows: true, filters: [orders("status")]
        )
        #expect(reading == .placed(expected))
    }

    /// In a statement over several tables an unqualified column's table is not known.
    @Test func anUnqualifiedColumnOverSeveralTablesHasNoTable() {
        guard case .placed(let shape) = DMLParser.read("SELECT name FROM a JOIN b ON a.id = b.a_id WHERE flag = 1") else {
            Issue.record("not placed")
            return
        }
        #expect(shape.equality == [ColumnReference(table: nil, column: "flag")])
        #expect(shape.columns == .only([ColumnReference(table: nil, column: "name")]))
    }
}
