#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A growable buffer of plain values, written through a raw pointer.
///
/// `Array.append` checks uniqueness and capacity out of line on every call, and growing an array
/// copies it into freshly allocated pages. A session of 1,000 access patterns appends about
/// 200,000 small pieces per save; here an append is a compare and a store, and growth is
/// `realloc`, which moves large blocks by remapping pages instead of copying them.
/// Non-copyable, so the memory has exactly one owner and is freed exactly once.
struct GrowableBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = Self.reallocate(nil, capacity: self.capacity)
    }

    deinit { free(base) }

    private static func reallocate(_ pointer: UnsafeMutablePointer<Element>?, capacity: Int) -> UnsafeMutablePointer<Element> {
        let (bytes, overflow) = capacity.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        // Out of memory stops the program, as it does when an `Array` cannot grow.
        guard !overflow, let raw = realloc(pointer, bytes) else { fatalError("out of memory for \(capacity) JSON elements") }
        return raw.bindMemory(to: Element.self, capacity: capacity)
    }

    /// Makes room for `extra` more elements.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        capacity = max(needed, capacity * 2)
        base = Self.reallocate(base, capacity: capacity)
    }

    subscript(index: Int) -> Element {
        @inline(__always) get { base[index] }
        @inline(__always) nonmutating set { base[index] = newValue }
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        reserve(1)
        (base + count).initialize(to: element)
        count += 1
    }

    @inline(__always)
    mutating func append(_ elements: UnsafeBufferPointer<Element>) {
        guard let source = elements.baseAddress else { return }
        reserve(elements.count)
        (base + count).initialize(from: source, count: elements.count)
        count += elements.count
    }

    @inline(__always)
    mutating func removeLast(_ number: Int) {
        count -= number
    }

    /// Empties the buffer, keeping its memory.
    mutating func removeAll() {
        count = 0
    }

    /// Counts `extra` elements written past the end (through the subscript, after
    /// `reserve(extra)`) as appended.
    @inline(__always)
    mutating func markInitialized(_ extra: Int) {
        count += extra
    }

    /// The elements in `range`, valid until the buffer next grows.
    @inline(__always)
    func elements(_ range: Range<Int>) -> UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)
    }
}
