import Foundation
import MySQLSchema

/// The SQL files this suite loads: `Fixtures/schema.sql`, then `Fixtures/migrations/*.sql` in
/// file-name order (001_, 002_, ...).
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let schema = folder.appendingPathComponent("schema.sql")

    static func migrations() throws -> [URL] {
        let folder = folder.appendingPathComponent("migrations")
        return try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "sql" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// schema.sql and the migrations, in the order they are applied.
    static func filesInOrder() throws -> [URL] { try [schema] + migrations() }

    /// The same files as parser sources, named by their path under Fixtures/ (as diagnostics cite them).
    static func sourcesInOrder() throws -> [SchemaSource] {
        try filesInOrder().map { file in
            let name = String(file.path.dropFirst(folder.path.count + 1))
            return SchemaSource(name: name, text: try String(contentsOf: file, encoding: .utf8))
        }
    }
}
