import Foundation
import Testing

@testable import SessionStore

@Suite final class SessionFolderTests {
    /// A fresh directory for each test; Swift Testing makes a new suite instance per test and
    /// drops it when the test ends, which is when the directory goes.
    let directory: TemporaryDirectory

    init() throws {
        directory = try TemporaryDirectory()
    }

    deinit {
        directory.remove()
    }

    @Test func namesTheFilesInsideTheFolder() {
        let folder = SessionFolder(url: URL(fileURLWithPath: "/work/Sessions/orders"))

        #expect(folder.name == "orders")
        #expect(folder.sessionFile.path == "/work/Sessions/orders/session.json")
        #expect(folder.requirementsDocument.path == "/work/Sessions/orders/dynamodb_requirement.md")
        #expect(folder.lockFile.path == "/work/Sessions/orders/.lock")
        #expect(folder.file(named: "design.md").path == "/work/Sessions/orders/design.md")
    }

    @Test func equalFoldersCompareEqualHoweverTheyWereSpelled() {
        let plain = SessionFolder(url: URL(fileURLWithPath: "/work/Sessions/orders"))
        let slashed = SessionFolder(url: URL(fileURLWithPath: "/work/Sessions/orders/", isDirectory: true))
        let dotted = SessionFolder(url: URL(fileURLWithPath: "/work/Sessions/./x/../orders"))

        #expect(plain == slashed)
        #expect(plain == dotted)
    }

    // MARK: - resolve

    /// A session at `DIR/Sessions/orders`, with the current directory at `DIR`.
    @discardableResult
    private func makeSession() throws -> SessionFolder {
        let folder = try SessionFolder.create(name: "orders", in: directory.file("Sessions"))
        try Data(#"{"format_version": 1}"#.utf8).write(to: folder.sessionFile)
        return folder
    }

    @Test(arguments: [
        "Sessions/orders", "Sessions/orders/", "./Sessions/orders", "Sessions/../Sessions/orders",
        "Sessions/orders/session.json", "  Sessions/orders  ",
    ])
    func resolvesARelativeFolderOrItsSessionFile(typed: String) throws {
        let folder = try makeSession()

        let resolved = try SessionFolder.resolve(userPath: typed, currentDirectory: directory.url)

        #expect(resolved == folder)
    }

    @Test func resolvesAnAbsolutePathRegardlessOfTheCurrentDirectory() throws {
        let folder = try makeSession()

        let resolved = try SessionFolder.resolve(
            userPath: folder.sessionFile.path, currentDirectory: URL(fileURLWithPath: "/"))

        #expect(resolved == folder)
    }

    @Test func refusesAMissingPath() throws {
        try makeSession()

        let error = #expect(throws: StoreError.self) {
            _ = try SessionFolder.resolve(userPath: "Sessions/ordrs", currentDirectory: directory.url)
        }

        let missing = directory.url.appendingPathComponent("Sessions/ordrs").path
        #expect(error == .pathNotFound(path: missing))
        #expect(error?.message.contains(missing) == true)
    }

    @Test func refusesAFolderWithoutASessionFileAndPointsAtNew() throws {
        try makeSession()

        let error = #expect(throws: StoreError.self) {
            _ = try SessionFolder.resolve(userPath: "Sessions", currentDirectory: directory.url)
        }

