#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's terminal that decide how input is read and output decorated.
public enum TerminalInfo {
    /// Whether both standard input and standard output are terminals.
    ///
    /// Both must be: with input from a pipe there is nothing to edit, and with output to a file
    /// the editor's prompt redraws and escape codes would end up in that file.
    public static var isInteractive: Bool {
        isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
    }
}
