import SQLStatements
import Testing

/// What the parser does not place, and what is no data access, each with its words.
@Suite struct StatementKindTests {
    @Test(arguments: [
        ("", "the statement is empty"),
        ("  -- only a comment", "the statement is empty"),
        ("SELECT * FROM t WHERE a IN (SELECT b FROM u)", "a subquery in WHERE (IN (SELECT ...)) is not followed"),
        ("SELECT * FROM t WHERE EXISTS (SELECT 1 FROM u)", "a subquery in WHERE (EXISTS (SELECT ...)) is not followed"),
        ("SELECT * FROM t WHERE a = (SELECT MAX(a) FROM t)", "a subquery in WHERE is not followed"),
        ("SELECT * FROM t WHERE a > ANY (SELECT a FROM u)", "a subquery in WHERE is not followed"),
        ("SELECT (SELECT 1 FROM u) FROM t", "a subquery in the select list is not followed"),
        ("SELECT * FROM (SELECT a FROM t) AS d", "a derived table (a subquery in FROM) is not followed"),
        ("SELECT a FROM t UNION SELECT a FROM u", "UNION combines the rows of several SELECTs; each would be its own access pattern"),
        ("(SELECT a FROM t) UNION ALL (SELECT a FROM u)", "UNION combines the rows of several SELECTs; each would be its own access pattern"),
        ("WITH x AS (SELECT a FROM t) SELECT * FROM x", "WITH (a common table expression) is a query over a query; it is not followed"),
        ("INSERT INTO t (a) SELECT a FROM u", "INSERT ... SELECT copies rows between tables"),
        ("CALL do_things(1)", "CALL runs a stored procedure whose statements are not seen here"),
        ("PREPARE s FROM 'SELECT 1'", "dynamic SQL (PREPARE/EXECUTE) runs a statement text that is not seen here"),
        ("EXECUTE s USING @a", "dynamic SQL (PREPARE/EXECUTE) runs a statement text that is not seen here"),
        ("LOAD DATA INFILE 'x.csv' INTO TABLE t", "LOAD DATA reads rows from a file in bulk"),
        ("SELECT * FROM `t` WHERE `a` = ? AND `b` = ? ...", "the digest text is truncated"),
        ("SELECT `a` , `b` , ...", "the digest text is truncated"),
        ("SELECT * FROM `t` WHERE `a` = ? AND", "the digest text is truncated (it stops after `AND`)"),
        ("SELECT * FROM t WHERE a = 1 AND", "the statement stops after `AND` before it is complete"),
        ("SELECT * FROM t WHERE a = 'open", "the statement cannot be read: a string (') that is never closed starts at character 27"),
        ("SELECT 'é' , 'open", "the statement cannot be read: a string (') that is never closed starts at character 14"),
        ("SELECT * FROM `t WHERE a = 1", "the statement cannot be read: a name in backticks (`) that is never closed starts at character 15"),
        ("SELECT * FROM t /* never closed", "the statement cannot be read: a comment (/*) that is never closed starts at character 17"),
        ("SELECT a FROM t; SELECT b FROM u", "the text holds more than one statement (`;` at character 16); each is read on its own"),
        ("HANDLER t READ FIRST", "HANDLER reads a table through its low-level interface, not through a statement"),
        ("SELECT * FROM JSON_TABLE(@j, '$[*]' COLUMNS (a INT PATH '$')) AS jt", "a table function (JSON_TABLE) is not followed"),
        ("(SELECT a FROM t) ORDER BY a", "a parenthesized query followed by more clauses is not followed"),
        ("(1)", "the statement could not be read: `(` does not start a query here"),
        ("42", "the statement could not be read: it starts with `42`, not a statement keyword"),
        ("hello world", "the statement could not be read: `hello` does not start a statement MySQL knows"),
        ("SELECT a FROM t WHERE = 3", "the statement could not be read: `=` at character 23 where a value or a column was expected"),
    ])
    func unplaceable(_ statement: String, _ reason: String) {
        #expect(DMLParser.read(statement) == .unplaceable(reason: reason), "\(statement)")
    }

