/// What handling one line produced: text to show before the next question, and what to do next.
public struct ConversationReply: Sendable, Equatable {
    /// Lines to print, in order (answers acknowledged, errors, command output).
    public var messages: [String]
    /// The session state changed and must be saved before the next question.
    public var changed: Bool
    /// The user asked to leave (`/quit`).
    public var quit: Bool

    public init(messages: [String] = [], changed: Bool = false, quit: Bool = false) {
        self.messages = messages
        self.changed = changed
        self.quit = quit
    }
}
