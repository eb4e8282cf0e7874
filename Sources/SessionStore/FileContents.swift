import Foundation
import Glibc

/// Reads a whole file with POSIX calls, so a failure carries an `errno` we can explain
/// ("permission denied", "it is a folder") instead of a Foundation error string.
enum FileContents {
    static func read(from url: URL) throws(StoreError) -> Data {
        let path = url.path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            if code == ENOENT { throw StoreError.fileNotFound(path: path) }
            throw StoreError.unreadable(path: path, reason: POSIXErrorReason.describe(code))
        }
        defer { close(fd) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw StoreError.unreadable(path: path, reason: POSIXErrorReason.describe(errno))
            }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }
}