    @Test(arguments: [
        ("SET autocommit = 0", "session setting: SET"),
        ("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED", "transaction control: SET TRANSACTION"),
        ("BEGIN", "transaction control: BEGIN"),
        ("START TRANSACTION READ ONLY", "transaction control: START TRANSACTION"),
        ("COMMIT", "transaction control: COMMIT"),
        ("ROLLBACK TO SAVEPOINT a", "transaction control: ROLLBACK"),
        ("SAVEPOINT a", "transaction control: SAVEPOINT"),
        ("RELEASE SAVEPOINT a", "transaction control: RELEASE SAVEPOINT"),
        ("SHOW TABLES", "server information: SHOW TABLES"),
        ("USE shop", "session setting: USE"),
        ("DESCRIBE orders", "statement plan or table description: DESCRIBE"),
        ("DESC orders", "statement plan or table description: DESCRIBE"),
        ("EXPLAIN SELECT * FROM t", "statement plan or table description: EXPLAIN"),
        ("SELECT @@version", "a SELECT without a table"),
        ("SELECT ?", "a SELECT without a table"),
        ("SELECT 1", "a SELECT without a table"),
        ("SELECT NOW()", "a SELECT without a table"),
        ("SELECT 1 FROM DUAL", "a SELECT without a table"),
        ("KILL 42", "administration: KILL"),
        ("FLUSH TABLES", "administration: FLUSH"),
        ("ANALYZE TABLE t", "administration: ANALYZE"),
        ("GRANT SELECT ON *.* TO u", "administration: GRANT"),
        ("CREATE TABLE t (a INT)", "schema change: CREATE TABLE"),
        ("CREATE UNIQUE INDEX i ON t (a)", "schema change: CREATE INDEX"),
        ("ALTER TABLE t ADD b INT", "schema change: ALTER TABLE"),
        ("DROP VIEW v", "schema change: DROP VIEW"),
        ("TRUNCATE t", "schema change: TRUNCATE TABLE"),
        ("CREATE USER u", "administration: CREATE USER"),
        ("LOCK TABLES t WRITE", "table locks: LOCK TABLES"),
        ("XA START 'x'", "transaction control: XA"),
        ("DO SLEEP(1)", "expression evaluation: DO"),
        ("HELP 'contents'", "server information: HELP"),
        ("VALUES ROW(1, 2)", "a VALUES statement without a table"),
        ("DEALLOCATE PREPARE s", "prepared statement control: DEALLOCATE PREPARE"),
        ("START SLAVE", "administration: START SLAVE"),
        ("RENAME TABLE a TO b", "schema change: RENAME TABLE"),
        ("UNLOCK TABLES", "table locks: UNLOCK TABLES"),
    ])
    func notDataAccess(_ statement: String, _ what: String) {
        #expect(DMLParser.read(statement) == .notDataAccess(what: what), "\(statement)")
    }

    /// The reader recurses over nested expressions; deep nesting is refused, not a stack overflow.
    @Test(arguments: [
        "SELECT * FROM t WHERE " + String(repeating: "(", count: 20_000) + "a = 1" + String(repeating: ")", count: 20_000),
        "SELECT * FROM t WHERE " + String(repeating: "NOT ", count: 20_000) + "a = 1",
        "SELECT " + String(repeating: "-", count: 20_000) + "1 FROM t",
        "SELECT * FROM " + String(repeating: "(", count: 20_000) + "t" + String(repeating: ")", count: 20_000),
        String(repeating: "(", count: 20_000) + "SELECT a FROM t" + String(repeating: ")", count: 20_000),
    ])
    func deepNestingIsRefused(_ statement: String) {
        #expect(DMLParser.read(statement) == .unplaceable(reason: "the statement nests expressions more than 200 deep"))
    }

    @Test func nestingWithinTheBoundIsRead() {
        let statement = "SELECT * FROM t WHERE " + String(repeating: "(", count: 50) + "a = 1" + String(repeating: ")", count: 50)
        #expect(ReadingSummary.of(DMLParser.read(statement)) == "select t | eq=t.a | cols=*")
    }
}
