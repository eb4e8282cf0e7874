import MySQLSchema
import Testing

/// One type as written and everything the import derives from it.
struct TypeCase: CustomTestStringConvertible, Sendable {
    let written: String
    let name: String
    var length: Int?
    var scale: Int?
    var unsigned = false
    var zerofill = false
    var values: [String] = []
    let sqlText: String
    let dynamoDB: String
    let size: Int?

    var testDescription: String { written }
}

@Suite("Column types and their DynamoDB mapping (docs/design-engine.md, \"Types\")")
struct ColumnTypeTests {
    static let integers: [TypeCase] = [
        TypeCase(written: "TINYINT", name: "tinyint", sqlText: "tinyint", dynamoDB: "N", size: 8),
        TypeCase(written: "tinyint(4) unsigned", name: "tinyint", length: 4, unsigned: true, sqlText: "tinyint unsigned", dynamoDB: "N", size: 8),
        TypeCase(written: "TINYINT(1)", name: "tinyint", length: 1, sqlText: "tinyint(1)", dynamoDB: "BOOL", size: 1),
        TypeCase(written: "BOOL", name: "tinyint", length: 1, sqlText: "tinyint(1)", dynamoDB: "BOOL", size: 1),
        TypeCase(written: "boolean", name: "tinyint", length: 1, sqlText: "tinyint(1)", dynamoDB: "BOOL", size: 1),
        TypeCase(written: "SMALLINT(6)", name: "smallint", length: 6, sqlText: "smallint", dynamoDB: "N", size: 8),
        TypeCase(written: "MEDIUMINT UNSIGNED ZEROFILL", name: "mediumint", unsigned: true, zerofill: true,
                 sqlText: "mediumint unsigned zerofill", dynamoDB: "N", size: 8),
        TypeCase(written: "MIDDLEINT", name: "mediumint", sqlText: "mediumint", dynamoDB: "N", size: 8),
        TypeCase(written: "INT(11)", name: "int", length: 11, sqlText: "int", dynamoDB: "N", size: 8),
        TypeCase(written: "INTEGER SIGNED", name: "int", sqlText: "int", dynamoDB: "N", size: 8),
        TypeCase(written: "int(5) zerofill", name: "int", length: 5, unsigned: true, zerofill: true,
                 sqlText: "int unsigned zerofill", dynamoDB: "N", size: 8),
        TypeCase(written: "BIGINT(20) UNSIGNED", name: "bigint", length: 20, unsigned: true, sqlText: "bigint unsigned", dynamoDB: "N", size: 8),
        TypeCase(written: "INT8", name: "bigint", sqlText: "bigint", dynamoDB: "N", size: 8),
        TypeCase(written: "INT1", name: "tinyint", sqlText: "tinyint", dynamoDB: "N", size: 8),
        TypeCase(written: "INT2", name: "smallint", sqlText: "smallint", dynamoDB: "N", size: 8),
        TypeCase(written: "INT3", name: "mediumint", sqlText: "mediumint", dynamoDB: "N", size: 8),
        TypeCase(written: "INT4", name: "int", sqlText: "int", dynamoDB: "N", size: 8),
        TypeCase(written: "SERIAL", name: "bigint", unsigned: true, sqlText: "bigint unsigned", dynamoDB: "N", size: 8),
    ]

    static let numbers: [TypeCase] = [
        TypeCase(written: "DECIMAL(10,2)", name: "decimal", length: 10, scale: 2, sqlText: "decimal(10,2)", dynamoDB: "N", size: 8),
        TypeCase(written: "decimal", name: "decimal", length: 10, scale: 0, sqlText: "decimal(10,0)", dynamoDB: "N", size: 8),
        TypeCase(written: "NUMERIC(12)", name: "decimal", length: 12, scale: 0, sqlText: "decimal(12,0)", dynamoDB: "N", size: 8),
        TypeCase(written: "DEC(5,1) UNSIGNED", name: "decimal", length: 5, scale: 1, unsigned: true,
                 sqlText: "decimal(5,1) unsigned", dynamoDB: "N", size: 8),
        TypeCase(written: "FIXED(38,0)", name: "decimal", length: 38, scale: 0, sqlText: "decimal(38,0)", dynamoDB: "N", size: 8),
        TypeCase(written: "DECIMAL(39,0)", name: "decimal", length: 39, scale: 0, sqlText: "decimal(39,0)", dynamoDB: "S", size: 41),
        TypeCase(written: "decimal(65,30)", name: "decimal", length: 65, scale: 30, sqlText: "decimal(65,30)", dynamoDB: "S", size: 67),
        TypeCase(written: "FLOAT", name: "float", sqlText: "float", dynamoDB: "N", size: 8),
        TypeCase(written: "FLOAT(7,3)", name: "float", length: 7, scale: 3, sqlText: "float(7,3)", dynamoDB: "N", size: 8),
        TypeCase(written: "FLOAT(24)", name: "float", sqlText: "float", dynamoDB: "N", size: 8),
        TypeCase(written: "FLOAT(25)", name: "double", sqlText: "double", dynamoDB: "N", size: 8),
        TypeCase(written: "DOUBLE", name: "double", sqlText: "double", dynamoDB: "N", size: 8),
        TypeCase(written: "DOUBLE PRECISION", name: "double", sqlText: "double", dynamoDB: "N", size: 8),
        TypeCase(written: "double(16,4) unsigned", name: "double", length: 16, scale: 4, unsigned: true,
                 sqlText: "double(16,4) unsigned", dynamoDB: "N", size: 8),
        TypeCase(written: "REAL", name: "double", sqlText: "double", dynamoDB: "N", size: 8),
        TypeCase(written: "FLOAT4", name: "float", sqlText: "float", dynamoDB: "N", size: 8),
        TypeCase(written: "FLOAT8", name: "double", sqlText: "double", dynamoDB: "N", size: 8),
        TypeCase(written: "BIT", name: "bit", length: 1, sqlText: "bit(1)", dynamoDB: "N", size: 8),
        TypeCase(written: "BIT(8)", name: "bit", length: 8, sqlText: "bit(8)", dynamoDB: "N", size: 8),
    ]

