/// What a terminal would show after some output: a small xterm subset, enough for libedit.
///
/// libedit redraws a line with cursor movements, deletions and overwrites, so the raw bytes of a
/// recalled history entry need not contain the entry as one run of text. Tests assert on this
/// rendering instead ("the cursor line contains `> retail`"). Unknown escape sequences are
/// skipped; every Unicode scalar takes one column (no wide characters in these tests).
public struct TerminalScreen {
    public let rows: Int
    public let columns: Int
    public private(set) var grid: [[Unicode.Scalar]]
    public private(set) var cursorRow = 0
    public private(set) var cursorColumn = 0
    /// xterm defers the wrap after the last column until the next character is printed.
    private var wrapPending = false
    private var insertMode = false

    public init(rows: Int = 24, columns: Int = 80) {
        self.rows = rows
        self.columns = columns
        grid = Array(repeating: Array(repeating: " ", count: columns), count: rows)
    }

    /// The screen after `output`, starting from a blank screen.
    public init(rendering output: [UInt8], rows: Int = 24, columns: Int = 80) {
        self.init(rows: rows, columns: columns)
        feed(output)
    }

    /// The visible lines, trailing blanks removed.
    public var lines: [String] {
        grid.map { row in
            var text = String(String.UnicodeScalarView(row))
            while text.last == " " { text.removeLast() }
            return text
        }
    }

    /// The line the cursor is on: the line being edited while a prompt is active.
    public var cursorLine: String { lines[cursorRow] }

    /// The non-empty lines joined with newlines, for failure messages.
    public var text: String {
        var visible = lines
        while visible.last?.isEmpty == true { visible.removeLast() }
        return visible.joined(separator: "\n")
    }

    public mutating func feed(_ output: [UInt8]) {
        var scalars = String(decoding: output, as: UTF8.self).unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\u{1B}": escape(&scalars)
            case "\r": moveTo(row: cursorRow, column: 0)
            case "\n": lineFeed()
            case "\u{08}": moveTo(row: cursorRow, column: cursorColumn - 1)
            case "\t": moveTo(row: cursorRow, column: (cursorColumn / 8 + 1) * 8)
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { put(scalar) }
            }
        }
    }

    private mutating func put(_ scalar: Unicode.Scalar) {
        if wrapPending {
            wrapPending = false
            cursorColumn = 0
            lineFeed()
        }
        if insertMode {
            grid[cursorRow].insert(scalar, at: cursorColumn)
            grid[cursorRow].removeLast()
        } else {
            grid[cursorRow][cursorColumn] = scalar
        }
        if cursorColumn == columns - 1 {
            wrapPending = true
        } else {
            cursorColumn += 1
        }
    }

    private mutating func lineFeed() {
        wrapPending = false
        if cursorRow == rows - 1 {
            grid.removeFirst()
            grid.append(Array(repeating: " ", count: columns))
        } else {
            cursorRow += 1
        }
    }

    private mutating func moveTo(row: Int, column: Int) {
        wrapPending = false
        cursorRow = min(max(row, 0), rows - 1)
        cursorColumn = min(max(column, 0), columns - 1)
    }

    private mutating func escape(_ scalars: inout String.UnicodeScalarView.Iterator) {
        guard let kind = scalars.next() else { return }
        switch kind {
        case "[":
            var parameters = ""
            while let next = scalars.next() {
                if (0x40...0x7E).contains(next.value) {
                    controlSequence(parameters: parameters, final: next)
                    return
                }
                parameters.unicodeScalars.append(next)
            }
        case "]":
            // Operating system command (window title): ends with BEL or ESC \.
            while let next = scalars.next(), next != "\u{07}" {
                if next == "\u{1B}" {
                    _ = scalars.next()
                    return
                }
            }
        case "(", ")", "#":
            _ = scalars.next()
        default:
            break  // ESC =, ESC >, ESC 7/8 and the like do not change the text.
        }
    }

    private mutating func controlSequence(parameters: String, final: Unicode.Scalar) {
        if parameters.hasPrefix("?") || parameters.hasPrefix(">") {
            return  // Private modes (keypad, cursor visibility): no effect on the text.
        }
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        let first = numbers.first.flatMap { $0 } ?? 0
        let count = max(first, 1)
        switch final {
        case "A": moveTo(row: cursorRow - count, column: cursorColumn)
        case "B": moveTo(row: cursorRow + count, column: cursorColumn)
        case "C": moveTo(row: cursorRow, column: cursorColumn + count)
        case "D": moveTo(row: cursorRow, column: cursorColumn - count)
        case "G": moveTo(row: cursorRow, column: count - 1)
        case "d": moveTo(row: count - 1, column: cursorColumn)
        case "H", "f":
            let column = numbers.count > 1 ? (numbers[1] ?? 1) : 1
            moveTo(row: count - 1, column: max(column, 1) - 1)
        case "K": eraseInLine(first)
        case "J": eraseInDisplay(first)
        case "P":
            for _ in 0..<min(count, columns - cursorColumn) {
                grid[cursorRow].remove(at: cursorColumn)
                grid[cursorRow].append(" ")
            }
        case "@":
            for _ in 0..<min(count, columns - cursorColumn) {
                grid[cursorRow].insert(" ", at: cursorColumn)
                grid[cursorRow].removeLast()
            }
        case "X":
            for column in cursorColumn..<min(cursorColumn + count, columns) { grid[cursorRow][column] = " " }
        case "h", "l":
            if first == 4 { insertMode = final == "h" }
        default:
            break  // Colours (m) and anything else leave the text as it is.
        }
    }

    private mutating func eraseInLine(_ mode: Int) {
        let range: Range<Int>
        switch mode {
        case 1: range = 0..<(cursorColumn + 1)
        case 2: range = 0..<columns
        default: range = cursorColumn..<columns
        }
        for column in range { grid[cursorRow][column] = " " }
    }

    private mutating func eraseInDisplay(_ mode: Int) {
        let blank = Array(repeating: Unicode.Scalar(" "), count: columns)
        switch mode {
        case 1:
            for row in 0..<cursorRow { grid[row] = blank }
            eraseInLine(1)
        case 2, 3:
            grid = Array(repeating: blank, count: rows)
        default:
            eraseInLine(0)
            for row in (cursorRow + 1)..<rows { grid[row] = blank }
        }
    }
}
