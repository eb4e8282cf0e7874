import Conversation
import DesignEngine
import Testing
import TestSupport

/// `/validate` inside a session: refused before the requirements gate and for remote endpoints,
/// otherwise handed the session's current model.
@Suite struct ValidateCommandTests {
    final class RecordingValidator: ModelValidating, @unchecked Sendable {
        var models: [DataModel] = []
        func isLoopback(_ endpoint: String) -> Bool { endpoint.hasPrefix("http://127.0.0.1") }
        func validate(model: DataModel, state: SessionState, endpoint: String) -> [String] {
            models.append(model)
            return ["validated \(model.tables.count) tables at \(endpoint)"]
        }
    }

    static func conversation(_ validator: RecordingValidator, approved: Bool) throws -> Conversation {
        let source = approved ? try DesignStageFixture.start() : try DesignStageFixture.loaded()
        return Conversation(state: source.state, clock: FixedClock.now, modelValidator: validator)
    }

    @Test func theCurrentModelIsValidatedAtALocalEndpoint() throws {
        let validator = RecordingValidator()
        var conversation = try Self.conversation(validator, approved: true)
        let reply = conversation.handle("/validate http://127.0.0.1:8000")
        #expect(reply.messages == ["validated 6 tables at http://127.0.0.1:8000"])
        #expect(validator.models.first == conversation.dataModel)
        #expect(!reply.changed)
    }

    @Test func refusalsSayWhy() throws {
        let validator = RecordingValidator()
        var early = try Self.conversation(validator, approved: false)
        #expect(early.handle("/validate http://127.0.0.1:8000").messages == ["There is no data model to validate yet: pass the requirements gate first (/gate)."])
        var conversation = try Self.conversation(validator, approved: true)
        #expect(conversation.handle("/validate").messages.first?.hasPrefix("Usage: /validate ENDPOINT") == true)
        #expect(conversation.handle("/validate https://dynamodb.us-east-1.amazonaws.com").messages.first?.contains("--allow-remote") == true)
        #expect(validator.models.isEmpty)
        var without = Conversation(state: conversation.state, clock: FixedClock.now)
        #expect(without.handle("/validate http://127.0.0.1:8000").messages.first?.hasPrefix("/validate is not available here") == true)
    }
}
