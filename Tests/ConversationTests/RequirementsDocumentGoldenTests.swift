import Conversation
import Foundation
import MySQLSchema
import Requirements
import Testing
import TestSupport

/// The rendered `dynamodb_requirement.md` for scripted sessions, compared byte for byte with
/// reviewed golden files.
@Suite struct RequirementsDocumentGoldenTests {
    static func render(_ lines: [String]) -> String {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        for line in lines { _ = conversation.handle(line) }
        let state = conversation.state
        return RequirementsDocument.render(state.requirements, gateStatus: state.requirementsGateStatus)
    }

    static var halfway: [String] {
        // Stops inside pattern 4, with an unknown peak, to show pending rows and the checklist.
        var lines = Array(SampleTranscripts.shop.prefix(while: { $0 != "300" }))
        lines += ["unknown", "100"]
        return lines
    }

    @Test(arguments: [
        ("shop_confirmed.md", SampleTranscripts.shop),
        ("shop_halfway.md", halfway),
        ("empty.md", []),
    ])
    func documentMatchesGolden(name: String, lines: [String]) throws {
        let rendered = Self.render(lines)
        let golden = try GoldenFile.check(rendered, against: GoldenFile.url(name, besides: #filePath))
        #expect(golden != nil, "missing golden file \(name): run with UPDATE_GOLDEN=1 and review it")
        #expect(rendered == golden)
    }

    @Test func anImportedAndReviewedSchemaMatchesGolden() throws {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        _ = conversation.importSchema([SchemaSource(name: "schema.sql", text: SchemaImportFlowTests.schema)])
        for line in ["shop", "context", "1k", "100", "exclude password_hash kept by the auth service", "sensitive email", "", "", "avg 5 max 1000", ""] {
            _ = conversation.handle(line)
        }
        let state = conversation.state
        let rendered = RequirementsDocument.render(state.requirements, gateStatus: state.requirementsGateStatus)
        let golden = try GoldenFile.check(rendered, against: GoldenFile.url("imported.md", besides: #filePath))
        #expect(golden != nil, "missing golden file imported.md: run with UPDATE_GOLDEN=1 and review it")
        #expect(rendered == golden)
    }

    @Test func renderingIsDeterministic() {
        #expect(Self.render(SampleTranscripts.shop) == Self.render(SampleTranscripts.shop))
    }

    @Test func tableCellsEscapePipesAndNewlines() {
        var conversation = Conversation(state: SessionState(name: "x"), clock: FixedClock.now)
        _ = conversation.handle("/entity A attributes=a_id:string identifier=a_id")
        _ = conversation.handle("/pattern \"Get A | B\" entities=A type=read")
        let document = RequirementsDocument.render(conversation.state.requirements, gateStatus: "open")
        #expect(document.contains("| 1 | Get A \\| B | ?/? RPS | Read |"))
    }
}
