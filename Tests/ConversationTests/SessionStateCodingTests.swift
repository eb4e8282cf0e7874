import Conversation
import DesignEngine
import Foundation
import Testing
import TestSupport

@Suite struct SessionStateCodingTests {
    @Test func aSessionSurvivesTheRoundTripAtEveryStep() throws {
        var conversation = Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
        for line in SampleTranscripts.shop {
            _ = conversation.handle(line)
            try Self.expectRoundTrip(conversation)
        }
    }

    @Test func aDesignSessionResumesAtTheExactDesignStep() throws {
        var conversation = try DesignStageFixture.withStrongReadByID()
        var steps: [Step] = []
        for line in ["yes", "/rename table Products Catalog", "/keys Users email", "no", "/keys Users email", "/status", "yes", "/gate", "/keys Users reset", "yes"] {
            _ = conversation.handle(line)
            steps.append(conversation.state.step)
            try Self.expectRoundTrip(conversation)
        }
        #expect(steps.contains(.designReview(table: "Product")))
        #expect(steps.contains(.designChangeConfirmation))
        #expect(steps.contains(.designGate))
        #expect(steps.last == .contractGate)
    }

    @Test func aPendingChangeIsResumedAsTheSameQuestion() throws {
        var conversation = try DesignStageFixture.withStrongReadByID()
        _ = conversation.handle("/keys Users email")
        let data = try JSONEncoder().encode(conversation.state)
        var resumed = Conversation(state: try JSONDecoder().decode(SessionState.self, from: data), clock: FixedClock.now)
        #expect(resumed.state.step == .designChangeConfirmation)
        #expect(resumed.question == conversation.question)
        _ = resumed.handle("yes")
        #expect(resumed.state.designChoices.tableKeys["User"] == KeyChoice(partition: ["email"], sort: []))
    }

    /// A session saved before the design stage existed: step `requirementsConfirmed`, no
    /// `design_choices` key. It loads with default choices and resumes into the design review.
    @Test func anOldConfirmedSessionResumesIntoTheDesignReview() throws {
        var conversation = try DesignStageFixture.start()
        conversation = Conversation(state: conversation.state, clock: FixedClock.now)
        let encoded = try JSONEncoder().encode(conversation.state)
        var object = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any])
        object.removeValue(forKey: "design_choices")
        object["step"] = ["requirementsConfirmed": [String: Any]()]
        object["previous_steps"] = [["requirementsGate": [String: Any]()]]
        let old = try JSONSerialization.data(withJSONObject: object)
        let state = try JSONDecoder().decode(SessionState.self, from: old)
        #expect(state.designChoices == DesignChoices())
        #expect(state.step == .requirementsConfirmed)
        let resumed = Conversation(state: state, clock: FixedClock.now)
        #expect(resumed.state.step == .designReview(table: "User"))
        #expect(resumed.question.text.hasPrefix("Table 1 of 6: Users"))
        #expect(resumed.state.formatVersion == 1)
    }

    @Test func anOldSessionWithAnOpenGateStaysInRequirements() throws {
        var state = try DesignStageFixture.loaded().state
        state.step = .requirementsConfirmed
        #expect(Conversation(state: state, clock: FixedClock.now).state.step == .requirementsGate)
    }

    static func expectRoundTrip(_ conversation: Conversation, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(conversation.state)
        let decoded = try JSONDecoder().decode(SessionState.self, from: data)
        #expect(decoded == conversation.state, sourceLocation: sourceLocation)
        // A resumed conversation asks exactly the same question.
        #expect(Conversation(state: decoded, clock: FixedClock.now).question == conversation.question, sourceLocation: sourceLocation)
    }
}
