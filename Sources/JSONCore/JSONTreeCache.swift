#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Keeps one `JSONTree`'s buffers from one encode to the next.
///
/// A session is saved after every answer, at about the same size each time. Fresh megabytes from
/// `malloc` come as untouched pages, and the first write to each 4 KB page is a page fault: for a
/// 1 MB `session.json` that was about 40% of the encoding time. Reused buffers are already mapped.
final class JSONTreeCache: @unchecked Sendable {
    static let shared = JSONTreeCache()

    /// Larger trees are freed rather than kept: one huge document should not pin its memory.
    static let largestKept = 64 << 20

    // @unchecked Sendable: `spare` is only read or written with `mutex` held.
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var spare: JSONTree?

    private init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }

    /// The kept tree, emptied, or a new one; two encodes at once get one each.
    func take() -> JSONTree {
        pthread_mutex_lock(mutex)
        var tree = spare.take()
        pthread_mutex_unlock(mutex)
        tree?.removeAll()
        return tree ?? JSONTree()
    }

    /// Keeps `tree` for the next encode, unless one is kept already or it is too large.
    func keep(_ tree: consuming JSONTree) {
        guard tree.capacityInBytes <= Self.largestKept else { return }
        pthread_mutex_lock(mutex)
        if spare == nil { spare = consume tree }
        pthread_mutex_unlock(mutex)
    }
}
