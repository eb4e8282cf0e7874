import MySQLSchema
import Testing

@Suite("Keys, indexes, foreign keys and checks")
struct KeyTests {
    private let int = ColumnType(name: "int")

    @Test("primary keys: inline, table-level, named constraint, composite, with USING")
    func primaryKeys() {
        #expect(SchemaTestSupport.table("CREATE TABLE t (id int PRIMARY KEY);")?.primaryKey == ["id"])
        #expect(SchemaTestSupport.table("CREATE TABLE t (a int, b int, PRIMARY KEY (b, a));")?.primaryKey == ["b", "a"])
        #expect(SchemaTestSupport.table("CREATE TABLE t (a int, CONSTRAINT pk PRIMARY KEY USING BTREE (a));")?.primaryKey == ["a"])
        #expect(SchemaTestSupport.table("CREATE TABLE t (a int, CONSTRAINT PRIMARY KEY (a) COMMENT 'pk' KEY_BLOCK_SIZE=8);")?.primaryKey == ["a"])
        #expect(SchemaTestSupport.table("CREATE TABLE t (A int, PRIMARY KEY (a));")?.primaryKey == ["A"])
    }

    @Test("a second primary key is reported and ignored")
    func secondPrimaryKey() {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (a int PRIMARY KEY, b int, PRIMARY KEY (b));")
        #expect(schema.tables.first?.primaryKey == ["a"])
        #expect(schema.tables.first?.columns.map(\.nullable) == [false, true])
        #expect(schema.diagnostics.map(\.message) == ["table `t` already has a primary key; this one is ignored"])
        #expect(schema.diagnostics.map(\.column) == [43])
    }

