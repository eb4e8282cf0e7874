import Conversation
import Foundation
import MySQLLive
import MySQLSchema
import QueryTraffic
import Requirements

/// Reads measured traffic for `--query-log`, `--capture`, `--mysql` and the session's
/// `/import log|capture|mysql`: files relative to the working directory, servers through
/// `LiveServerImport`. Every failure becomes one sentence the user can act on.
struct DiskTrafficReader: TrafficReading {
    let currentDirectory: URL
    let errors: StandardStream

    func readQueryLogs(_ paths: [String]) throws(RequirementsError) -> TrafficWindow {
        let resolved = try paths.map { path throws(RequirementsError) in try existingFile(path, what: "query log") }
        do {
            return try QueryLogFiles.read(paths: resolved)
        } catch let error as TrafficLogError {
            throw RequirementsError(error.description.replacingOccurrences(of: currentDirectory.path + "/", with: ""))
        } catch {
            throw RequirementsError("The query logs could not be read: \(error)")
        }
    }

    func readCapture(_ path: String) throws(RequirementsError) -> TrafficWindow {
        let file = try existingFile(path, what: "capture output")
        guard let data = FileManager.default.contents(atPath: file) else {
            throw RequirementsError("Cannot read the capture output \(path): permission denied.")
        }
        do {
            return try CaptureOutputReader.read([UInt8](data), name: path)
        } catch let error as TrafficLogError {
            throw RequirementsError(error.description)
        } catch {
            throw RequirementsError("The capture output \(path) could not be read: \(error)")
        }
    }

    func readServer(_ url: String, sampleSeconds: Double?) throws(RequirementsError) -> (schema: ParsedSchema, traffic: TrafficWindow?) {
        do throws(MySQLLiveError) {
            return try LiveServerImport(errors: errors).read(url, sampleSeconds: sampleSeconds)
        } catch {
            throw RequirementsError(error.message)
        }
    }

    /// The absolute path of a file that exists and is not a folder.
    private func existingFile(_ path: String, what: String) throws(RequirementsError) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: currentDirectory).standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw RequirementsError("Cannot read the \(what) \(path): it does not exist.")
        }
        guard !isDirectory.boolValue else { throw RequirementsError("\(path) is a folder: name the \(what) file itself.") }
        return url.path
    }
}