    static let strings: [TypeCase] = [
        TypeCase(written: "CHAR", name: "char", length: 1, sqlText: "char(1)", dynamoDB: "S", size: 1),
        TypeCase(written: "CHAR(36)", name: "char", length: 36, sqlText: "char(36)", dynamoDB: "S", size: 36),
        TypeCase(written: "CHARACTER(2)", name: "char", length: 2, sqlText: "char(2)", dynamoDB: "S", size: 2),
        TypeCase(written: "NCHAR(10)", name: "char", length: 10, sqlText: "char(10)", dynamoDB: "S", size: 10),
        TypeCase(written: "NATIONAL CHARACTER(3)", name: "char", length: 3, sqlText: "char(3)", dynamoDB: "S", size: 3),
        TypeCase(written: "VARCHAR(255)", name: "varchar", length: 255, sqlText: "varchar(255)", dynamoDB: "S", size: 128),
        TypeCase(written: "varchar(36)", name: "varchar", length: 36, sqlText: "varchar(36)", dynamoDB: "S", size: 18),
        TypeCase(written: "CHARACTER VARYING(40)", name: "varchar", length: 40, sqlText: "varchar(40)", dynamoDB: "S", size: 20),
        TypeCase(written: "NVARCHAR(9)", name: "varchar", length: 9, sqlText: "varchar(9)", dynamoDB: "S", size: 5),
        TypeCase(written: "NATIONAL VARCHAR(4)", name: "varchar", length: 4, sqlText: "varchar(4)", dynamoDB: "S", size: 2),
        TypeCase(written: "TINYTEXT", name: "tinytext", sqlText: "tinytext", dynamoDB: "S", size: nil),
        TypeCase(written: "TEXT", name: "text", sqlText: "text", dynamoDB: "S", size: nil),
        TypeCase(written: "TEXT(1000)", name: "text", length: 1000, sqlText: "text(1000)", dynamoDB: "S", size: nil),
        TypeCase(written: "MEDIUMTEXT", name: "mediumtext", sqlText: "mediumtext", dynamoDB: "S", size: nil),
        TypeCase(written: "LONGTEXT", name: "longtext", sqlText: "longtext", dynamoDB: "S", size: nil),
        TypeCase(written: "LONG", name: "mediumtext", sqlText: "mediumtext", dynamoDB: "S", size: nil),
        TypeCase(written: "LONG VARCHAR", name: "mediumtext", sqlText: "mediumtext", dynamoDB: "S", size: nil),
        TypeCase(written: "ENUM('a','bb')", name: "enum", values: ["a", "bb"], sqlText: "enum('a','bb')", dynamoDB: "S", size: 2),
        TypeCase(written: "ENUM('it''s', 'a\\'b', 'x,y', \"dq\", _utf8mb4'intro')", name: "enum",
                 values: ["it's", "a'b", "x,y", "dq", "intro"],
                 sqlText: "enum('it''s','a''b','x,y','dq','intro')", dynamoDB: "S", size: 5),
        TypeCase(written: "SET('read','write','admin')", name: "set", values: ["read", "write", "admin"],
                 sqlText: "set('read','write','admin')", dynamoDB: "SS", size: 14),
        TypeCase(written: "enum('back\\\\slash','tab\\there')", name: "enum", values: ["back\\slash", "tab\there"],
                 sqlText: "enum('back\\\\slash','tab\there')", dynamoDB: "S", size: 10),
    ]

