import QueryTraffic

/// Where the sampler reads cumulative per-digest counters from: performance_schema on a live
/// server (`PerformanceSchemaDigests`), or a scripted source in tests.
public protocol DigestSnapshotSource: Sendable {
    /// Every digest's counters now.
    func digests() throws(MySQLLiveError) -> [DigestCounters]
}
