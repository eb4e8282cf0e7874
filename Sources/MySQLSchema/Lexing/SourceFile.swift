/// One file's bytes, with what diagnostics need: columns of offsets and the start of a statement.
final class SourceFile {
    /// Characters of a statement a diagnostic quotes.
    static let statementStartLength = 60

    let name: String
    let bytes: [UInt8]
    /// The last column computed, so that columns along one long line cost linear time in total.
    private var cachedLineStart = -1
    private var cachedOffset = 0
    private var cachedColumn = 1

    init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// The 1-based column of `offset` on the line starting at `lineStart`, in Unicode scalars
    /// (UTF-8 continuation bytes do not count).
    func column(offset: Int, lineStart: Int) -> Int {
        var index = lineStart
        var column = 1
        if cachedLineStart == lineStart && cachedOffset <= offset {
            index = cachedOffset
            column = cachedColumn
        }
        let end = min(offset, bytes.count)
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        cachedLineStart = lineStart
        cachedOffset = max(end, lineStart)
        cachedColumn = column
        return column
    }

    /// The statement's text from `start` (before `end`), on one line and at most 60 characters:
    /// runs of whitespace and control characters become one space, "…" marks a cut.
    func statementStart(from start: Int, to end: Int) -> String {
        // Four bytes per character is the most 60 characters can take, plus room for whitespace.
        let window = min(min(end, bytes.count), start + Self.statementStartLength * 16)
        guard start < window else { return "" }
        let text = String(decoding: bytes[start..<window], as: UTF8.self)
        var result = ""
        var characters = 0
        var pendingSpace = false
        var truncated = window < min(end, bytes.count)
        for character in text {
            let isSpace = character.unicodeScalars.allSatisfy { $0.value <= 0x20 || $0.value == 0x7F || $0.properties.isWhitespace }
            if isSpace {
                pendingSpace = characters > 0
                continue
            }
            if characters + (pendingSpace ? 2 : 1) > Self.statementStartLength {
                truncated = true
                break
            }
            if pendingSpace {
                result.append(" ")
                characters += 1
                pendingSpace = false
            }
            result.append(character)
            characters += 1
        }
        return truncated ? result + "…" : result
    }

    /// The position of the first byte sequence that is not UTF-8, if any.
    func firstInvalidUTF8() -> (offset: Int, line: Int, lineStart: Int)? {
        // The standard library's validation is fast; decoding scalar by scalar finds the place.
        guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var line = 1
        var lineStart = 0
        while true {
            let before = offset
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" {
                    line += 1
                    lineStart = offset
                }
            case .emptyInput:
                return nil
            case .error:
                return (before, line, lineStart)
            }
        }
    }
}