        #expect(error == .noSessionInFolder(folder: directory.file("Sessions").path))
        #expect(error?.message.contains("ddbmodel new") == true)
    }

    @Test func refusesAFileThatIsNotASessionFile() throws {
        let folder = try makeSession()
        try Data("# Requirements".utf8).write(to: folder.requirementsDocument)

        let error = #expect(throws: StoreError.self) {
            _ = try SessionFolder.resolve(
                userPath: "Sessions/orders/dynamodb_requirement.md", currentDirectory: directory.url)
        }

        #expect(error == .notASessionFile(path: folder.requirementsDocument.path))
    }

    @Test func refusesAnEmptyPath() {
        #expect(throws: StoreError.emptyPath) {
            _ = try SessionFolder.resolve(userPath: " ", currentDirectory: URL(fileURLWithPath: "/"))
        }
    }

    // MARK: - create

    @Test func createsTheFolderAndTheSessionsDirectory() throws {
        let sessions = directory.file("Sessions")

        let folder = try SessionFolder.create(name: "orders", in: sessions)

        #expect(folder.url.path == sessions.appendingPathComponent("orders").path)
        var isDirectory: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: folder.url.path, isDirectory: &isDirectory))
        #expect(isDirectory.boolValue)
    }

    @Test func refusesAnExistingSessionAndPointsAtResume() throws {
        let folder = try makeSession()

        let error = #expect(throws: StoreError.self) {
            _ = try SessionFolder.create(name: "orders", in: directory.file("Sessions"))
        }

        #expect(error == .sessionAlreadyExists(folder: folder.url.path))
        #expect(error?.message.contains("ddbmodel resume \(folder.url.path)") == true)
    }

    @Test func reusesAnEmptyFolderLeftByAnUnsavedSession() throws {
        let first = try SessionFolder.create(name: "orders", in: directory.url)
        try Data().write(to: first.lockFile)
        // Killed between the two first writes: the document landed, session.json did not.
        try Data("# DynamoDB Modeling Session\n".utf8).write(to: first.requirementsDocument)

        let second = try SessionFolder.create(name: "orders", in: directory.url)

        #expect(second == first)
    }

    /// A folder whose only entry is a `.lock` ddbmodel did not write (a symbolic link, or a file
    /// holding something other than a pid) is someone else's: `new` does not move in.
    @Test(arguments: ["symlink", "text", "directory"])
    func refusesAFolderWhoseOnlyEntryIsALockThatIsNotOurs(kind: String) throws {
        let folder = directory.file("orders")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let lock = folder.appendingPathComponent(".lock")
        switch kind {
        case "symlink":
            try Data("mine".utf8).write(to: directory.file("elsewhere"))
            try FileManager.default.createSymbolicLink(atPath: lock.path, withDestinationPath: directory.file("elsewhere").path)
        case "text":
            try Data("these are notes, not a pid\n".utf8).write(to: lock)
        default:
            try FileManager.default.createDirectory(at: lock, withIntermediateDirectories: false)
        }

        #expect(throws: StoreError.folderInUse(path: folder.path)) {
            _ = try SessionFolder.create(name: "orders", in: directory.url)
        }
    }

    @Test func refusesAFolderThatHoldsSomethingElse() throws {
        let other = directory.file("photos")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: false)
        try Data("jpeg".utf8).write(to: other.appendingPathComponent("cat.jpg"))

        #expect(throws: StoreError.folderInUse(path: other.path)) {
            _ = try SessionFolder.create(name: "photos", in: directory.url)
        }
    }

    @Test func refusesAFileWhereTheFolderWouldGo() throws {
        try Data("notes".utf8).write(to: directory.file("notes"))

        #expect(throws: StoreError.folderInUse(path: directory.file("notes").path)) {
            _ = try SessionFolder.create(name: "notes", in: directory.url)
        }
    }

    @Test(arguments: [
        "", "   ", "a/b", "..", ".hidden", "tab\there", String(repeating: "x", count: 101), "$(touch x)", "my shop", "-x", "_x",
        "it's", "café", "a\u{1B}[31m",
    ])
    func refusesNamesThatAreNotAFolderName(name: String) throws {

        let error = #expect(throws: StoreError.self) {
            _ = try SessionFolder.create(name: name, in: directory.url)
        }

        guard case .invalidSessionName(let refused, _) = error else {
            Issue.record("expected invalidSessionName, got \(String(describing: error))")
            return
        }
        #expect(refused == name)
        #expect(try directory.entries().isEmpty)
    }

    @Test(arguments: ["orders", "checkout-v2", "A_1", "2026", String(repeating: "x", count: 100)])
    func acceptsLettersDigitsDashesAndUnderscores(name: String) throws {
        let folder = try SessionFolder.create(name: name, in: directory.url)
        #expect(folder.name == name)
    }

    /// The refusal names the character without sending it to the terminal.
    @Test func theRefusalShowsAControlCharacterEscaped() {
        let error = #expect(throws: StoreError.self) {
            _ = try SessionFolder.create(name: "a\u{1B}[31m", in: directory.url)
        }
        #expect(error?.message == #""a\u{1B}[31m" cannot be used as a session name: it contains U+001B; use only letters, digits, - and _. Choose a name like orders or checkout-v2."#)
    }
}
