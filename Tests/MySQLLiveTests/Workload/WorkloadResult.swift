import Foundation
import TestSupport
import MySQLLive
import QueryTraffic

/// One run of `TrafficWorkload` on the main server, sampled by `DigestSampler` meanwhile: what
/// was sent, what the sampler saw, and where the server's query logs of the very same run are
/// (valid while the suite's server runs), for tests that read the run from another source.
struct WorkloadResult: Sendable {
    let workload: TrafficWorkload
    /// The driver's first call and the end of its run, seconds since 1970.
    let start: Double
    let end: Double
    /// Calls sent and rows returned, by statement name (A, B, C).
    let sent: [String: Sent]
    let interval: Double
    let duration: Double
    let snapshots: [TrafficSnapshot]
    let progress: [SamplingProgress]
    /// `SnapshotDeltas.window` of the snapshots.
    let window: TrafficWindow?
    let slowLog: URL
    let generalLog: URL
    /// What the capture script (`CaptureScript`, over the same 60 s, a snapshot every 5 s) printed
    /// through the `mariadb` client while the workload ran.
    let captureOutput: String
    let socket: URL
    let port: Int?

    struct Sent: Sendable, Equatable {
        var calls: Int
        var rows: Int
    }

    /// The measured traffic of the workload statement named `name`, found by its marker.
    func traffic(of name: String) -> StatementTraffic? {
        guard let statement = workload.statements.first(where: { $0.name == name }) else { return nil }
        return window?.statements.first { $0.fingerprint.contains(statement.marker) }
    }
}

/// Runs the standard workload once, when first asked, and hands every caller the same result.
actor SharedWorkload {
    static let interval = 5.0
    static let duration = 60.0

    private let server: MariaDBServer
    private var run: Task<WorkloadResult, any Error>?

    init(server: MariaDBServer) {
        self.server = server
    }

    func result() async throws -> WorkloadResult {
        if let run { return try await run.value }
        let server = self.server
        let task = Task { try await Self.execute(on: server) }
        run = task
        return try await task.value
    }

    /// The sampler over `duration` seconds at `interval`, and the driver starting right after the
    /// first snapshot, each on a thread of its own.
    private static func execute(on server: MariaDBServer) async throws -> WorkloadResult {
        let workload = TrafficWorkload.standard()
        let connection = try MySQLConnection(url: LiveServers.socketURL(server, database: TrafficWorkload.database), password: nil)
        let sampler = try DigestSampler(connection: connection)
        let firstSnapshot = DispatchSemaphore(value: 0)
        let captureStart = DispatchSemaphore(value: 0)
        let socket = server.socket

        async let driven: (start: Double, end: Double, sent: [String: WorkloadResult.Sent]) = onOwnThread {
            // Waits for the sampler's first snapshot, at most 30 s (the sampler failed otherwise).
            guard firstSnapshot.wait(timeout: .now() + 30) == .success else {
                throw DriverConnection.Failure(description: "the sampler took no first snapshot within 30 s")
            }
            let start = Date().timeIntervalSince1970 + 0.1
            let sent = try workload.drive(socket: socket, start: start)
            return (start, start + workload.seconds, sent.mapValues { WorkloadResult.Sent(calls: $0.calls, rows: $0.rows) })
        }
        async let sampled: (snapshots: [TrafficSnapshot], progress: [SamplingProgress]) = onOwnThread {
            var progress: [SamplingProgress] = []
            do {
                let snapshots = try sampler.sample(interval: interval, duration: duration, progress: { step in
                    progress.append(step)
                    if step.snapshotsTaken == 1 {
                        firstSnapshot.signal()
                        captureStart.signal()
                    }
                })
                return (snapshots, progress)
            } catch {
                firstSnapshot.signal()
                captureStart.signal()
                throw error
            }
        }
        async let captured: String = onOwnThread {
            guard captureStart.wait(timeout: .now() + 30) == .success else {
                throw DriverConnection.Failure(description: "the sampler took no first snapshot within 30 s")
            }
            let script = CaptureScript.text(durationSeconds: Int(duration), intervalSeconds: Int(interval))
            return try server.runBatch(script, timeLimit: Int(duration) + 60)
        }
        let (driver, sampling, capture) = try await (driven, sampled, captured)
        return WorkloadResult(
            workload: workload, start: driver.start, end: driver.end, sent: driver.sent, interval: interval,
            duration: duration, snapshots: sampling.snapshots, progress: sampling.progress,
            window: SnapshotDeltas.window(from: sampling.snapshots, source: .performanceSchema, requestedSeconds: duration),
            slowLog: server.slowLog, generalLog: server.generalLog, captureOutput: capture, socket: server.socket, port: server.port)
    }
}
