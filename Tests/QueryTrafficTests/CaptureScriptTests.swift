import Foundation
import TestSupport
import QueryTraffic
import Testing

/// The capture script's text, its output read back, and the two together on a real server.
@Suite(.serialized) struct CaptureScriptTests {
    @Test func scriptIsReadOnlyAndCoversTheDuration() {
        let script = CaptureScript.text(durationSeconds: 600, intervalSeconds: 10)
        let statements = script.split(separator: "\n").filter { !$0.hasPrefix("--") }
        #expect(statements.first == "SET SESSION TRANSACTION READ ONLY;")
        #expect(statements.filter { $0.hasPrefix("SELECT 'ddbmodel-snapshot'") }.count == 61)
        #expect(statements.filter { $0 == "DO SLEEP(10);" }.count == 60)
        for statement in statements {
            let verb = statement.split(separator: " ").first.map(String.init) ?? ""
            #expect(["SET", "SELECT", "DO"].contains(verb), "\(statement)")
        }
        #expect(statements.filter { $0.hasPrefix("SET") } == ["SET SESSION TRANSACTION READ ONLY;"])
        #expect(CaptureScript.snapshotCount(durationSeconds: 4, intervalSeconds: 1) == 5)
        #expect(CaptureScript.snapshotCount(durationSeconds: 25, intervalSeconds: 10) == 4)
    }

    static func output(_ rows: [String]) -> [UInt8] {
        Array((rows.joined(separator: "\n") + "\n").utf8)
    }

    static let header = "ddbmodel-capture\t1\t10.11.19-MariaDB\tON\t2\t1"

    @Test func outputReadIntoWindow() throws {
        let window = try CaptureOutputReader.read(Self.output([
            Self.header,
            "ddbmodel-snapshot\t0\t1796464800.000000",
            "ddbmodel-digest\t0\tshop\taaa\tSELECT * FROM `orders` WHERE `id` = ?\t100\t100\t100",
            "ddbmodel-digest\t0\t\tbbb\tSELECT ?\t5\t5\t0",
            "ddbmodel-snapshot\t1\t1796464801.000000",
            "ddbmodel-digest\t1\tshop\taaa\tSELECT * FROM `orders` WHERE `id` = ?\t130\t130\t130",
            "ddbmodel-digest\t1\tshop\tccc\tINSERT INTO `notes` VALUES (?) /* tab\\there\\nnew line \\\\ */\t4\t0\t0",
            "ddbmodel-digest\t1\t\tddd\tDO `SLEEP` (?)\t1\t0\t0",
            "ddbmodel-snapshot\t2\t1796464802.000000",
            "ddbmodel-digest\t2\tshop\taaa\tSELECT * FROM `orders` WHERE `id` = ?\t140\t140\t150",
            "ddbmodel-digest\t2\tshop\tccc\tINSERT INTO `notes` VALUES (?) /* tab\\there\\nnew line \\\\ */\t4\t0\t0",
            "ddbmodel-capture-end\t3",
        ]), name: "capture.tsv")
        #expect(window.source == .capture)
        #expect(window.seconds == 2)
        #expect(window.requestedSeconds == 2)
        #expect(window.statements.map(\.calls) == [40, 4])
        let select = window.statements[0]
        #expect(select.schema == "shop")
        #expect(select.peakRPS == 30)
        #expect(select.averageRPS == 20)
        #expect(select.rowsExaminedPerCall == 50.0 / 40.0)
        #expect(window.statements[1].fingerprint == "INSERT INTO `notes` VALUES (?) /* tab\there\nnew line \\ */")
    }

    static func readError(_ rows: [String]) -> TrafficLogError? {
        do {
            _ = try CaptureOutputReader.read(output(rows), name: "capture.tsv")
            return nil
        } catch let error as TrafficLogError {
            return error
        } catch {
            return nil
        }
    }

    @Test func clearErrors() {
        let notCapture = Self.readError(["id\tname", "1\tx"])
        #expect(notCapture?.message.contains("is not the output of ddbmodel's capture script") == true)
        #expect(notCapture?.line == 1)

        let oneSnapshot = Self.readError([Self.header, "ddbmodel-snapshot\t0\t1796464800.0", "ddbmodel-digest\t0\t\ta\tSELECT ?\t1\t1\t0"])
        #expect(oneSnapshot?.message == "the capture stopped after the first snapshot: run it for the whole duration")

        let off = Self.readError(["ddbmodel-capture\t1\t8.0.36\tOFF\t2\t1", "ddbmodel-performance-schema-off"])
        #expect(off?.message.contains("performance_schema=ON") == true)
        #expect(off?.message.contains("restart") == true)

        let stray = Self.readError([Self.header, "ddbmodel-snapshot\t0\t1796464800.0", "ERROR 1142 (42000): SELECT command denied"])
        #expect(stray?.line == 3)

        let badDigest = Self.readError([Self.header, "ddbmodel-digest\t5\t\ta\tSELECT ?\t1\t1\t0"])
        #expect(badDigest?.line == 2)

        do {
            _ = try CaptureOutputReader.read([], name: "capture.tsv")
            Issue.record("expected an error")
        } catch let error as TrafficLogError {
            #expect(error.message.contains("is empty"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// The script run by the `mariadb` client against a server with performance_schema on,
    /// while known statements run a known number of times between its first and last snapshot.
    @Test func capturedFromARealServer() throws {
        let server = try MariaDBServer.start(.init(performanceSchema: .on))
        defer { server.stop() }
        try server.query("CREATE DATABASE shop; CREATE TABLE shop.orders (id INT PRIMARY KEY, status VARCHAR(20))")
        try server.query("INSERT INTO orders VALUES (1, 'new'), (2, 'new'), (3, 'new')", database: "shop")

        let script = server.root.appendingPathComponent("capture.sql")
        try CaptureScript.text(durationSeconds: 4, intervalSeconds: 1).write(to: script, atomically: true, encoding: .utf8)
        let capture = try server.startBatch(script)
        defer { capture.stop(firstSignal: SIGTERM, grace: 2) }
        #expect(capture.waitForOutput(containing: "ddbmodel-snapshot\t0\t", timeout: 20), "no first snapshot: \(capture.errors())")
        try server.query((1...9).map { "SELECT status FROM orders WHERE id = \($0 % 3 + 1)" }.joined(separator: "; "), database: "shop")
        try server.query((1...5).map { "UPDATE orders SET status = 's\($0)' WHERE id = 2" }.joined(separator: "; "), database: "shop")
        #expect(capture.waitForExit(timeout: 30))
        #expect(capture.status == 0, "\(capture.errors())")

        let window = try CaptureOutputReader.read(Array(capture.output().utf8), name: "capture.tsv")
        #expect(window.source == .capture)
        #expect(window.requestedSeconds == 4)
        #expect(window.seconds > 3.5 && window.seconds < 6)
        #expect(abs(window.peakIntervalSeconds - 1) < 0.5)
        let select = try #require(window.statements.first { $0.fingerprint.hasPrefix("SELECT STATUS FROM `orders` WHERE ID = ?") })
        #expect(select.calls == 9)
        #expect(select.schema == "shop")
        let update = try #require(window.statements.first { $0.fingerprint.hasPrefix("UPDATE `orders` SET STATUS = ? WHERE ID = ?") })
        #expect(update.calls == 5)
        // The capture's own statements are not traffic.
        #expect(!window.statements.contains { $0.fingerprint.contains("events_statements_summary_by_digest") || $0.fingerprint.contains("SLEEP") })
    }
}
