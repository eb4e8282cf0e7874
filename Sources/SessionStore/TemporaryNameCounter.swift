import Foundation

/// A process-wide counter for temporary file names, safe to use from any thread.
///
/// A lock rather than an atomic keeps the module on Foundation and Glibc only; saves are rare enough
/// that contention does not matter.
final class TemporaryNameCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
