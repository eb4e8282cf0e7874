import Conversation
import Foundation
import Testing
import TestSupport

/// The whole design stage of the e-commerce scenario as the terminal shows it, through the
/// conversation loop with a scripted reader, compared with a reviewed golden transcript.
@Suite struct DesignWalkthroughGoldenTests {
    static let script = DesignStageFixture.openingLines + [
        "",
        "/rename attribute Users display_name full_name",
        "yes",
        "/projection Products ProductsByCategory include title,description",
        "ok",
        "yes",
        "",
        "/capacity UserUsernames provisioned",
        "yes",
        "y",
        "yes",
        "/quit",
    ]

    @Test func theWalkthroughMatchesGolden() throws {
        let output = RecordingOutput()
        let persistence = InMemoryPersistence()
        let loop = ConversationLoop(conversation: try DesignStageFixture.loaded(), reader: ScriptedLineReader(Self.script),
                                    output: output, persistence: persistence, interactive: false)
        #expect(loop.run() == .quit)
        #expect(loop.conversation.state.gates.design.passedAt == FixedClock.time)
        #expect(persistence.saved.last == loop.conversation.state)
        let golden = try GoldenFile.check(output.text, against: GoldenFile.url("design_walkthrough.txt", besides: #filePath))
        #expect(golden != nil, "missing golden file design_walkthrough.txt: run with UPDATE_GOLDEN=1 and review it")
        #expect(output.text == golden)
    }
}
