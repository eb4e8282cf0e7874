import Conversation
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// Unknown figures the model depends on (items per request, typical sizes, distinct values of a
/// filtered attribute) are listed at the requirements gate as questions, each with the command
/// that answers it; the commands work and the question goes away. None blocks the gate.
@Suite struct OpenQuestionsTests {
    static let yaml = """
    overview:
      domain: notes
      business_context: Users keep notes and list them by status.
      expected_users: 1k
      peak_rps: 50
    entities:
      - name: Note
        owner: notes
        identifier: note_id
        item_count: 10k
        attributes: [note_id:string:36, owner_id:string:36, status:string:8, body:string]
    access_patterns:
      - {description: List an owner's notes of one status, entities: [Note], type: read, equality: [owner_id], sort: none, filter: [status], items: unknown, peak_rps: 20, average_rps: 5, consistency: eventual, latency: none, attributes: all}
      - {description: Create note, entities: [Note], type: write, equality: [], sort: none, filter: [], items: 1, peak_rps: 5, average_rps: 1, consistency: strong, latency: none, attributes: all}
    """

    static func loaded() throws -> Conversation {
        var state = SessionState(name: "notes")
        state.requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "notes.yaml")
        var conversation = Conversation(state: state, clock: FixedClock.now)
        conversation.beginReview()
        return conversation
    }

    @Test func theGateListsEachUnknownWithItsAnswer() throws {
        let questions = OpenQuestions.questions(in: try Self.loaded().state.requirements)
        #expect(questions.map(\.fix) == ["/edit pattern 1 items=N", "/edit entity Note distinct=status:COUNT", "/edit entity Note size=body:BYTES"])
        var conversation = try Self.loaded()
        let gate = conversation.handle("/gate").messages.joined(separator: "\n") + "\n" + conversation.question.text
        #expect(gate.contains("Open questions (they do not block the gate"), "\(gate)")
        #expect(gate.contains("- What is the typical size of Note.body (string) in bytes?\n        answer: /edit entity Note size=body:BYTES"), "\(gate)")
        #expect(gate.contains("Type yes in full to confirm and pass the gate"), "the questions block the gate: \(gate)")
    }

    @Test func eachAnswerCommandRemovesItsQuestion() throws {
        var conversation = try Self.loaded()
        for line in ["/edit entity Note size=body:2000", "/edit entity Note distinct=status:3", "/edit pattern 1 items=12"] {
            let reply = conversation.handle(line)
            #expect(!reply.messages.joined().contains("not an entity field"), "\(line): \(reply.messages)")
        }
        let note = try #require(conversation.state.requirements.entity(named: "Note"))
        #expect(note.attribute(named: "body")?.typicalSizeBytes == 2000)
        #expect(note.attribute(named: "status")?.distinctValues == 3)
        #expect(OpenQuestions.questions(in: conversation.state.requirements).isEmpty)
    }

    @Test func aWrongSizeOrDistinctAnswerSaysWhatIsExpected() throws {
        var conversation = try Self.loaded()
        let before = conversation.state.requirements
        for (line, expected) in [("/edit entity Note size=body", "Give size as ATTRIBUTE:NUMBER"),
                                 ("/edit entity Note size=body:0", "a whole number above 0"),
                                 ("/edit entity Note size=body:500000", "at most 409600 bytes"),
                                 ("/edit entity Note distinct=colour:3", "colour is not an attribute of Note; its attributes are note_id, owner_id, status, body.")] {
            let reply = conversation.handle(line).messages.joined(separator: "\n")
            #expect(reply.contains(expected), "\(line): \(reply)")
        }
        #expect(conversation.state.requirements == before, "a refused answer changes nothing")
    }
}
