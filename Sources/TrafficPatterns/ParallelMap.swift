import Dispatch

/// `map` over every core, for pure per-element work; results keep the elements' order.
enum ParallelMap {
    /// Elements per task: small enough to balance two cores, large enough that scheduling costs
    /// nothing next to the work.
    static let chunk = 512

    /// `transform` of every position in `0..<count`, in order. Positions rather than elements:
    /// the transform reads the fields it needs in place, without copying whole elements.
    static func map<Result: Sendable>(count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        guard count > chunk else { return (0..<count).map(transform) }
        let results = ResultSlots<Result>(count: count)
        let chunks = (count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { index in
            for position in index * chunk..<min(count, (index + 1) * chunk) { results.set(position, transform(position)) }
        }
        return results.values()
    }
}

/// One slot per result, each written by exactly one task: no two tasks touch the same slot, so
/// no lock is needed. Raw memory rather than an array: an array property would be checked for
/// exclusive access on every write, and concurrent writes would trip that check.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result?>
    private let count: Int
    /// Whether `values()` moved the results out (the slots are then uninitialized).
    private var moved = false

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        if !moved { slots.deinitialize(count: count) }
        slots.deallocate()
    }

    func set(_ position: Int, _ value: Result) {
        slots[position] = value
    }

    /// The results, moved out rather than copied: called once, after every task has finished.
    func values() -> [Result] {
        moved = true
        return (0..<count).map { position in
            guard let value = (slots + position).move() else { preconditionFailure("no result at \(position)") }
            return value
        }
    }
}
