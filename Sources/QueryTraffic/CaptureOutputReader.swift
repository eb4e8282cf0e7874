/// Reads what the `mysql`/`mariadb` client printed while running `CaptureScript` in batch mode
/// (`-B -N`): tab-separated rows, each starting with a marker word, with tabs, newlines,
/// backslashes and NUL inside values escaped by the client as `\t`, `\n`, `\\` and `\0`.
///
/// The snapshots become a window through `SnapshotDeltas` (the capture's own statements left
/// out). A digest's key is its schema and DIGEST (`shop/3f2a…`), as performance_schema keeps one
/// row per schema and digest.
public enum CaptureOutputReader {
    /// - Parameter name: the file's name, for error messages.
    public static func read(_ bytes: [UInt8], name: String) throws -> TrafficWindow {
        var requestedSeconds: Double?
        var sawHeader = false
        var times: [Int: Double] = [:]
        var digests: [Int: [DigestCounters]] = [:]
        var lineNumber = 0
        var start = 0

        func fail(_ message: String, line: Int? = nil) -> TrafficLogError {
            TrafficLogError(file: name, line: line, message: message)
        }

        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            defer { start = end + 1 }
            var lineEnd = end
            if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
            guard lineEnd > start else { continue }
            let fields = splitFields(bytes[start..<lineEnd])
            let marker = fields[0]
            if !sawHeader {
                guard marker == CaptureScript.Marker.header else {
                    throw fail(
                        "is not the output of ddbmodel's capture script: expected a first row starting with `\(CaptureScript.Marker.header)` (run the script with `mysql -B -N`); found “\(String(decoding: bytes[start..<min(lineEnd, start + 80)], as: UTF8.self))”",
                        line: lineNumber
                    )
                }
                sawHeader = true
                guard fields.count >= 6, Int(fields[1]) == CaptureScript.formatVersion else {
                    throw fail("the header row is not one this version of ddbmodel writes: generate the capture script again with `ddbmodel capture-script`", line: lineNumber)
                }
                if fields[3] == "OFF" { throw performanceSchemaOff(name) }
                requestedSeconds = Double(fields[4])
                continue
            }
            switch marker {
            case CaptureScript.Marker.performanceSchemaOff:
                throw performanceSchemaOff(name)
            case CaptureScript.Marker.snapshot:
                guard fields.count == 3, let snapshot = Int(fields[1]), let time = Double(fields[2]) else {
                    throw fail("expected `\(marker)`, the snapshot's number and its time", line: lineNumber)
                }
                times[snapshot] = time
            case CaptureScript.Marker.digest:
                guard fields.count == 8, let snapshot = Int(fields[1]), times[snapshot] != nil,
                      let calls = Int(fields[5]), let sent = Int(fields[6]), let examined = Int(fields[7])
                else {
                    throw fail("expected `\(marker)`, a snapshot number already begun, schema, digest, digest text and three counts", line: lineNumber)
                }
                let text = fields[4]
                if isCaptureOwnStatement(text) { continue }
                let schema = fields[2].isEmpty ? nil : fields[2]
                digests[snapshot, default: []].append(
                    DigestCounters(key: "\(fields[2])/\(fields[3])", schema: schema, digestText: text, calls: calls, rowsSent: sent, rowsExamined: examined)
                )
            case CaptureScript.Marker.end:
                continue
            default:
                throw fail("expected a row starting with a `ddbmodel-` marker; found “\(String(decoding: bytes[start..<min(lineEnd, start + 80)], as: UTF8.self))”", line: lineNumber)
            }
        }
        guard sawHeader else {
            throw fail(bytes.isEmpty ? "is empty: run the capture script with `mysql -B -N … < capture.sql > capture.tsv` and give its output" : "is not the output of ddbmodel's capture script")
        }
        let snapshots = times.sorted { $0.key < $1.key }.map { TrafficSnapshot(time: $0.value, digests: digests[$0.key] ?? []) }
        guard snapshots.count >= 2 else {
            throw fail(snapshots.isEmpty
                ? "holds no snapshot: the capture stopped before its first snapshot; run it again for the whole duration"
                : "the capture stopped after the first snapshot: run it for the whole duration")
        }
        guard let window = SnapshotDeltas.window(from: snapshots, source: .capture, requestedSeconds: requestedSeconds) else {
            throw fail("its snapshots were all taken at the same time: run the capture script again for the whole duration")
        }
        return window
    }

    private static func performanceSchemaOff(_ name: String) -> TrafficLogError {
        TrafficLogError(
            file: name, line: nil,
            message: "performance_schema is off on that server, so it counted no statements. Turn it on with `performance_schema=ON` under [mysqld] in my.cnf and restart the server, let the application run, then run the capture script again."
        )
    }

    /// The capture's own statements (as MySQL and MariaDB write their digests, backquotes
    /// aside), left out of the traffic.
    static func isCaptureOwnStatement(_ digestText: String) -> Bool {
        let text = digestText.replacingBackquotes()
        return text.contains("events_statements_summary_by_digest") || text.hasPrefix("DO SLEEP") || text.contains("@@performance_schema")
            || text.hasPrefix("SET SESSION TRANSACTION READ ONLY") || text.contains("UNIX_TIMESTAMP ( NOW") || text.contains("UNIX_TIMESTAMP(NOW")
    }

    /// The row's tab-separated fields, each unescaped.
    private static func splitFields(_ line: ArraySlice<UInt8>) -> [String] {
        var fields: [String] = []
        var field: [UInt8] = []
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == 0x09 {
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            } else if byte == 0x5C, index + 1 < line.endIndex {
                index += 1
                switch line[index] {
                case 0x74: field.append(0x09)
                case 0x6E: field.append(0x0A)
                case 0x30: field.append(0x00)
                default: field.append(line[index])
                }
            } else {
                field.append(byte)
            }
            index += 1
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }
}

private extension String {
    func replacingBackquotes() -> String {
        String(unicodeScalars.filter { $0 != "`" })
    }
}
