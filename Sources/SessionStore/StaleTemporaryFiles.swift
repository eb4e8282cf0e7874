import Foundation
import Glibc

/// Removes the temporary files a killed ddbmodel left in a session folder.
///
/// `AtomicFile` removes its temporary file on every failure it sees, but a `kill -9` (or a power
/// cut) between creating it and renaming it leaves `.session.json.tmp-PID-N` behind for good. Only
/// names `AtomicFile` makes are touched, only when they are plain files, and only when the process
/// that made them is gone: a live process with that pid (another ddbmodel writing a report, or a
/// recycled pid) keeps its file, which a later sweep removes.
public enum StaleTemporaryFiles {
    /// Removes the stale temporary files in `folder`; returns the names removed, sorted.
    @discardableResult
    public static func remove(in folder: SessionFolder) -> [String] {
        let path = folder.url.path
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else { return [] }
        var removed: [String] = []
        for entry in entries.sorted() {
            guard let name = TemporaryFileName(parsing: entry), isGone(name.pid) else { continue }
            let file = path + "/" + entry
            var info = stat()
            guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            if unlink(file) == 0 { removed.append(entry) }
        }
        return removed
    }

    /// Whether no process has this pid (signal 0 only checks; EPERM means it exists).
    static func isGone(_ pid: Int32) -> Bool {
        guard pid != getpid() else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
