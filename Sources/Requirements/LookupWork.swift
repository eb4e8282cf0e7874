import Foundation

/// Counts the entities and relationships that name look-ups in `Requirements` examine, so a test
/// can check that importing N tables does work proportional to N, without timing anything.
///
/// Off (nil) unless a test binds one for the duration of a call:
/// `LookupWork.$current.withValue(work) { … }`. A look-up through the index examines the one
/// entity it returns; a scan would examine every entity before it.
public final class LookupWork: @unchecked Sendable {
    /// The counter bound for the current task or thread, if any.
    @TaskLocal public static var current: LookupWork?

    // `@unchecked Sendable`: `examined` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0

    public init() {}

    /// Entities and relationships examined so far.
    public var examined: Int {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func add(_ amount: Int) {
        lock.lock()
        count += amount
        lock.unlock()
    }
}
