/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", 2014):
/// tiny, seeded, and independent of the standard library's algorithms, so a benchmark's
/// generated input and a test's "random" cases are the same on every run, machine and Swift
/// version, and a failure replays from its seed.
///
/// The one seeded generator of the package: the benchmarks build their inputs with it and the
/// tests their generated cases. The state starts at the seed itself, so a seed written in a
/// test or a benchmark keeps naming the same sequence.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound`: the next value modulo `bound` (the bias is irrelevant here, and
    /// the simple rule keeps every recorded sequence what it was).
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// A value in `range`, by the same rule as `below`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + below(range.count)
    }

    /// True `percent` times in a hundred.
    public mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    /// One of `items`, each equally likely.
    public mutating func pick<Element>(_ items: [Element]) -> Element {
        items[below(items.count)]
    }
}
