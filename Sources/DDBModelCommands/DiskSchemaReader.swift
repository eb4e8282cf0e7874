import Conversation
import Foundation
import MySQLSchema
import Requirements

/// Reads schema files from disk for `--schema` and `/import schema`, relative to the working
/// directory. The bytes go to the parser as they are: one that is not UTF-8 (an old latin1 dump)
/// is reported with its line and column.
struct DiskSchemaReader: SchemaFileReading {
    let currentDirectory: URL

    func read(_ paths: [String]) throws(RequirementsError) -> [SchemaSource] {
        var sources: [SchemaSource] = []
        for path in paths {
            let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                throw RequirementsError("Cannot read the schema file \(path): it does not exist.")
            }
            guard !isDirectory.boolValue else {
                throw RequirementsError("\(path) is a folder: name the .sql files, in the order they apply (for example \(path)/*.sql).")
            }
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw RequirementsError("Cannot read the schema file \(path): permission denied.")
            }
            sources.append(SchemaSource(name: path, bytes: [UInt8](data)))
        }
        return sources
    }
}
