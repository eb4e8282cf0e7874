import Conversation
import Foundation
import Testing
import TestSupport

@Suite struct SessionStateCodingTests {
    @Test func aSessionSurvivesTheRoundTripAtEveryStep() throws {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for line in SampleTranscripts.shop {
            _ = conversation.handle(line)
            let data = try encoder.encode(conversation.state)
            let decoded = try JSONDecoder().decode(SessionState.self, from: data)
            #expect(decoded == conversation.state)
            // A resumed conversation asks exactly the same question.
            #expect(Conversation(state: decoded, clock: FixedClock.now).question == conversation.question)
        }
    }
}
