/// What one read at the prompt produced.
///
/// Interruption and end of input are separate cases because they mean different things to a
/// session: Ctrl-C abandons the line being typed and asks again, while Ctrl-D (or the end of a
/// piped file) ends the session.
public enum LineInput: Equatable, Sendable {
    /// A line the user accepted, without the trailing newline.
    case line(String)
    /// Ctrl-C while editing: the current line was discarded; the caller should prompt again.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input stream.
    case endOfInput
}
