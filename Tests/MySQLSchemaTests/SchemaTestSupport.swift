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

/// A small deterministic generator (SplitMix64), so random tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
