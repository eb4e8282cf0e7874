import Foundation
import TestSupport

/// A child process that flocks a file, writes its pid there, says "locked" and sleeps.
///
/// The shell locks through `flock(1)` on an inherited descriptor and then `exec`s `sleep`, so the process
/// we kill is the only holder of the lock; python3 is the fallback on machines without util-linux.
final class LockHolder {
    private let child: ChildProcess
    var pid: Int32 { child.pid }

    init(lockFile: URL) throws {
        let script =
            FileManager.default.isExecutableFile(atPath: "/usr/bin/flock")
            ? #"exec 9>>"$1" && /usr/bin/flock -x 9 && echo $$ >&9 && echo locked && exec sleep 30"#
            : #"""
            exec python3 -c 'import fcntl, os, sys, time
            f = open(sys.argv[1], "a"); fcntl.flock(f, fcntl.LOCK_EX); f.write(str(os.getpid())); f.flush()
            print("locked", flush=True); time.sleep(30)' "$1"
            """#
        child = try Command(["/bin/sh", "-c", script, "sh", lockFile.path], output: .merged).start()
        // Wait until the child says it holds the lock.
        guard child.waitForOutput(containing: "locked", timeout: 10) else {
            child.stop()
            throw LockHolderFailed(description: "the lock holder did not take the lock (it needs /usr/bin/flock or python3): \(child.output())")
        }
    }

    func kill() {
        child.send(SIGKILL)
        child.waitForExit()
    }

    struct LockHolderFailed: Error, CustomStringConvertible {
        let description: String
    }
}
