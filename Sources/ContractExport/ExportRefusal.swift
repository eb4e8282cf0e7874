/// Why one export format cannot be written for a model: a full sentence that says what is wrong
/// and what to do. `ddbmodel export` then writes nothing at all.
public struct ExportRefusal: Error, Sendable, Equatable {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }
}
