import Foundation
import MySQLSchema
import Testing

@Suite("Statements, comments, delimiters and what is skipped")
struct StatementTests {
    @Test("comments: `-- ` needs a space, `#`, `/* */`, and `--` at the end of a line")
    func comments() {
        let schema = SchemaTestSupport.parse("""
            -- a comment
            # another
            /* a block
               comment */ CREATE TABLE t ( -- trailing comment
              a int, # hash comment
              b int /* inline */ DEFAULT -5 --
            );
            CREATE TABLE u (n int DEFAULT 1--1
            );
            """)
        #expect(schema.tables.first?.columns.map(\.name) == ["a", "b"])
        #expect(schema.tables.first?.columns.last?.defaultValue == "-5")
        // `1--1` is an expression (1 minus minus 1), not a comment: MySQL needs it in parentheses.
        #expect(schema.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "8:32 expected a column attribute, `,` or `)` in the definition of column `n`, found `-`; statement skipped",
        ])
    }

    @Test("versioned comments are code; MariaDB's /*M! too; the sandbox marker is a comment")
    func versionedComments() {
        let schema = SchemaTestSupport.parse("""
            /*M!999999\\- enable the sandbox mode */
            /*!40101 SET NAMES utf8mb4 */;
            /*!50001 CREATE TABLE `stand_in` (
              `id` tinyint NOT NULL
            ) ENGINE=MyISAM */;
            CREATE TABLE t (id int /*!80023 INVISIBLE */, c int /*M!100301 INVISIBLE */) /*!50100 ENGINE=InnoDB */;
            /*!*/ CREATE TABLE u (id int);
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.map(\.name) == ["stand_in", "t", "u"])
        #expect(schema.table(named: "t")?.columns.map(\.invisible) == [true, true])
        #expect(schema.table(named: "t")?.engine == "InnoDB")
        #expect(schema.skipped.map(\.kind) == [.set])
    }

    @Test("semicolons inside strings, identifiers and comments do not end statements")
    func semicolonsInside() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE `semi;colon` (a varchar(5) DEFAULT ';' COMMENT "x;y" /* ; */, b int);
            INSERT INTO `semi;colon` VALUES ('a;b', 1), ('it''s;', 2), ('back\\\\;slash\\';', 3);
            CREATE TABLE after_insert (id int);
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.map(\.name) == ["semi;colon", "after_insert"])
        #expect(schema.tables.first?.columns.first?.comment == "x;y")
        #expect(schema.skipped == [SkippedStatement(kind: .insert, name: "semi;colon", file: "schema.sql", line: 2)])
    }

    @Test("DELIMITER blocks: triggers, procedures, functions, events are skipped by name")
    func delimiterBlocks() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE t (id int);
            DELIMITER $$
            CREATE TRIGGER trg_x BEFORE INSERT ON t FOR EACH ROW
            BEGIN
              SET NEW.id = NEW.id + 1;
            END$$
            CREATE DEFINER=`root`@`localhost` PROCEDURE `p_one`(IN x INT)
            BEGIN
              SELECT x; SELECT ';';
            END $$
            CREATE FUNCTION IF NOT EXISTS f_two(x INT) RETURNS INT DETERMINISTIC RETURN x * 2$$
            CREATE DEFINER = CURRENT_USER EVENT `db`.`ev_three` ON SCHEDULE EVERY 1 HOUR DO DELETE FROM t$$
            DELIMITER ;
            delimiter //
            CREATE AGGREGATE FUNCTION agg RETURNS STRING SONAME 'udf.so'//
            delimiter ;
            CREATE TABLE u (id int);
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.map(\.name) == ["t", "u"])
        #expect(schema.skipped == [
            SkippedStatement(kind: .trigger, name: "trg_x", file: "schema.sql", line: 3),
            SkippedStatement(kind: .procedure, name: "p_one", file: "schema.sql", line: 7),
            SkippedStatement(kind: .function, name: "f_two", file: "schema.sql", line: 11),
            SkippedStatement(kind: .event, name: "ev_three", file: "schema.sql", line: 12),
            SkippedStatement(kind: .function, name: "agg", file: "schema.sql", line: 15),
        ])
    }

    @Test("views in every spelling are skipped by name")
    func views() {
        let schema = SchemaTestSupport.parse("""
            CREATE VIEW v_one AS SELECT 1;
            CREATE OR REPLACE ALGORITHM=MERGE DEFINER=`app`@`10.0.%` SQL SECURITY INVOKER VIEW `db`.`v_two` (a) AS SELECT 1;
            /*!50001 CREATE ALGORITHM=UNDEFINED */
            /*!50013 DEFINER=`root`@`localhost` SQL SECURITY DEFINER */
            /*!50001 VIEW `v_three` AS select 1 AS `x` */;
            ALTER VIEW v_one AS SELECT 2;
            CREATE DEFINER=root@localhost VIEW v_four AS SELECT 1;
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.skipped.map(\.kind) == [.view, .view, .view, .view, .view])
        #expect(schema.skipped.map(\.name) == ["v_one", "v_two", "v_three", "v_one", "v_four"])
        #expect(schema.skippedNames(of: .view) == ["v_one", "v_two", "v_three", "v_four"])
        #expect(schema.skipped.map(\.line) == [1, 2, 3, 6, 7])
    }

    @Test("statements that are not about tables are counted by kind", arguments: [
        ("SET NAMES utf8mb4;", SkippedStatement.Kind.set, "NAMES utf8mb4"),
        ("SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0;", .set, "@OLD_UNIQUE_CHECKS"),
        ("/*!40101 SET character_set_client = utf8 */;", .set, "character_set_client"),
        ("USE `shop`;", .use, "shop"),
        ("LOCK TABLES `t` WRITE, u READ;", .lockTables, nil),
        ("UNLOCK TABLES;", .unlockTables, nil),
        ("INSERT INTO `db`.`t` (a) VALUES (1);", .insert, "t"),
        ("INSERT IGNORE t VALUES (1);", .insert, "t"),
        ("REPLACE INTO t VALUES (1);", .insert, "t"),
        ("CREATE DATABASE /*!32312 IF NOT EXISTS*/ `shop` /*!40100 DEFAULT CHARACTER SET utf8mb4 */;", .createDatabase, "shop"),
        ("CREATE SCHEMA app;", .createDatabase, "app"),
        ("UPDATE t SET a = 1;", .dataChange, nil),
        ("DELETE FROM t;", .dataChange, nil),
        ("TRUNCATE TABLE t;", .dataChange, nil),
        ("START TRANSACTION;", .transaction, nil),
        ("COMMIT;", .transaction, nil),
        ("DROP VIEW IF EXISTS `v`;", .dropOther, "v"),
        ("/*!50003 DROP PROCEDURE IF EXISTS `p` */;", .dropOther, "p"),
        ("DROP DATABASE shop;", .dropOther, "shop"),
        ("GRANT SELECT ON shop.* TO 'app'@'%';", .other, nil),
        ("CREATE USER 'app'@'%' IDENTIFIED BY 'x';", .other, nil),
        ("FLUSH PRIVILEGES;", .other, nil),
        ("SELECT 1;", .other, nil),
        ("ALTER DATABASE shop CHARACTER SET utf8mb4;", .other, nil),
        ("CREATE SEQUENCE s START WITH 1;", .other, nil),
        ("ANALYZE TABLE t;", .other, nil),
    ] as [(String, SkippedStatement.Kind, String?)])
    func skippedKinds(sql: String, kind: SkippedStatement.Kind, name: String?) {
        let schema = SchemaTestSupport.parse(sql)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.skipped == [SkippedStatement(kind: kind, name: name, file: "schema.sql", line: 1)])
    }

    @Test("counts and names for the import summary")
    func summary() {
        var sql = ""
        for index in 1...120 { sql += "INSERT INTO t VALUES (\(index), 'row; \(index)');\n" }
        sql += "CREATE VIEW v_orders AS SELECT 1;\nDELIMITER ;;\nCREATE TRIGGER trg_x AFTER INSERT ON t FOR EACH ROW BEGIN END;;\nDELIMITER ;\n"
        let schema = SchemaTestSupport.parse(sql)
        #expect(schema.diagnostics.isEmpty)
        #expect(schema.skippedCount(of: .insert) == 120)
        #expect(schema.skippedNames(of: .insert) == ["t"])
        #expect(schema.skippedNames(of: .view) == ["v_orders"])
        #expect(schema.skippedNames(of: .trigger) == ["trg_x"])
    }

    @Test("a huge extended INSERT is read past")
    func hugeInsert() {
        let values = (0..<50_000).map { "(\($0),'name \($0); \\'quoted\\'',NULL,0x1F)" }.joined(separator: ",")
        let schema = SchemaTestSupport.parse("CREATE TABLE t (id int);\nINSERT INTO `t` VALUES \(values);\nCREATE TABLE u (id int);")
        #expect(schema.diagnostics.isEmpty)
        #expect(schema.tables.map(\.name) == ["t", "u"])
        #expect(schema.skipped.map(\.kind) == [.insert])
    }

    @Test("statements without a trailing delimiter, empty statements and a byte order mark")
    func edges() {
        let schema = SchemaTestSupport.parse("\u{FEFF};;\nCREATE TABLE a (id int);;;CREATE TABLE b (id int)")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.tables.map(\.name) == ["a", "b"])
    }

    @Test("an empty input gives an empty schema")
    func emptyInput() {
        #expect(SchemaParser.parse([]) == ParsedSchema())
        #expect(SchemaTestSupport.parse("") == ParsedSchema())
        #expect(SchemaTestSupport.parse("  \n-- nothing\n") == ParsedSchema())
    }

    @Test("the result is Codable and round-trips")
    func codable() throws {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE t (id int PRIMARY KEY, s set('a','b'), g int AS (id + 1) STORED, FOREIGN KEY (id) REFERENCES t (id) ON DELETE SET NULL);
            INSERT INTO t VALUES (1);
            CREATE TABLE bad (;
            """)
        let data = try JSONEncoder().encode(schema)
        #expect(try JSONDecoder().decode(ParsedSchema.self, from: data) == schema)
    }
}

