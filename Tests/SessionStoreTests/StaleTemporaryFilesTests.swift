import Foundation
import Glibc
import Testing
import TestSupport

@testable import SessionStore

/// The temporary files a `kill -9` during a save leaves behind are removed on the next open, and
/// nothing else is.
@Suite final class StaleTemporaryFilesTests {
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    deinit {
        directory.remove()
    }

    @Test func removesOnlyOurNamesOfDeadProcessesThatArePlainFiles() throws {
        let folder = try SessionFolder.create(name: "orders", in: directory.url)
        let dead = try ChildProcess.deadProcessID()
        let live = getppid()
        let entries = [
            ".session.json.tmp-\(dead)-1": true,
            ".dynamodb_requirement.md.tmp-\(dead)-7": true,
            ".session.json.tmp-\(live)-1": false,  // its process still runs: maybe writing right now
            ".session.json.tmp-\(dead)": false,  // not the shape AtomicFile writes
            ".session.json.tmp-\(dead)-1-x": false,
            "session.json.tmp-\(dead)-1": false,  // not hidden: not ours
            ".notes.tmp-backup": false,
            "session.json": false,
            "notes.txt": false,
        ]
        for name in entries.keys {
            try Data("x".utf8).write(to: folder.file(named: name))
        }
        // A symbolic link with our shape is not something AtomicFile made.
        let outside = directory.file("outside.txt")
        try Data("keep".utf8).write(to: outside)
        let link = ".migrationContract.json.tmp-\(dead)-3"
        try FileManager.default.createSymbolicLink(atPath: folder.file(named: link).path, withDestinationPath: outside.path)

        let removed = StaleTemporaryFiles.remove(in: folder)

        let expectedRemoved = entries.filter(\.value).map(\.key).sorted()
        #expect(removed == expectedRemoved)
        let left = try directory.entries(in: folder.url)
        #expect(left == (entries.filter { !$0.value }.map(\.key) + [link]).sorted())
        #expect(try String(contentsOf: outside, encoding: .utf8) == "keep")
    }

    @Test func namesAreReadBackExactlyAsAtomicFileWritesThem() {
        let name = TemporaryFileName(target: "session.json", pid: 4242, counter: 17)
        #expect(name.entry == ".session.json.tmp-4242-17")
        #expect(TemporaryFileName(parsing: name.entry) == name)
        #expect(TemporaryFileName(parsing: ".a.tmp-b.tmp-1-2")?.target == "a.tmp-b")
        for other in [".tmp-1-2", ".x.tmp-1-", ".x.tmp--2", ".x.tmp-0-1", ".x.tmp-+1-2", "x.tmp-1-2"] {
            #expect(TemporaryFileName(parsing: other) == nil, "\(other)")
        }
    }
}
