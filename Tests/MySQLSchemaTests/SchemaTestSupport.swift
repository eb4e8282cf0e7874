import Foundation
import MySQLSchema

/// Helpers shared by the MySQLSchema tests.
enum SchemaTestSupport {
    /// Parses one SQL text as a file named `schema.sql`.
    static func parse(_ sql: String, file: String = "schema.sql") -> ParsedSchema {
        SchemaParser.parse([SchemaSource(name: file, text: sql)])
    }

    /// Parses several files in order.
    static func parse(files: [(name: String, text: String)]) -> ParsedSchema {
        SchemaParser.parse(files.map { SchemaSource(name: $0.name, text: $0.text) })
    }

    /// The single table a statement defines (empty when there is not exactly one).
    static func table(_ sql: String) -> Table? {
        let schema = parse(sql)
        return schema.tables.count == 1 ? schema.tables[0] : nil
    }

    /// The one column of `CREATE TABLE t (<definition>)`.
    static func column(_ definition: String) -> Column? {
        table("CREATE TABLE t (\(definition));")?.columns.first
    }

    /// The folder of corpus files next to this source file.
    static let corpusDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func corpusFile(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: corpusDirectory.appendingPathComponent(relativePath)))
    }

    /// The file names in a corpus subfolder, sorted.
    static func corpusFileNames(in folder: String) -> [String] {
        let directory = corpusDirectory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// The descriptions of a schema's diagnostics, for readable failures.
    static func messages(_ schema: ParsedSchema) -> [String] {
        schema.diagnostics.map(\.description)
    }
}
