import MySQLSchema
import Testing

@Suite("Large generated schemas")
struct LargeSchemaTests {
    @Test("a generated mysqldump of 150 wide tables imports completely and without problems")
    func generatedDump() {
        let sql = LargeSchemaGenerator.dump(tables: 150)
        let schema = SchemaTestSupport.parse(sql, file: "big.sql")
        #expect(schema.diagnostics.isEmpty, "\(SchemaTestSupport.messages(schema).prefix(5))")
        #expect(schema.tables.count == 150)
        #expect(schema.tables.map(\.name) == (0..<150).map { "table_\($0)" })
        #expect(schema.tables.dropFirst().allSatisfy { $0.foreignKeys.count == 1 && $0.indexes.count == 2 })
        #expect(schema.tables.allSatisfy { $0.primaryKey == ["id"] && $0.uniqueKeys.count == 1 && $0.checks == ["(`c1` >= 0)"] })
        #expect(schema.skippedCount(of: .dropTable) == 150)
        #expect(schema.skippedCount(of: .lockTables) == 150)
    }
}
