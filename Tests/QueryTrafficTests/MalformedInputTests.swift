import Foundation
@testable import QueryTraffic
import SeededRandom
import Testing

/// Whatever the bytes, the readers answer with a window or a `TrafficLogError`, never a crash:
/// thousands of inputs glued from the fragments the readers look for, cut anywhere.
@Suite struct MalformedInputTests {
    static let fragments = [
        "# Time: ", "2026-12-05T10:00:0", "261205 10:00:00", "261205  9:", "# User@Host: a[a] @ h []", "# Query_time: 0.1 ",
        "Rows_sent: ", "Rows_examined: 9", "# Thread_id: 3  Schema: ", "Schema:", "use ", "`db`", "SET timestamp=", "1796464800",
        "SET insert_id=1", ";", "\n", "\r\n", "\t", "\t\t     3 ", "Query\t", "Connect\t", "Init DB\t", "Quit\t", " on ", " using ",
        "select ", "'x", "\"", "/*", "*/", "-- c", "#", "# administrator command: Ping", "Tcp port: 0", "Time  Id  Command",
        "mariadbd, Version: 1 started with:", "in (1, 2", "values (", "\u{00E9}", "\u{0}", "ddbmodel-capture\t1\tv\tON\t2\t1",
        "ddbmodel-snapshot\t0\t1.5", "ddbmodel-digest\t0\ts\td\tSELECT ?\t1\t1\t1", "\\", "\\t",
        "# Time: 2026-12-05T10:00:00Z\n# User@Host: a[a] @ h []\nSET timestamp=1796464800;\nselect 1;\n",
        "261205 10:00:00\t     3 Query\tselect 1\n",
    ]

    @Test func randomFragmentsNeverCrashTheReaders() {
        var random = SeededGenerator(seed: 99)
        var windows = 0
        var errors = 0
        for _ in 0..<3000 {
            var text = ""
            for _ in 0..<random.int(0...60) { text += random.pick(Self.fragments) }
            var bytes = Array(text.utf8)
            if !bytes.isEmpty, random.chance(50) { bytes.removeLast(random.below(bytes.count)) }
            let readers: [() throws -> TrafficWindow] = [
                { try QueryLogFiles.read(bytes, name: "x") },
                { try SlowLogReader.read(bytes, name: "x") },
                { try GeneralLogReader.read(bytes, name: "x") },
                { try CaptureOutputReader.read(bytes, name: "x") },
                {
                    try bytes.withUnsafeBufferPointer { buffer in
                        try QueryLogWindow.window(SlowLogReader.groups(buffer, name: "x", parts: 5), source: .slowLog, file: "x")
                    }
                },
            ]
            for read in readers {
                do {
                    let window = try read()
                    #expect(window.statements.allSatisfy { $0.calls > 0 && $0.peakRPS + 1e-9 >= $0.averageRPS })
                    windows += 1
                } catch is TrafficLogError {
                    errors += 1
                } catch {
                    Issue.record("unexpected error type: \(error)")
                }
            }
        }
        #expect(windows > 300)
        #expect(errors > 100)
    }

    @Test func neitherKindOfLog() {
        do {
            _ = try QueryLogFiles.read(Array("Tcp port: 0  Unix socket: x\n\nid,name\n1,x\n".utf8), name: "data.csv")
            Issue.record("expected an error")
        } catch let error as TrafficLogError {
            #expect(error.file == "data.csv")
            #expect(error.line == 3)
            #expect(error.message.hasPrefix("is neither a slow query log nor a general query log"))
            #expect(error.description.hasPrefix("data.csv, line 3: "))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
