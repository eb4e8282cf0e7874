import Conversation
import Testing
import TestSupport

/// The ask-read-handle-save loop, with a scripted reader and in-memory persistence.
@Suite struct ConversationLoopTests {
    static func loop(_ reader: ScriptedLineReader, _ output: RecordingOutput, _ persistence: InMemoryPersistence, interactive: Bool = false) -> ConversationLoop {
        ConversationLoop(conversation: Conversation(state: SessionState(name: "shop"), clock: FixedClock.now),
                         reader: reader, output: output, persistence: persistence, interactive: interactive)
    }

    @Test func everyAcceptedAnswerIsSavedAndNothingIsSavedTwice() {
        let reader = ScriptedLineReader(["retail", "oops:bad", "/show"])
        let output = RecordingOutput()
        let persistence = InMemoryPersistence()
        let end = Self.loop(reader, output, persistence).run()
        #expect(end == .endOfInput)
        // "retail" accepted (1 save), the context answer "oops:bad" accepted (1 save), /show saves
        // nothing, and end of input finds the files up to date.
        #expect(persistence.saved.count == 2)
        #expect(persistence.saved.last?.requirements.overview.businessContext == "oops:bad")
        #expect(reader.prompts.allSatisfy { $0.isEmpty }, "piped sessions print no prompt decoration")
    }

    @Test func aBadAnswerPrintsOneLineAndAsksAgain() {
        let reader = ScriptedLineReader(["retail", "context", "lots"])
        let output = RecordingOutput()
        _ = Self.loop(reader, output, InMemoryPersistence()).run()
        let lines = output.text.split(separator: "\n").map(String.init)
        let question = "How many users do you expect? (a number such as 50k, or unknown)"
        #expect(lines.suffix(3) == [question, "The number of users must be a number such as 500, 1,200 or 2.5k, or \"unknown\".", question])
    }

    @Test func ctrlCDiscardsTheLineWithoutRepeatingTheQuestion() {
        let reader = ScriptedLineReader(results: [.interrupted, .line("retail")])
        let output = RecordingOutput()
        let persistence = InMemoryPersistence()
        _ = Self.loop(reader, output, persistence, interactive: true).run()
        #expect(output.text.components(separatedBy: "What is the application's domain?").count == 2)
        #expect(persistence.saved.last?.requirements.overview.domain == "retail")
        #expect(reader.prompts.first == "> ")
    }

    @Test func quitSaves() {
        let persistence = InMemoryPersistence()
        let end = Self.loop(ScriptedLineReader(["/quit", "never read"]), RecordingOutput(), persistence).run()
        #expect(end == .quit)
        #expect(persistence.saved.count == 1)
    }

    /// A state nobody saved yet is saved on the way out; one the runner saved is not saved again.
    @Test(arguments: [false, true])
    func theWayOutSavesOnlyAnUnsavedState(stateIsSaved: Bool) {
        let persistence = InMemoryPersistence()
        let loop = ConversationLoop(conversation: Conversation(state: SessionState(name: "shop"), clock: FixedClock.now),
                                    reader: ScriptedLineReader(["/show"]), output: RecordingOutput(), persistence: persistence,
                                    interactive: false, stateIsSaved: stateIsSaved)
        _ = loop.run()
        #expect(persistence.saved.count == (stateIsSaved ? 0 : 1))
    }

    /// After a failed save the way out tries again, so the answer still reaches the disk.
    @Test func theWayOutRetriesAFailedSave() {
        let persistence = InMemoryPersistence()
        persistence.failWith = "the disk is full."
        let reader = ScriptedLineReader(["retail"])
        let loop = ConversationLoop(conversation: Conversation(state: SessionState(name: "shop"), clock: FixedClock.now),
                                    reader: reader, output: RecordingOutput(), persistence: persistence, interactive: false,
                                    stateIsSaved: true)
        reader.onEnd = { persistence.failWith = nil }
        _ = loop.run()
        #expect(persistence.saved.count == 1)
        #expect(persistence.saved.last?.requirements.overview.domain == "retail")
    }

    @Test func aFailedSaveIsReportedAndTheAnswerKept() {
        let persistence = InMemoryPersistence()
        persistence.failWith = "No space left on device"
        let output = RecordingOutput()
        let loop = Self.loop(ScriptedLineReader(["retail"]), output, persistence)
        _ = loop.run()
        #expect(output.text.contains("Could not save session.json: No space left on device. The previous version of the file is unchanged. Your answers are kept in this session;"))
        #expect(loop.conversation.state.requirements.overview.domain == "retail")
    }
}
