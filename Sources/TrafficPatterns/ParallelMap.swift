import Dispatch

/// `map` over every core, for pure per-element work; results keep the elements' order.
enum ParallelMap {
    /// Elements per task: small enough to balance two cores, large enough that scheduling costs
    /// nothing next to the work.
    static let chunk = 512

    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        guard elements.count > chunk else { return elements.map(transform) }
        let results = ResultSlots<Result>(count: elements.count)
        let chunks = (elements.count + chunk - 1) / chunk
        elements.withUnsafeBufferPointer { buffer in
            // The buffer outlives every task: concurrentPerform returns when all have run.
            nonisolated(unsafe) let input = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let range = index * chunk..<min(elements.count, (index + 1) * chunk)
                for position in range { results.set(position, transform(input[position])) }
            }
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

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ position: Int, _ value: Result) {
        slots[position] = value
    }

    func values() -> [Result] {
        (0..<count).map { slots[$0]! }
    }
}
