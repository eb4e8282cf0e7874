/// Turns snapshots of cumulative per-digest counters (performance_schema's
/// `events_statements_summary_by_digest`, live or from the capture script's output) into the
/// traffic of each digest over the window between the first and the last snapshot.
///
/// The counters only grow, so the calls in an interval are the difference between two
/// snapshots. A digest missing from the first snapshot first ran during the window (its count
/// before was zero). A counter that went down was reset (`TRUNCATE` of the summary table, a
/// restart): the calls since the reset are its new value.
public enum SnapshotDeltas {
    /// - Parameters:
    ///   - snapshots: in any order; at least two are needed to measure anything.
    ///   - requestedSeconds: the window asked for, so a window ended early shows as such.
    /// - Returns: nil when there are fewer than two snapshots at different times.
    public static func window(
        from snapshots: [TrafficSnapshot], source: TrafficSource, requestedSeconds: Double?
    ) -> TrafficWindow? {
        let ordered = snapshots.sorted { $0.time < $1.time }
        guard let first = ordered.first, let last = ordered.last, last.time > first.time else { return nil }
        let length = last.time - first.time
        let intervals = ordered.count - 1

        var accumulators: [String: Accumulator] = [:]
        var previous: [String: DigestCounters] = [:]
        for counters in first.digests { previous[counters.key] = counters }
        for index in 1..<ordered.count {
            let snapshot = ordered[index]
            let seconds = snapshot.time - ordered[index - 1].time
            var current: [String: DigestCounters] = [:]
            for counters in snapshot.digests {
                current[counters.key] = counters
                let before = previous[counters.key]
                let calls = difference(counters.calls, before?.calls)
                guard calls > 0 else { continue }
                var accumulator = accumulators[counters.key] ?? Accumulator(latest: counters)
                accumulator.latest = counters
                accumulator.calls += calls
                accumulator.rowsSent += difference(counters.rowsSent, before?.rowsSent)
                accumulator.rowsExamined += difference(counters.rowsExamined, before?.rowsExamined)
                accumulator.intervalCalls.append(IntervalCalls(interval: index - 1, calls: calls))
                if seconds > 0 { accumulator.peakRPS = max(accumulator.peakRPS, Double(calls) / seconds) }
                accumulators[counters.key] = accumulator
            }
            // A digest evicted from the summary table keeps its last counters as the baseline.
            for (key, counters) in previous where current[key] == nil { current[key] = counters }
            previous = current
        }

        let statements = accumulators.values.map { accumulator in
            StatementTraffic(
                fingerprint: accumulator.latest.digestText,
                example: accumulator.latest.digestText,
                schema: accumulator.latest.schema,
                calls: accumulator.calls,
                averageRPS: Double(accumulator.calls) / length,
                peakRPS: accumulator.peakRPS,
                rowsSentPerCall: Double(accumulator.rowsSent) / Double(accumulator.calls),
                rowsExaminedPerCall: Double(accumulator.rowsExamined) / Double(accumulator.calls),
                intervalCalls: accumulator.intervalCalls
            )
        }.sorted(by: TrafficOrder.busiestFirst)
        return TrafficWindow(
            source: source, start: first.time, end: last.time, requestedSeconds: requestedSeconds,
            peakIntervalSeconds: length / Double(intervals), statements: statements
        )
    }

    /// The growth of a cumulative counter; a counter that went down was reset to zero since.
    static func difference(_ now: Int, _ before: Int?) -> Int {
        guard let before else { return now }
        return now >= before ? now - before : now
    }

    private struct Accumulator {
        var latest: DigestCounters
        var calls = 0
        var rowsSent = 0
        var rowsExamined = 0
        var peakRPS = 0.0
        var intervalCalls: [IntervalCalls] = []

        init(latest: DigestCounters) {
            self.latest = latest
        }
    }
}

/// The one order statements are listed in, whatever their source: most calls first, then by
/// fingerprint and schema, so the same traffic always lists the same way.
public enum TrafficOrder {
    public static func busiestFirst(_ left: StatementTraffic, _ right: StatementTraffic) -> Bool {
        if left.calls != right.calls { return left.calls > right.calls }
        if left.fingerprint != right.fingerprint { return left.fingerprint < right.fingerprint }
        return (left.schema ?? "") < (right.schema ?? "")
    }
}
