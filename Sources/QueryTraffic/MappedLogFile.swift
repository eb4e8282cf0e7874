#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A log file mapped into memory read-only: the readers see all its bytes without copying a
/// gigabyte into the heap, and the kernel pages it in as they go.
final class MappedLogFile: @unchecked Sendable {
    let path: String
    private let base: UnsafeMutableRawPointer?
    let count: Int

    /// Maps the file; a missing or unreadable file is a `TrafficLogError`.
    init(path: String) throws {
        self.path = path
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw TrafficLogError(file: path, line: nil, message: "cannot be opened: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw TrafficLogError(file: path, line: nil, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw TrafficLogError(file: path, line: nil, message: "is not a regular file")
        }
        count = Int(status.st_size)
        guard count > 0 else {
            base = nil
            return
        }
        let mapped = mmap(nil, count, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let mapped, mapped != MAP_FAILED else {
            throw TrafficLogError(file: path, line: nil, message: "cannot be mapped into memory: \(String(cString: strerror(errno)))")
        }
        _ = madvise(mapped, count, MADV_SEQUENTIAL)
        base = mapped
    }

    deinit {
        if let base { munmap(base, count) }
    }

    /// The file's bytes, valid while `body` runs.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        let pointer = base.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) }
        return try body(UnsafeBufferPointer(start: pointer, count: count))
    }
}
