import Foundation
import Glibc

/// A child process that flocks a file, writes its pid there, says "locked" and sleeps.
///
/// The shell locks through `flock(1)` on an inherited descriptor and then `exec`s `sleep`, so the process
/// we kill is the only holder of the lock; python3 is the fallback on machines without util-linux.
final class LockHolder {
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/flock") || pythonPath != nil
    }

    private static var pythonPath: String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    private let process = Process()
    var pid: Int32 { process.processIdentifier }

    init(lockFile: URL) throws {
        let script =
            FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")
            ? #"exec 9>>"$1" && /usr/bin/flock -x 9 && echo $$ >&9 && echo locked && exec sleep 30"#
            : #"""
            exec python3 -c 'import fcntl, os, sys, time
            f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); f.write(str(os.getpid())); f.flush()
            print("locked", flush=True); time.sleep(30)' "$1"
            """#
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, "sh", lockFile.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // Wait until the child says it holds the lock; an empty read means it exited.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("locked") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { throw LockHolderFailed() }
            seen.append(chunk)
        }
    }

    func kill() {
        guard process.isRunning else { return }
        Glibc.kill(pid, SIGKILL)
        process.waitUntilExit()
    }

    struct LockHolderFailed: Error {}
}
