import Foundation

/// Runs Percona Toolkit's pt-query-digest on a slow log, as the yardstick the reader is timed
/// against and checked by.
enum PtQueryDigest {
    /// Seconds pt-query-digest took and its call count per fingerprint.
    static func run(on path: String) throws -> (seconds: Double, counts: [String: Int]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pt-query-digest", "--output", "json", "--limit", "100%", "--no-version-check", path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = Date()
        do {
            try process.run()
        } catch {
            throw BenchError.ptQueryDigest("cannot start it (\(error)); install percona-toolkit (apt-get install percona-toolkit)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        guard process.terminationStatus == 0 else {
            throw BenchError.ptQueryDigest("exited with status \(process.terminationStatus); is percona-toolkit installed?")
        }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let classes = json["classes"] as? [[String: Any]]
        else { throw BenchError.ptQueryDigest("its JSON output has no classes") }
        var counts: [String: Int] = [:]
        for entry in classes {
            guard let fingerprint = entry["fingerprint"] as? String else { continue }
            let count = (entry["query_count"] as? Int) ?? Int("\(entry["query_count"] ?? "")") ?? 0
            counts[fingerprint, default: 0] += count
        }
        return (seconds, counts)
    }
}
