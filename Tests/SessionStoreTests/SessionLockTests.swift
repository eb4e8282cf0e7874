import Foundation
import Glibc
import Testing
import TestSupport

@testable import SessionStore

@Suite final class SessionLockTests {
    /// A fresh directory for each test; Swift Testing makes a new suite instance per test and
    /// drops it when the test ends, which is when the directory goes.
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    deinit {
        directory.remove()
    }

    private func makeFolder() throws -> SessionFolder {
        try SessionFolder.create(name: "orders", in: directory.url)
    }

    @Test func acquireWritesOurPidAndReleaseRemovesTheFile() throws {
        let folder = try makeFolder()

        let lock = try SessionLock.acquire(folder)
        let written = try String(contentsOf: folder.lockFile, encoding: .utf8)
        #expect(written == "\(getpid())\n")

        lock.release()
        #expect(!FileManager.default.fileExists(atPath: folder.lockFile.path))
        lock.release()  // a second release does nothing
    }

    @Test func aSecondAcquireInTheSameProcessIsRefusedWithOurPid() throws {
        let folder = try makeFolder()
        let first = try SessionLock.acquire(folder)

        let error = #expect(throws: StoreError.self) {
            _ = try SessionLock.acquire(folder)
        }

        #expect(error == .sessionInUse(session: "orders", pid: getpid()))
        #expect(
            error?.message == "Session orders is already open in another ddbmodel (pid \(getpid())). Close it first.")
        first.release()
        let second = try SessionLock.acquire(folder)
        second.release()
    }

    @Test func droppingTheLastReferenceReleasesTheLock() throws {
        let folder = try makeFolder()
        do {
            _ = try SessionLock.acquire(folder)
        }
        let again = try SessionLock.acquire(folder)
        again.release()
    }

    @Test func aLockFileLeftByADeadProcessIsTakenOver() throws {
        let folder = try makeFolder()
        try Data("\(try ChildProcess.deadProcessID())\n".utf8).write(to: folder.lockFile)

        let lock = try SessionLock.acquire(folder)

        #expect(try String(contentsOf: folder.lockFile, encoding: .utf8) == "\(getpid())\n")
        lock.release()
    }

    @Test func aLockFileWithGarbageIsTakenOver() throws {
        let folder = try makeFolder()
        try Data("not a pid at all, and quite a bit longer than one".utf8).write(to: folder.lockFile)

        let lock = try SessionLock.acquire(folder)

        #expect(try String(contentsOf: folder.lockFile, encoding: .utf8) == "\(getpid())\n")
        lock.release()
    }

    @Test func aMissingSessionFolderIsReportedWithTheLockPath() throws {
        let folder = SessionFolder(url: directory.file("missing"))

        let error = #expect(throws: StoreError.self) {
            _ = try SessionLock.acquire(folder)
        }

        #expect(error == .lockFailed(path: folder.lockFile.path, reason: "the folder does not exist"))
    }

    // MARK: - A lock path that is not a plain file of its own

    /// A `.lock` committed as a symbolic link to a file of the user's: refused with the path named,
    /// the file it points to left as it was, and the link left in place.
    @Test func aSymbolicLinkAsTheLockIsRefusedAndNeitherFollowedNorRemoved() throws {
        let folder = try makeFolder()
        let victim = directory.file("important.txt")
        try Data("the user's own data\n".utf8).write(to: victim)
        try FileManager.default.createSymbolicLink(atPath: folder.lockFile.path, withDestinationPath: victim.path)

        let error = #expect(throws: StoreError.self) {
            _ = try SessionLock.acquire(folder)
        }

        #expect(error == .unsafeLockFile(path: folder.lockFile.path, problem: "is a symbolic link"))
        #expect(error?.message.hasPrefix("\(folder.lockFile.path) is a symbolic link, not a lock file ddbmodel created") == true)
        #expect(try String(contentsOf: victim, encoding: .utf8) == "the user's own data\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.lockFile.path) == victim.path)
    }

    /// A dangling link is not created through either (O_CREAT would otherwise make its target).
    @Test func aDanglingSymbolicLinkIsRefusedWithoutCreatingItsTarget() throws {
        let folder = try makeFolder()
        let target = directory.file("created-through-the-link")
        try FileManager.default.createSymbolicLink(atPath: folder.lockFile.path, withDestinationPath: target.path)

        #expect(throws: StoreError.unsafeLockFile(path: folder.lockFile.path, problem: "is a symbolic link")) {
            _ = try SessionLock.acquire(folder)
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    @Test func aHardLinkToAnotherFileIsRefusedAndLeftAlone() throws {
        let folder = try makeFolder()
        let other = directory.file("other.txt")
        try Data("keep me".utf8).write(to: other)
        #expect(link(other.path, folder.lockFile.path) == 0)

        #expect(throws: StoreError.unsafeLockFile(path: folder.lockFile.path, problem: "has other hard links")) {
            _ = try SessionLock.acquire(folder)
        }
        #expect(try String(contentsOf: other, encoding: .utf8) == "keep me")
    }

    @Test func aFolderOrAFIFOAsTheLockIsRefused() throws {
        let folder = try makeFolder()
        try FileManager.default.createDirectory(at: folder.lockFile, withIntermediateDirectories: false)
        #expect(throws: StoreError.unsafeLockFile(path: folder.lockFile.path, problem: "is a folder")) {
            _ = try SessionLock.acquire(folder)
        }
        try FileManager.default.removeItem(at: folder.lockFile)
        #expect(mkfifo(folder.lockFile.path, 0o644) == 0)
        #expect(throws: StoreError.unsafeLockFile(path: folder.lockFile.path, problem: "is not a regular file")) {
            _ = try SessionLock.acquire(folder)
        }
    }

    /// The real case: another process holds the lock, then dies by SIGKILL without any cleanup.
    @Test func aLockHeldByAnotherProcessIsRefusedUntilThatProcessIsKilled() throws {
        let folder = try makeFolder()
        let holder = try LockHolder(lockFile: folder.lockFile)
        defer { holder.kill() }

        let error = #expect(throws: StoreError.self) {
            _ = try SessionLock.acquire(folder)
        }
        #expect(error == .sessionInUse(session: "orders", pid: holder.pid))
        #expect(error?.message.contains("pid \(holder.pid)") == true)

        holder.kill()

        let lock = try SessionLock.acquire(folder)
        #expect(try String(contentsOf: folder.lockFile, encoding: .utf8) == "\(getpid())\n")
        lock.release()
    }
}
