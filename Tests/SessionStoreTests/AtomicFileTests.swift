import Foundation
import Glibc
import Testing

@testable import SessionStore

@Suite final class AtomicFileTests {
    /// A fresh directory for each test; Swift Testing makes a new suite instance per test and
    /// drops it when the test ends, which is when the directory goes.
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    deinit {
        directory.remove()
    }

    @Test func createsAMissingFile() throws {
        let target = directory.file("session.json")

        try AtomicFile.write(Data("first".utf8), to: target)

        #expect(try Data(contentsOf: target) == Data("first".utf8))
        #expect(try directory.entries() == ["session.json"])
    }

    @Test func replacesContentAndLeavesNoTemporaryFiles() throws {
        let target = directory.file("session.json")
        try Data("old content that is longer than the new one".utf8).write(to: target)

        try AtomicFile.write(Data("new".utf8), to: target)

        #expect(try Data(contentsOf: target) == Data("new".utf8))
        #expect(try directory.entries() == ["session.json"])
    }

    @Test(arguments: [0, 1, 4096, 1_000_003])
    func writesEveryByte(count: Int) throws {
        let target = directory.file("big.bin")
        let data = Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31) })

        try AtomicFile.write(data, to: target)

        #expect(try Data(contentsOf: target) == data)
    }

    @Test func keepsThePermissionsOfTheFileItReplaces() throws {
        let target = directory.file("session.json")
        try Data("old".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: target.path)

        try AtomicFile.write(Data("new".utf8), to: target)

        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func concurrentWritersNeverCollideOnTemporaryNames() async throws {
        let target = directory.file("session.json")
        let contents = (0..<32).map { Data("writer \($0)".utf8) }

        try await withThrowingTaskGroup(of: Void.self) { group in
            for data in contents {
                group.addTask { try AtomicFile.write(data, to: target) }
            }
            try await group.waitForAll()
        }

        #expect(contents.contains(try Data(contentsOf: target)))
        #expect(try directory.entries() == ["session.json"])
    }

    @Test func writingIntoAMissingDirectoryFailsWithThePath() throws {
        let target = directory.url.appendingPathComponent("no-such-folder/session.json")

        let error = #expect(throws: StoreError.self) {
            try AtomicFile.write(Data("x".utf8), to: target)
        }

        #expect(error == .writeFailed(path: target.path, reason: "the folder does not exist"))
        #expect(error?.message.contains(target.path) == true)
    }

    @Test func replacingAFolderFailsAndCleansUp() throws {
        let target = directory.file("session.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("keep".utf8).write(to: target.appendingPathComponent("inside"))

        let error = #expect(throws: StoreError.self) {
            try AtomicFile.write(Data("x".utf8), to: target)
        }

        guard case .writeFailed(let path, _) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(path == target.path)
        #expect(try directory.entries() == ["session.json"])
        #expect(try directory.entries(in: target) == ["inside"])
    }

    /// Root ignores file permissions, so this case can only be observed as an ordinary user.
    @Test(.enabled(if: geteuid() != 0, "root ignores directory permissions"))
    func writingIntoAReadOnlyDirectoryFailsAndKeepsTheOldFile() throws {
        let target = directory.file("session.json")
        try Data("old".utf8).write(to: target)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: directory.url.path)

        let error = #expect(throws: StoreError.self) {
            try AtomicFile.write(Data("new".utf8), to: target)
        }

        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory.url.path)
        guard case .writeFailed(let path, let reason) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(path == target.path)
        #expect(reason.contains("permission denied"))
        #expect(try Data(contentsOf: target) == Data("old".utf8))
        #expect(try directory.entries() == ["session.json"])
    }

    // MARK: - Several files at once

    @Test func severalFilesAreAllReplaced() throws {
        try Data("old a".utf8).write(to: directory.file("a"))

        try AtomicFile.write([(data: Data("new a".utf8), url: directory.file("a")), (data: Data("new b".utf8), url: directory.file("b"))])

        #expect(try String(contentsOf: directory.file("a"), encoding: .utf8) == "new a")
        #expect(try String(contentsOf: directory.file("b"), encoding: .utf8) == "new b")
        #expect(try directory.entries() == ["a", "b"])
    }

    /// A file that cannot be written (here its folder is missing) leaves every target as it was
    /// and no temporary file behind, even for the files before it.
    @Test func aFailureWhileWritingReplacesNone() throws {
        try Data("old a".utf8).write(to: directory.file("a"))
        let files = [
            (data: Data("new a".utf8), url: directory.file("a")),
            (data: Data("new b".utf8), url: directory.file("b")),
            (data: Data("new c".utf8), url: directory.file("missing/c")),
        ]

        #expect(throws: StoreError.writeFailed(path: directory.file("missing/c").path, reason: "the folder does not exist")) {
            try AtomicFile.write(files)
        }
        #expect(try String(contentsOf: directory.file("a"), encoding: .utf8) == "old a")
        #expect(try directory.entries() == ["a"])
    }
}
