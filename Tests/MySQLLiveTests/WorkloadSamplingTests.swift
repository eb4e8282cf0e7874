import Foundation
import MySQLLive
import QueryTraffic
import Testing

extension LiveServerTests {
    /// The standard workload (A at 40/s, B at 5/s for 59 s, a burst of 200 C calls at 30 s)
    /// sampled from performance_schema every 5 s over 60 s.
    ///
    /// Tolerances: A's and B's average RPS within ±15% of the rate sent (the window is the 60 s
    /// between the first and the last snapshot, the driver sends for 59 s of it, so A's exact
    /// average is 39.3/s); C's calls exactly 200; C's peak is taken over one 5-s interval, so the
    /// burst shows as about 200 / 5 = 40/s: asserted at least 200 / (interval + 0.5 s), which
    /// allows one snapshot's lateness, and at least 5 times C's average (200 / 60 = 3.3/s).
    /// The driver's last call is due 0.9 s before the last snapshot; on a machine busy with other
    /// tests it may fall up to a second behind, so A's and B's measured calls may miss that last
    /// second's calls (at most 40 and 5); C's burst is in the middle and is counted exactly.
    @Test("A known workload is measured within tolerance: average, peak and rows per call")
    func workloadMeasured() async throws {
        let run = try await LiveServers.workload()
        let window = try #require(run.window)
        #expect(run.sent["A"] == .init(calls: 2360, rows: 2360 * 3))
        #expect(run.sent["B"]?.calls == 295)
        #expect(run.sent["C"]?.calls == 200)

        #expect(window.source == .performanceSchema)
        #expect(!window.endedEarly)
        #expect(abs(window.seconds - SharedWorkload.duration) < 1.5, "window \(window.seconds) s")
        #expect(run.snapshots.count == 13)
        #expect(abs(window.peakIntervalSeconds - SharedWorkload.interval) < 0.2)

        let a = try #require(run.traffic(of: "A"), "\(window.statements.map(\.fingerprint))")
        #expect(abs(a.averageRPS - 40) <= 40 * 0.15, "A: \(a.averageRPS)/s")
        #expect((2360 - 40)...2360 ~= a.calls, "A: \(a.calls) calls")
        #expect(a.rowsSentPerCall == 3)
        #expect(a.schema == TrafficWorkload.database)

        let b = try #require(run.traffic(of: "B"))
        #expect(abs(b.averageRPS - 5) <= 5 * 0.15, "B: \(b.averageRPS)/s")
        #expect((295 - 5)...295 ~= b.calls, "B: \(b.calls) calls")
        #expect(b.rowsSentPerCall == 0)

        let c = try #require(run.traffic(of: "C"))
        #expect(c.calls == 200)
        #expect(c.peakRPS >= 200 / (SharedWorkload.interval + 0.5), "C peak \(c.peakRPS)/s")
        #expect(c.peakRPS >= 5 * c.averageRPS, "C peak \(c.peakRPS)/s, average \(c.averageRPS)/s")
        #expect(c.intervalCalls.count <= 2)
        #expect(c.rowsSentPerCall == 1)

        // The sampler's own snapshot query is not among the statements.
        #expect(!window.statements.contains { $0.fingerprint.contains("performance_schema") })
        // Progress after each snapshot: counting down to 0, the three statements seen.
        #expect(run.progress.map(\.snapshotsTaken) == Array(1...13))
        #expect(run.progress.last?.secondsLeft == 0)
        #expect((run.progress.last?.distinctStatements ?? 0) >= 3)
    }

    @Test("The workload's run leaves its slow and general logs for other sources to read")
    func workloadLogs() async throws {
        let run = try await LiveServers.workload()
        let slow = try String(contentsOf: run.slowLog, encoding: .utf8)
        let general = try String(contentsOf: run.generalLog, encoding: .utf8)
        #expect(slow.contains("UPDATE counters SET hits = hits + 1 WHERE id = "))
        #expect(general.contains("SELECT name, price FROM items WHERE id = "))
        #expect(run.end - run.start == run.workload.seconds)
    }
}

extension LiveServerTests {
    /// What docs/mysql-traffic.md says of stored programs: a CALL is one digest, counted per call;
    /// the statements inside the procedure are not summarised by digest (MariaDB).
    @Test("A stored procedure's calls are sampled as its CALL digest, not its inner statements")
    func storedProcedureStatements() async throws {
        let server = try LiveServers.mainServer()
        let source = try PerformanceSchemaDigests(connection: MySQLConnection(url: LiveServers.socketURL(server), password: nil))
        let before = TrafficSnapshot(time: 0, digests: try source.digests())
        let driver = try DriverConnection(socket: server.socket, database: ShopSchema.database)
        for customer in 1...3 { try driver.execute("CALL orders_of(\(customer))") }
        // The server adds a statement to the digest summary after the client has its answer; the
        // thread's next statement starts only once that is done.
        try driver.execute("DO 0")
        let after = TrafficSnapshot(time: 1, digests: try source.digests())
        let window = try #require(SnapshotDeltas.window(from: [before, after], source: .performanceSchema, requestedSeconds: nil))
        let call = try #require(window.statements.first { $0.fingerprint.hasPrefix("CALL") }, "\(window.statements.map(\.fingerprint))")
        #expect(call.calls == 3)
        #expect(!window.statements.contains { $0.fingerprint.contains("`who`") })
    }
}
