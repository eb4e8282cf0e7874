/// A requirement the tool cannot accept, with a message that says what is expected instead.
public struct RequirementsError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