    static let binaries: [TypeCase] = [
        TypeCase(written: "BINARY", name: "binary", length: 1, sqlText: "binary(1)", dynamoDB: "B", size: 1),
        TypeCase(written: "BINARY(16)", name: "binary", length: 16, sqlText: "binary(16)", dynamoDB: "B", size: 16),
        TypeCase(written: "VARBINARY(255)", name: "varbinary", length: 255, sqlText: "varbinary(255)", dynamoDB: "B", size: 128),
        TypeCase(written: "CHAR(4) BYTE", name: "binary", length: 4, sqlText: "binary(4)", dynamoDB: "B", size: 4),
        TypeCase(written: "TINYBLOB", name: "tinyblob", sqlText: "tinyblob", dynamoDB: "B", size: nil),
        TypeCase(written: "BLOB", name: "blob", sqlText: "blob", dynamoDB: "B", size: nil),
        TypeCase(written: "MEDIUMBLOB", name: "mediumblob", sqlText: "mediumblob", dynamoDB: "B", size: nil),
        TypeCase(written: "LONGBLOB", name: "longblob", sqlText: "longblob", dynamoDB: "B", size: nil),
        TypeCase(written: "LONG VARBINARY", name: "mediumblob", sqlText: "mediumblob", dynamoDB: "B", size: nil),
        TypeCase(written: "VARCHAR(20) CHARACTER SET binary", name: "varbinary", length: 20, sqlText: "varbinary(20)", dynamoDB: "B", size: 10),
        TypeCase(written: "TEXT CHARSET binary", name: "blob", sqlText: "blob", dynamoDB: "B", size: nil),
    ]

    static let temporalAndOther: [TypeCase] = [
        TypeCase(written: "DATE", name: "date", sqlText: "date", dynamoDB: "S", size: 10),
        TypeCase(written: "TIME", name: "time", sqlText: "time", dynamoDB: "S", size: 8),
        TypeCase(written: "TIME(3)", name: "time", length: 3, sqlText: "time(3)", dynamoDB: "S", size: 8),
        TypeCase(written: "DATETIME", name: "datetime", sqlText: "datetime", dynamoDB: "S", size: 25),
        TypeCase(written: "DATETIME(6)", name: "datetime", length: 6, sqlText: "datetime(6)", dynamoDB: "S", size: 25),
        TypeCase(written: "TIMESTAMP(3)", name: "timestamp", length: 3, sqlText: "timestamp(3)", dynamoDB: "S", size: 25),
        TypeCase(written: "YEAR", name: "year", sqlText: "year", dynamoDB: "N", size: 8),
        TypeCase(written: "YEAR(4)", name: "year", length: 4, sqlText: "year(4)", dynamoDB: "N", size: 8),
        TypeCase(written: "JSON", name: "json", sqlText: "json", dynamoDB: "M", size: nil),
        TypeCase(written: "GEOMETRY", name: "geometry", sqlText: "geometry", dynamoDB: "S", size: nil),
        TypeCase(written: "POINT NOT NULL SRID 4326", name: "point", sqlText: "point", dynamoDB: "S", size: nil),
        TypeCase(written: "LINESTRING", name: "linestring", sqlText: "linestring", dynamoDB: "S", size: nil),
        TypeCase(written: "POLYGON", name: "polygon", sqlText: "polygon", dynamoDB: "S", size: nil),
        TypeCase(written: "MULTIPOINT", name: "multipoint", sqlText: "multipoint", dynamoDB: "S", size: nil),
        TypeCase(written: "MULTILINESTRING", name: "multilinestring", sqlText: "multilinestring", dynamoDB: "S", size: nil),
        TypeCase(written: "MULTIPOLYGON", name: "multipolygon", sqlText: "multipolygon", dynamoDB: "S", size: nil),
        TypeCase(written: "GEOMETRYCOLLECTION", name: "geometrycollection", sqlText: "geometrycollection", dynamoDB: "S", size: nil),
        TypeCase(written: "GEOMCOLLECTION", name: "geometrycollection", sqlText: "geometrycollection", dynamoDB: "S", size: nil),
        TypeCase(written: "UUID", name: "uuid", sqlText: "uuid", dynamoDB: "S", size: 36),
        TypeCase(written: "INET6", name: "inet6", sqlText: "inet6", dynamoDB: "S", size: 39),
        TypeCase(written: "INET4", name: "inet4", sqlText: "inet4", dynamoDB: "S", size: 15),
    ]

    @Test("integers and booleans", arguments: integers)
    func integerTypes(_ typeCase: TypeCase) { check(typeCase) }

    @Test("decimals, floating point, BIT", arguments: numbers)
    func numericTypes(_ typeCase: TypeCase) { check(typeCase) }

