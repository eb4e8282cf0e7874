import Conversation
import Requirements
import TestSupport
import Testing

/// The guided session asks how long each entity's items are kept (docs/design-engine.md,
/// "Lifecycle"), when the entity has a date to count from; forever is an answer.
@Suite struct RetentionQuestionTests {
    static func walk(_ answers: [String]) -> Conversation {
        var conversation = Conversation(state: SessionState(name: "retention"), clock: FixedClock.now)
        for answer in ["iot", "Devices send readings.", "1k", "100"] + answers { _ = conversation.handle(answer) }
        return conversation
    }

    static let reading = ["Reading", "reading_id:string:36, device_id:string:36, value:number, recorded_at:datetime", "reading_id", "none", ""]

    @Test func aPeriodBecomesTheEntitysRetention() {
        let conversation = Self.walk(Self.reading)
        #expect(conversation.state.step == .entityRetention(entity: "Reading"))
        #expect(conversation.question.text.hasPrefix("How long are Reading items kept? Press Enter or type forever"))
        var answered = conversation
        _ = answered.handle("30 days")
        #expect(answered.state.requirements.entity(named: "Reading")?.retention == .period(RetentionPeriod(days: 30, from: "recorded_at")))
        #expect(answered.state.step == .entityName)
    }

    @Test(arguments: [
        ("12 weeks from recorded_at", Retention.period(RetentionPeriod(days: 84, from: "recorded_at"))),
        ("1 year, then archived", Retention.period(RetentionPeriod(days: 365, from: "recorded_at", archived: true))),
        ("forever", Retention.forever),
        ("", Retention.forever),
    ])
    func answersAreRead(answer: String, expected: Retention) {
        var conversation = Self.walk(Self.reading)
        _ = conversation.handle(answer)
        #expect(conversation.state.requirements.entity(named: "Reading")?.retention == expected)
    }

    @Test func aBadAnswerIsRefusedWithTheReason() {
        var conversation = Self.walk(Self.reading)
        let reply = conversation.handle("30 days from value_at")
        #expect(reply.messages == ["The retention of Reading counts from value_at, which is not an attribute of Reading: use one of recorded_at."])
        #expect(conversation.state.step == .entityRetention(entity: "Reading"))
    }

    @Test func anEntityWithoutADateIsNotAsked() {
        let conversation = Self.walk(["Device", "device_id:string:36, name:string:30", "device_id", "none", ""])
        #expect(conversation.state.step == .entityName)
        #expect(conversation.state.requirements.entity(named: "Device")?.retention == nil)
    }

    @Test func theEntityCommandsSetItToo() {
        var conversation = Self.walk(Self.reading + ["forever"])
        _ = conversation.handle("/edit entity Reading retention=30d:recorded_at")
        #expect(conversation.state.requirements.entity(named: "Reading")?.retention == .period(RetentionPeriod(days: 30, from: "recorded_at")))
        let reply = conversation.handle("/edit entity Reading retention=soon")
        #expect(reply.messages.first?.contains("Give the retention of Reading as a number of days") == true, "\(reply.messages)")
    }
}
