import Foundation
import Glibc

/// Exclusive ownership of a session folder, so two ddbmodel processes never save over each other's answers.
///
/// Built on `flock(LOCK_EX | LOCK_NB)` on the folder's `.lock` file rather than on the file's mere existence:
/// the kernel drops the lock when the holder dies, even by `SIGKILL` or a power cut, so a lock file left
/// behind by a dead process is simply taken over and never needs manual cleanup. The holder writes its pid
/// into the file only so that the refusal message can say which process to close.
public final class SessionLock: @unchecked Sendable {
    /// The session this lock protects.
    public let folder: SessionFolder

    // `@unchecked Sendable`: the only mutable state is `descriptor`, and every access goes through `mutex`.
    private let mutex = NSLock()
    private var descriptor: Int32?

    private init(folder: SessionFolder, descriptor: Int32) {
        self.folder = folder
        self.descriptor = descriptor
    }

    deinit {
        release()
    }

    /// Takes the lock, or refuses with the pid of the ddbmodel that holds it.
    ///
    /// Locks are per open file description, so a second `acquire` of the same folder fails even inside
    /// one process: a session is owned by one `SessionLock` value, not by a process.
    public static func acquire(_ folder: SessionFolder) throws(StoreError) -> SessionLock {
        let path = folder.lockFile.path
        // The holder removes the file when it releases. If we opened the old file just before that, our
        // flock succeeds on a file nobody else will ever open again; detect that and start over.
        for _ in 0..<10 {
            let fd = try openLockFile(path)
            var result = flock(fd, LOCK_EX | LOCK_NB)
            while result != 0 && errno == EINTR { result = flock(fd, LOCK_EX | LOCK_NB) }
            if result != 0 {
                let code = errno
                let holder = code == EWOULDBLOCK ? readPid(from: fd) : nil
                close(fd)
                if code == EWOULDBLOCK {
                    throw StoreError.sessionInUse(session: folder.name, pid: holder)
                }
                throw StoreError.lockFailed(path: path, reason: POSIXErrorReason.describe(code))
            }
            guard refersToSameFile(fd, path) else {
                close(fd)
                continue
            }
            writePid(to: fd)
            return SessionLock(folder: folder, descriptor: fd)
        }
        throw StoreError.lockFailed(
            path: path, reason: "the lock file kept being replaced by another process; try again")
    }

    /// Opens (or creates) the lock file, refusing anything but a plain file of its own.
    ///
    /// Session folders are committed and shared, so `.lock` can arrive as a symbolic link (or a
    /// hard link, or a FIFO) planted by someone else: following it would make us truncate and
    /// write our pid into the file it points to, and removing it at release would delete the
    /// user's link. `O_NOFOLLOW` refuses a symbolic link at the last component; `O_NONBLOCK`
    /// keeps a FIFO or device under that name from blocking the open (it does nothing to a
    /// regular file, and `flock` never blocks here anyway).
    private static func openLockFile(_ path: String) throws(StoreError) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK, 0o644)
        guard fd >= 0 else {
            let code = errno
            switch code {
            case ELOOP: throw StoreError.unsafeLockFile(path: path, problem: "is a symbolic link")
            case EISDIR: throw StoreError.unsafeLockFile(path: path, problem: "is a folder")
            default: throw StoreError.lockFailed(path: path, reason: POSIXErrorReason.describe(code))
            }
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw StoreError.lockFailed(path: path, reason: POSIXErrorReason.describe(code))
        }
        let problem: String? =
            if (info.st_mode & S_IFMT) != S_IFREG {
                "is not a regular file"
            } else if info.st_nlink != 1 {
                // Writing our pid would change every other name of the same file.
                "has other hard links"
            } else {
                nil
            }
        if let problem {
            close(fd)
            throw StoreError.unsafeLockFile(path: path, problem: problem)
        }
        return fd
    }

    /// Unlocks and removes the lock file. Calling it again does nothing.
    ///
    /// The file is removed while still locked, so no other process can lock it between the unlink and
    /// the unlock and then believe it owns a file that is gone.
    public func release() {
        mutex.lock()
        defer { mutex.unlock() }
        guard let fd = descriptor else { return }
        descriptor = nil
        let path = folder.lockFile.path
        // Only remove the file if it is still ours: someone may have deleted it by hand and another
        // ddbmodel may have created and locked a new one since.
        if Self.refersToSameFile(fd, path) {
            unlink(path)
        }
        close(fd)
    }

    /// Whether `path` itself (not what a link there points to) still names the file open as `fd`
    /// (same device and inode).
    private static func refersToSameFile(_ fd: Int32, _ path: String) -> Bool {
        var open = stat()
        var named = stat()
        guard fstat(fd, &open) == 0, lstat(path, &named) == 0 else { return false }
        return open.st_dev == named.st_dev && open.st_ino == named.st_ino
    }

    /// Records our pid for the refusal message. A failure here (say, a full disk) is ignored: the flock
    /// alone provides the exclusion, and the message then just omits the pid.
    private static func writePid(to fd: Int32) {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(fd, 0)
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// The pid the holder wrote, or nil if it has not written one yet or the file holds something else.
    private static func readPid(from fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[0..<count], as: UTF8.self)
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)), pid > 0 else { return nil }
        return pid
    }
}
