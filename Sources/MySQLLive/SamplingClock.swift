import Foundation

/// The clock the sampler reads and waits on; tests inject one that advances only when waited on.
public protocol SamplingClock: Sendable {
    /// Seconds since 1970 (UTC).
    func now() -> Double
    /// Blocks for about `seconds` (never more than the sampler asks: it asks for at most 0.2 s).
    func sleep(seconds: Double)
}

/// The machine's wall clock. Snapshot times are taken from this local clock, not the server's:
/// only the differences between snapshots matter (they give the rates), and the local clock
/// needs no query.
public struct SystemSamplingClock: SamplingClock {
    public init() {}

    public func now() -> Double { Date().timeIntervalSince1970 }

    public func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}
