import Foundation
import TestSupport

/// Percona Toolkit's pt-query-digest run on a slow log: its classes (fingerprint, count,
/// example), the yardstick our grouping is checked against. Installed by `make test`
/// (scripts/percona-test-deps.sh).
enum PtQueryDigest {
    struct Class: Equatable {
        var fingerprint: String
        var count: Int
        var example: String
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "pt-query-digest was not found: run scripts/percona-test-deps.sh (installs percona-toolkit) or `apt-get install percona-toolkit`."
        }
    }

    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func classes(of log: URL) throws -> [Class] {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pt-query-digest")
            || (try? Command(["sh", "-c", "command -v pt-query-digest"]).run(timeout: 10).status) == 0
        else { throw Missing() }
        let result = try Command(["pt-query-digest", "--output", "json", "--limit", "100%", "--no-version-check", log.path]).run(timeout: 300)
        guard result.status == 0, !result.timedOut else {
            throw Failed(description: "pt-query-digest exited with \(result.status): \(result.errors)")
        }
        guard let json = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
              let classes = json["classes"] as? [[String: Any]]
        else { throw Failed(description: "pt-query-digest printed no classes: \(result.output.prefix(500))") }
        return classes.map { entry in
            let example = (entry["example"] as? [String: Any])?["query"] as? String ?? ""
            let count = (entry["query_count"] as? Int) ?? Int("\(entry["query_count"] ?? "")") ?? -1
            return Class(fingerprint: entry["fingerprint"] as? String ?? "", count: count, example: example)
        }
    }
}
