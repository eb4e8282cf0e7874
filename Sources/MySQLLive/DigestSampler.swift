import QueryTraffic

/// Samples a digest source at a fixed interval over a window: the snapshots
/// `SnapshotDeltas.window(from:source:requestedSeconds:)` turns into average and peak RPS.
///
/// The first snapshot is taken at once, then one every `interval` seconds, the last at the end
/// of the window (closer than `interval` to the one before when `duration` is not a multiple of
/// it). While waiting it asks `shouldStop` at least every 0.2 s; once that says yes (Ctrl-C), it
/// takes one last snapshot and returns, and the window is shorter than asked
/// (`TrafficWindow.endedEarly`). Each snapshot's time is the local clock's midpoint of its query.
public struct DigestSampler: Sendable {
    public let source: any DigestSnapshotSource
    public let clock: any SamplingClock

    /// The longest wait between two looks at `shouldStop`.
    public static let pollSeconds = 0.2

    public init(source: any DigestSnapshotSource, clock: any SamplingClock = SystemSamplingClock()) {
        self.source = source
        self.clock = clock
    }

    /// Samples performance_schema for the connection's database, after checking that the server
    /// keeps digests (`PerformanceSchemaDigests.check`).
    public init(connection: MySQLConnection, clock: any SamplingClock = SystemSamplingClock()) throws(MySQLLiveError) {
        self.init(source: try PerformanceSchemaDigests(connection: connection), clock: clock)
    }

    /// - Parameters:
    ///   - interval: seconds between snapshots (the interval the peak RPS is measured over).
    ///   - duration: the window's length asked for.
    ///   - progress: called after each snapshot.
    ///   - shouldStop: true ends the window early.
    /// - Returns: at least two snapshots, oldest first.
    public func sample(
        interval: Double, duration: Double, progress: (SamplingProgress) -> Void = { _ in },
        shouldStop: () -> Bool = { false }
    ) throws(MySQLLiveError) -> [TrafficSnapshot] {
        let result = try sampleKeepingWhatWasMeasured(interval: interval, duration: duration, progress: progress, shouldStop: shouldStop)
        if let failure = result.stoppedBy { throw failure }
        return result.snapshots
    }

    /// Like `sample`, but a snapshot that fails once the first has been taken (a lost
    /// connection, a timeout) ends the window there instead of discarding it: minutes of
    /// sampling are not thrown away for the last snapshot's sake. The failure comes back with the
    /// snapshots taken before it; a failing first snapshot is thrown (nothing was measured).
    public func sampleKeepingWhatWasMeasured(
        interval: Double, duration: Double, progress: (SamplingProgress) -> Void = { _ in },
        shouldStop: () -> Bool = { false }
    ) throws(MySQLLiveError) -> (snapshots: [TrafficSnapshot], stoppedBy: MySQLLiveError?) {
        guard interval > 0, duration > 0, interval.isFinite, duration.isFinite else {
            throw .invalidSampling("the interval (\(interval) s) and the duration (\(duration) s) must be positive")
        }
        let start = clock.now()
        let end = start + duration
        var snapshots = [try snapshot()]
        var tracker = DistinctStatements(baseline: snapshots[0])
        progress(SamplingProgress(secondsLeft: duration, snapshotsTaken: 1, distinctStatements: 0))
        var next = start
        while true {
            next = min(next + interval, end)
            let stopped = wait(until: next, shouldStop: shouldStop)
            let taken: TrafficSnapshot
            do throws(MySQLLiveError) {
                taken = try snapshot()
            } catch {
                return (snapshots, error)
            }
            snapshots.append(taken)
            tracker.add(taken)
            progress(SamplingProgress(secondsLeft: stopped ? 0 : max(0, end - clock.now()), snapshotsTaken: snapshots.count,
                                      distinctStatements: tracker.count))
            if stopped || next >= end { return (snapshots, nil) }
        }
    }

    /// Waits until `time`; true when `shouldStop` said yes first.
    private func wait(until time: Double, shouldStop: () -> Bool) -> Bool {
        while true {
            if shouldStop() { return true }
            let now = clock.now()
            if now >= time { return false }
            clock.sleep(seconds: min(Self.pollSeconds, time - now))
        }
    }

    private func snapshot() throws(MySQLLiveError) -> TrafficSnapshot {
        let before = clock.now()
        let digests = try source.digests()
        let after = clock.now()
        return TrafficSnapshot(time: (before + after) / 2, digests: digests)
    }
}

/// Where a sampling window stands, after each snapshot.
public struct SamplingProgress: Sendable, Equatable {
    /// Seconds until the window ends (0 after the last snapshot).
    public var secondsLeft: Double
    /// Snapshots taken so far, the first included.
    public var snapshotsTaken: Int
    /// Distinct statements (digests) that ran since the first snapshot.
    public var distinctStatements: Int

    public init(secondsLeft: Double, snapshotsTaken: Int, distinctStatements: Int) {
        self.secondsLeft = secondsLeft
        self.snapshotsTaken = snapshotsTaken
        self.distinctStatements = distinctStatements
    }
}

/// The digests whose call count moved since the first snapshot.
private struct DistinctStatements {
    let baseline: [String: Int]
    var moved = Set<String>()

    init(baseline: TrafficSnapshot) {
        var calls: [String: Int] = [:]
        for counters in baseline.digests { calls[counters.key] = counters.calls }
        self.baseline = calls
    }

    var count: Int { moved.count }

    mutating func add(_ snapshot: TrafficSnapshot) {
        for counters in snapshot.digests where counters.calls != baseline[counters.key] {
            moved.insert(counters.key)
        }
    }
}
