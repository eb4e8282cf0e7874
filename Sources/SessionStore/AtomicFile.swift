import Foundation
import Glibc

/// Replaces a file so that a crash, a power cut or `kill -9` at any moment leaves either the old or the new
/// content, never a torn file.
///
/// The new bytes go to a temporary file in the same directory (same file system, so `rename` is atomic),
/// are flushed to disk with `fsync`, and only then renamed over the target; finally the directory is
/// synced so the rename itself survives a power cut. A session is the user's hours of answers, and a
/// half-written `session.json` would lose all of it, which is why plain `Data.write` is not enough.
public enum AtomicFile {
    /// Replaces the file at `url` with `data`, keeping the old file's permissions if it had any.
    ///
    /// On failure the target is untouched and the temporary file is removed; the error names the target.
    public static func write(_ data: Data, to url: URL) throws(StoreError) {
        let staged = try stage(data, for: url)
        try commit(staged)
        syncDirectory(url.deletingLastPathComponent().path)
    }

    /// Replaces several files, all or none as far as the disk allows: every new content is written
    /// and flushed to a temporary file first, and only when all of them are safely on disk are they
    /// renamed over their targets, one after another.
    ///
    /// A failure while writing (a full disk, a target that cannot be replaced) removes every
    /// temporary file and leaves all the targets as they were. Only a rename failing after others
    /// succeeded (which the checks a caller makes first leave no reason for) can replace some.
    public static func write(_ files: [(data: Data, url: URL)]) throws(StoreError) {
        var staged: [StagedFile] = []
        do throws(StoreError) {
            for file in files { staged.append(try stage(file.data, for: file.url)) }
        } catch {
            for file in staged { unlink(file.temporary) }
            throw error
        }
        for (index, file) in staged.enumerated() {
            do throws(StoreError) {
                try commit(file)
            } catch {
                for later in staged[(index + 1)...] { unlink(later.temporary) }
                guard index > 0, case .writeFailed(let path, let reason) = error else { throw error }
                throw StoreError.partiallyReplaced(path: path, reason: reason, replaced: staged[..<index].map(\.target))
            }
        }
        for directory in Set(files.map { $0.url.deletingLastPathComponent().path }).sorted() { syncDirectory(directory) }
    }

    /// A temporary file holding a target's new content, flushed to disk, waiting to be renamed.
    struct StagedFile {
        let temporary: String
        let target: String
    }

    /// Writes `data` to a new temporary file next to `url` and flushes it. On failure the
    /// temporary file is removed and the error names the target.
    static func stage(_ data: Data, for url: URL) throws(StoreError) -> StagedFile {
        let target = url.path
        let (fd, temporary) = try createTemporaryFile(for: url)
        var descriptor: Int32? = fd
        do throws(StoreError) {
            if let mode = existingMode(of: target) {
                // Keep a mode the user chose (say 0600) instead of resetting it to the umask default.
                _ = fchmod(fd, mode)
            }
            try writeAll(data, to: fd, target: target)
            try retryingOnInterrupt(target: target) { fsync(fd) }
            descriptor = nil
            if close(fd) != 0 {
                throw StoreError.writeFailed(path: target, reason: POSIXErrorReason.describe(errno))
            }
        } catch {
            if let descriptor { close(descriptor) }
            unlink(temporary)
            throw error
        }
        return StagedFile(temporary: temporary, target: target)
    }

    /// Renames the staged file over its target; on failure removes it and names the target.
    static func commit(_ staged: StagedFile) throws(StoreError) {
        if rename(staged.temporary, staged.target) != 0 {
            let code = errno
            unlink(staged.temporary)
            throw StoreError.writeFailed(path: staged.target, reason: POSIXErrorReason.describe(code))
        }
    }

    /// Names handed out in this process; together with the pid they keep temporary names unique even when
    /// two threads save the same file at once.
    private static let counter = TemporaryNameCounter()

    /// Creates `.NAME.tmp-PID-N` next to the target with `O_EXCL`, so we never write into someone else's file.
    private static func createTemporaryFile(for url: URL) throws(StoreError) -> (Int32, String) {
        let directory = url.deletingLastPathComponent()
        let name = url.lastPathComponent
        var lastError: Int32 = EEXIST
        // A leftover file from an earlier process with a recycled pid could hold a name; try a few more.
        for _ in 0..<100 {
            let entry = TemporaryFileName(target: name, pid: getpid(), counter: counter.next()).entry
            let candidate = directory.appendingPathComponent(entry).path
            let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd >= 0 { return (fd, candidate) }
            lastError = errno
            if lastError != EEXIST && lastError != EINTR { break }
        }
        throw StoreError.writeFailed(path: url.path, reason: POSIXErrorReason.describe(lastError))
    }

    private static func existingMode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return info.st_mode & 0o7777
    }

    /// `write` may write fewer bytes than asked (signals, pipes, quotas), so loop until all are out.
    private static func writeAll(_ data: Data, to fd: Int32, target: String) throws(StoreError) {
        let failure: Int32? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Int32? in
            guard let base = buffer.baseAddress else { return nil }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                if written == 0 { return EIO }
                offset += written
            }
            return nil
        }
        if let failure {
            throw StoreError.writeFailed(path: target, reason: POSIXErrorReason.describe(failure))
        }
    }

    private static func retryingOnInterrupt(target: String, _ call: () -> Int32) throws(StoreError) {
        while call() != 0 {
            if errno == EINTR { continue }
            throw StoreError.writeFailed(path: target, reason: POSIXErrorReason.describe(errno))
        }
    }

    /// Makes the rename durable across a power cut.
    ///
    /// Failures are not reported: the rename has already happened, so the new content is in place and the
    /// old one gone; saying "could not save" would be false, and the next save syncs the directory again.
    /// Some file systems cannot sync a directory at all (`EINVAL`).
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        while fsync(fd) != 0 && errno == EINTR {}
        close(fd)
    }
}