    @Test("every kind of key with names, prefixes, order, index types and options")
    func keyKinds() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE docs (
              id int NOT NULL,
              email varchar(255),
              title varchar(200),
              body text,
              shape geometry NOT NULL,
              created datetime,
              UNIQUE KEY uq_email (email),
              UNIQUE INDEX (title(20)),
              UNIQUE uq_bare (id, email),
              CONSTRAINT uq_named UNIQUE (created),
              CONSTRAINT sym UNIQUE KEY idx_over_sym (title),
              KEY idx_created (created DESC, id ASC) USING BTREE,
              INDEX idx_hash USING HASH (email(10)) COMMENT 'hash' INVISIBLE,
              KEY (title) KEY_BLOCK_SIZE = 4 VISIBLE,
              FULLTEXT KEY ft_body (title, body) /*!50100 WITH PARSER `ngram` */,
              FULLTEXT (body),
              SPATIAL INDEX sp_shape (shape),
              SPATIAL KEY (shape),
              INDEX idx_expr ((lower(email)), (year(created)) DESC)
            );
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        guard let table = schema.tables.first else { return }
        #expect(table.uniqueKeys == [
            Index(name: "uq_email", columns: [IndexColumn(name: "email")]),
            Index(columns: [IndexColumn(name: "title", prefixLength: 20)]),
            Index(name: "uq_bare", columns: [IndexColumn(name: "id"), IndexColumn(name: "email")]),
            Index(name: "uq_named", columns: [IndexColumn(name: "created")]),
            Index(name: "idx_over_sym", columns: [IndexColumn(name: "title")]),
        ])
        #expect(table.indexes == [
            Index(name: "idx_created", columns: [IndexColumn(name: "created", descending: true), IndexColumn(name: "id")]),
            Index(name: "idx_hash", columns: [IndexColumn(name: "email", prefixLength: 10)]),
            Index(columns: [IndexColumn(name: "title")]),
            Index(name: "idx_expr", columns: [
                IndexColumn(name: "(lower(email))", isExpression: true),
                IndexColumn(name: "(year(created))", descending: true, isExpression: true),
            ]),
        ])
        #expect(table.fullTextIndexes == [
            Index(name: "ft_body", columns: [IndexColumn(name: "title"), IndexColumn(name: "body")]),
            Index(columns: [IndexColumn(name: "body")]),
        ])
        #expect(table.spatialIndexes == [
            Index(name: "sp_shape", columns: [IndexColumn(name: "shape")]),
            Index(columns: [IndexColumn(name: "shape")]),
        ])
        #expect(table.indexes[0].columnNames == ["created", "id"])
    }

    @Test("a key on a missing column is reported at the column and left out; the table still imports")
    func keyOnMissingColumn() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE t (
              id int,
              KEY idx_gone (id, gone),
              PRIMARY KEY (nope)
            );
            """)
        #expect(schema.tables.first?.indexes == [])
        #expect(schema.tables.first?.primaryKey == [])
        #expect(SchemaTestSupport.messages(schema) == [
            "schema.sql:3:21: index `idx_gone` of table `t` names column `gone`, which the table does not have; the key is ignored (statement starts: CREATE TABLE t ( id int, KEY idx_gone (id, gone), PRIMARY KE…)",
            "schema.sql:4:16: the primary key of table `t` names column `nope`, which the table does not have; the key is ignored (statement starts: CREATE TABLE t ( id int, KEY idx_gone (id, gone), PRIMARY KE…)",
        ])
    }

    @Test("foreign keys: named, unnamed, index name, composite, MATCH, every action")
    func foreignKeys() {
        let schema = SchemaTestSupport.parse("""
            CREATE TABLE parent (a int, b int, PRIMARY KEY (a, b));
            CREATE TABLE child (
              id int,
              pa int,
              pb int,
              CONSTRAINT fk_named FOREIGN KEY (pa, pb) REFERENCES parent (a, b) ON DELETE CASCADE ON UPDATE RESTRICT,
              FOREIGN KEY fk_index_name (pa) REFERENCES `parent` (`a`) MATCH FULL ON UPDATE SET DEFAULT,
              FOREIGN KEY (pb) REFERENCES db.parent (b) ON DELETE NO ACTION,
              CONSTRAINT FOREIGN KEY (PA, PB) REFERENCES parent (a, b) ON UPDATE CASCADE ON DELETE SET NULL,
              FOREIGN KEY (pa, pb) REFERENCES parent
            );
            """)
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))")
        #expect(schema.table(named: "child")?.foreignKeys == [
            ForeignKey(name: "fk_named", columns: ["pa", "pb"], referencedTable: "parent", referencedColumns: ["a", "b"],
                       onDelete: .cascade, onUpdate: .restrict),
            ForeignKey(name: "fk_index_name", columns: ["pa"], referencedTable: "parent", referencedColumns: ["a"], onUpdate: .setDefault),
            ForeignKey(columns: ["pb"], referencedTable: "parent", referencedColumns: ["b"], onDelete: .noAction),
            ForeignKey(columns: ["pa", "pb"], referencedTable: "parent", referencedColumns: ["a", "b"], onDelete: .setNull, onUpdate: .cascade),
            ForeignKey(columns: ["pa", "pb"], referencedTable: "parent", referencedColumns: ["a", "b"]),
        ])
    }

    @Test("foreign keys may point forward; references to missing tables or columns are reported after all files")
    func foreignKeyTargets() {
        let schema = SchemaTestSupport.parse(files: [
            (name: "a.sql", text: "CREATE TABLE child (id int, p int, q int,\n  FOREIGN KEY (p) REFERENCES parent (id),\n  CONSTRAINT fk_q FOREIGN KEY (q) REFERENCES ghost (id));"),
            (name: "b.sql", text: "CREATE TABLE parent (id int PRIMARY KEY);\nCREATE TABLE other (x int, FOREIGN KEY (x) REFERENCES parent (nope));"),
        ])
        #expect(schema.tables.map(\.name) == ["child", "parent", "other"])
        #expect(SchemaTestSupport.messages(schema) == [
            "a.sql:3:46: foreign key `fk_q` of table `child` references table `ghost`, which the schema does not define (statement starts: CREATE TABLE child (id int, p int, q int, FOREIGN KEY (p) RE…)",
            "b.sql:2:55: the foreign key (x) of table `other` references column `parent`.`nope`, which does not exist (statement starts: CREATE TABLE other (x int, FOREIGN KEY (x) REFERENCES parent…)",
        ])
    }

    @Test("a foreign key on a missing column is reported and left out")
    func foreignKeyOnMissingColumn() {
        let schema = SchemaTestSupport.parse("CREATE TABLE p (id int); CREATE TABLE c (id int, FOREIGN KEY (pid) REFERENCES p (id));")
        #expect(schema.table(named: "c")?.foreignKeys == [])
        #expect(schema.diagnostics.map(\.message) == [
            "the foreign key (pid) of table `c` names column `pid`, which the table does not have; the foreign key is ignored",
        ])
    }

    @Test("CHECK constraints at table level")
    func tableChecks() {
        let table = SchemaTestSupport.table("""
            CREATE TABLE t (
              a int, b int,
              CHECK (a < b),
              CONSTRAINT `b_positive` CHECK ((`b` > 0)) /*!80016 NOT ENFORCED */,
              CONSTRAINT CHECK (a <> 0) ENFORCED
            );
            """)
        #expect(table?.checkConstraints == [
            CheckConstraint(expression: "a < b"),
            CheckConstraint(name: "b_positive", expression: "(`b` > 0)", enforced: false),
            CheckConstraint(expression: "a <> 0"),
        ])
        #expect(table?.checks == ["a < b", "(`b` > 0)", "a <> 0"])
    }

    @Test("MariaDB's PERIOD FOR is read past")
    func period() {
        let table = SchemaTestSupport.table("CREATE TABLE t (id int, s date, e date, PERIOD FOR p (s, e), period int);")
        #expect(table?.columns.map(\.name) == ["id", "s", "e", "period"])
    }
}