    @Test("character strings, ENUM, SET", arguments: strings)
    func stringTypes(_ typeCase: TypeCase) { check(typeCase) }

    @Test("binary strings and BLOBs", arguments: binaries)
    func binaryTypes(_ typeCase: TypeCase) { check(typeCase) }

    @Test("dates and times, JSON, spatial, MariaDB types", arguments: temporalAndOther)
    func otherTypes(_ typeCase: TypeCase) { check(typeCase) }

    private func check(_ typeCase: TypeCase, sourceLocation: SourceLocation = #_sourceLocation) {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (c \(typeCase.written));")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema))", sourceLocation: sourceLocation)
        guard let type = schema.tables.first?.columns.first?.type else {
            Issue.record("no column parsed", sourceLocation: sourceLocation)
            return
        }
        #expect(type.name == typeCase.name, sourceLocation: sourceLocation)
        #expect(type.length == typeCase.length, sourceLocation: sourceLocation)
        #expect(type.scale == typeCase.scale, sourceLocation: sourceLocation)
        #expect(type.unsigned == typeCase.unsigned, sourceLocation: sourceLocation)
        #expect(type.zerofill == typeCase.zerofill, sourceLocation: sourceLocation)
        #expect(type.values == typeCase.values, sourceLocation: sourceLocation)
        #expect(type.sqlText == typeCase.sqlText, sourceLocation: sourceLocation)
        #expect(type.dynamoDBType.rawValue == typeCase.dynamoDB, sourceLocation: sourceLocation)
        #expect(type.typicalSizeBytes == typeCase.size, sourceLocation: sourceLocation)
    }

    @Test("SERIAL and SERIAL DEFAULT VALUE: NOT NULL AUTO_INCREMENT UNIQUE")
    func serial() {
        let table = SchemaTestSupport.table("CREATE TABLE t (id SERIAL, n int SERIAL DEFAULT VALUE);")
        #expect(table?.columns.map(\.nullable) == [false, false])
        #expect(table?.columns.map(\.autoIncrement) == [true, true])
        #expect(table?.uniqueKeys == [Index(columns: [IndexColumn(name: "id")]), Index(columns: [IndexColumn(name: "n")])])
    }

    @Test("MariaDB's JSON (LONGTEXT with CHECK (json_valid(column))) is JSON")
    func mariaDBJSON() {
        let table = SchemaTestSupport.table("""
            CREATE TABLE t (
              `attrs` longtext CHARACTER SET utf8mb4 COLLATE utf8mb4_bin DEFAULT NULL CHECK (json_valid(`attrs`)),
              `other` longtext CHECK (json_valid(`attrs`))
            );
            """)
        #expect(table?.columns.map(\.type.name) == ["json", "longtext"])
        #expect(table?.columns.first?.type.dynamoDBType == .map)
        #expect(table?.checks == ["json_valid(`attrs`)", "json_valid(`attrs`)"])
    }

    @Test("an unknown type is kept as a string of unknown size, with a diagnostic")
    func unknownType() {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (id int,\n  v VECTOR(3) NOT NULL, w money);")
        #expect(schema.tables.first?.columns.map(\.type.name) == ["int", "vector", "money"])
        #expect(schema.tables.first?.columns[1].type.length == 3)
        #expect(schema.tables.first?.columns[1].type.dynamoDBType == .string)
        #expect(schema.tables.first?.columns[1].type.typicalSizeBytes == nil)
        #expect(schema.diagnostics.map { "\($0.line):\($0.column) \($0.message)" } == [
            "2:5 unknown data type `VECTOR` for column `v`; it is read as a string (S) of unknown size",
            "2:27 unknown data type `money` for column `w`; it is read as a string (S) of unknown size",
        ])
    }

    @Test("VARCHAR without a length is kept, with a diagnostic")
    func varcharWithoutLength() {
        let schema = SchemaTestSupport.parse("CREATE TABLE t (name varchar NOT NULL);")
        #expect(schema.tables.first?.columns.first?.type.sqlText == "varchar")
        #expect(schema.tables.first?.columns.first?.type.typicalSizeBytes == nil)
        #expect(schema.diagnostics.map(\.message) == ["VARCHAR needs a length, as in VARCHAR(255), for column `name`; its typical size is unknown"])
    }

    @Test("the public initializer derives the same text, mapping and size")
    func publicInitializer() {
        let type = ColumnType(name: "decimal", length: 12, scale: 4, unsigned: true)
        #expect(type.sqlText == "decimal(12,4) unsigned")
        #expect(type.dynamoDBType == .number)
        #expect(type.typicalSizeBytes == 8)
        #expect(ColumnType(name: "set").typicalSizeBytes == nil)
        #expect(ColumnType(name: "varchar", length: 1).typicalSizeBytes == 1)
    }
}
