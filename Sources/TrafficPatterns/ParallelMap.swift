import Dispatch

/// `map` over every core, for pure per-element work; results keep the elements' order.
enum ParallelMap {
    /// Elements per task: small enough to balance two cores, large enough that scheduling costs
    /// nothing next to the work.
    static let chunk = 512

    /// `transform` of every position in `0..<count`, in order. Positions rather than elements:
    /// the transform reads the fields it needs in place, without copying whole elements.
    static func map<Result: Sendable>(count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        let results = Slots<Result>(count: count)
        forEach(count: count) { results.put($0, transform($0)) }
        return (0..<count).map { results.take($0) }
    }

    /// Runs `body` for every position in `0..<count`, on every core when there are enough.
    static func forEach(count: Int, _ body: @Sendable (Int) -> Void) {
        guard count > chunk else {
            for position in 0..<count { body(position) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: (count + chunk - 1) / chunk) { index in
            for position in index * chunk..<min(count, (index + 1) * chunk) { body(position) }
        }
    }
}

/// One slot per position, each written once and taken (moved out) at most once, each by exactly
/// one task: no two tasks touch the same slot, so no lock is needed. Raw memory rather than an
/// array: an array property would be checked for exclusive access on every write, and
/// concurrent writes would trip that check; and taking moves a value out without the copy and
/// the release that reading it would cost.
final class Slots<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        // Slots taken hold nil again, so every slot is initialized here.
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func put(_ position: Int, _ value: Value) {
        slots[position] = value
    }

    /// The value at `position`, moved out; the slot is empty afterwards.
    func take(_ position: Int) -> Value {
        guard let value = (slots + position).move() else { preconditionFailure("slot \(position) is empty") }
        (slots + position).initialize(to: nil)
        return value
    }
}
