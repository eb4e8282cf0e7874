/// Reads plain lines from standard input (pipes, files): no prompt, no escapes.
///
/// Scripted sessions and CI feed answers through a pipe; anything a line editor would print there
/// (prompts, redraws) would only pollute the transcript, so this reader prints nothing at all.
public struct PlainLineReader: Sendable {
    /// Creates a reader of standard input.
    public init() {}

    /// Reads the next line, without its line ending (`\n` or `\r\n`).
    ///
    /// Returns ``LineInput/endOfInput`` at the end of the stream; never ``LineInput/interrupted``,
    /// because without a line editor Ctrl-C is an ordinary signal.
    public func readLine() -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else {
            return .endOfInput
        }
        return .line(line)
    }
}
