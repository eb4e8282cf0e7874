import Testing

@testable import SessionStore

@Suite struct StoreErrorTests {
    static let sessionPath = "/home/ana/Sessions/orders/session.json"

    /// Every case, with a piece of text its message must contain for the user to know where to look.
    static let cases: [(StoreError, String)] = [
        (.emptyPath, "session folder"),
        (.pathNotFound(path: "/home/ana/Sessions/ordrs"), "/home/ana/Sessions/ordrs"),
        (.noSessionInFolder(folder: "/home/ana/Sessions"), "ddbmodel new"),
        (.notASessionFile(path: "/home/ana/notes.txt"), "/home/ana/notes.txt"),
        (.invalidSessionName(name: "a/b", reason: "it contains '/'"), "\"a/b\""),
        (.sessionAlreadyExists(folder: "/home/ana/Sessions/orders"), "ddbmodel resume /home/ana/Sessions/orders"),
        (.folderInUse(path: "/home/ana/Sessions/photos"), "/home/ana/Sessions/photos"),
        (.cannotCreateFolder(path: "/home/ana/Sessions/orders", reason: "permission denied"), "/home/ana/Sessions/orders"),
        (.writeFailed(path: sessionPath, reason: "the disk is full"), sessionPath),
        (.sessionInUse(session: "orders", pid: 1234), "(pid 1234)"),
        (.sessionInUse(session: "orders", pid: nil), "Session orders is already open"),
        (.lockFailed(path: "/home/ana/Sessions/orders/.lock", reason: "permission denied"), ".lock"),
        (.fileNotFound(path: sessionPath), sessionPath),
        (.unreadable(path: sessionPath, reason: "permission denied"), sessionPath),
        (.emptyFile(path: sessionPath), "session.json is empty"),
        (.truncatedJSON(path: sessionPath, line: 12, column: 5), "session.json: unexpected end of file at line 12, column 5"),
        (.invalidJSON(path: sessionPath, line: 12, column: 5, detail: "expected ':'"), "session.json: line 12, column 5: expected ':'"),
        (.missingFormatVersion(path: sessionPath, detail: "the field is missing"), "session.json: the field is missing"),
        (.newerFormatVersion(path: sessionPath, found: 3, newest: 1), "session.json was written by a newer ddbmodel"),
        (.decodingFailed(path: sessionPath, codingPath: "a[1].b", detail: "expected a number"), "session.json: at a[1].b: expected a number"),
        (.decodingFailed(path: sessionPath, codingPath: "", detail: "expected an object"), "session.json: at the top level"),
    ]

    @Test(arguments: cases)
    func messageSaysWhereTheProblemIs(error: StoreError, expected: String) {
        #expect(error.message.contains(expected), "message was: \(error.message)")
        #expect(error.description == error.message)
        #expect(error.localizedDescription == error.message)
    }

    @Test func aNewerVersionMessageTellsTheUserToUpgrade() {
        let error = StoreError.newerFormatVersion(path: Self.sessionPath, found: 3, newest: 1)

        #expect(
            error.message
                == "session.json was written by a newer ddbmodel (format version 3; this version reads up to 1). "
                + "Upgrade ddbmodel to open it.")
    }
}
