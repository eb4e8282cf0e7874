/// Reads JSON, finding the first syntax error with where it is and what was expected there, and
/// building `OrderedJSON` values as it goes when asked to.
///
/// `JSONDecoder` only says "The given data was not valid JSON", which leaves a user who hand-edited
/// `session.json` or a contract with no idea where to look. This parser follows RFC 8259 strictly (no
/// comments, no trailing commas, no `NaN`), validates UTF-8 and `\u` surrogate pairs the way
/// `JSONDecoder` does, and accepts a leading UTF-8 byte order mark as `JSONDecoder` does. It never
/// recurses: the open arrays and objects are on an explicit stack capped at `maximumDepth`, so
/// hostile input cannot exhaust the call stack. Strings, numbers and words are read in
/// `JSONParser+Scalars.swift`; errors and their positions are made in `JSONParser+JSONParseFailure.swift`.
struct JSONParser {
    static let maximumDepth = 512

    let bytes: [UInt8]
    /// False for a syntax check only: strings are then validated but not decoded and nothing is
    /// built, so checking a 1 MB `session.json` allocates next to nothing.
    let buildsValues: Bool
    var index = 0
    var hasByteOrderMark = false
    private var openContainers: [OpenContainer] = []
    /// The document's value once read (only when building values).
    private var root = OrderedJSON.null

    init(bytes: [UInt8], buildsValues: Bool) {
        self.bytes = bytes
        self.buildsValues = buildsValues
    }

    /// An array or object being read, with what it holds so far.
    private struct OpenContainer {
        let isArray: Bool
        var items: [OrderedJSON] = []
        var members: [(String, OrderedJSON)] = []
        /// The key of the member whose value is being read.
        var key = ""
    }

    /// Where the parser expects a value, which decides what else may legally appear instead.
    private enum ValueContext {
        case topLevel, firstElement, elementAfterComma, memberValue

        var expectation: String {
            switch self {
            case .topLevel: "a JSON value"
            case .firstElement: "a value or ']'"
            case .elementAfterComma: "a value after ','"
            case .memberValue: "a value after ':'"
            }
        }
    }

    private enum State {
        case value(ValueContext)
        case key(first: Bool)
        case colon
        case afterValue
    }

    /// The document's value (`.null` when not building values), or the first syntax error.
    mutating func parseDocument() throws(JSONSyntaxError) -> OrderedJSON {
        do {
            try readDocument()
            return root
        } catch {
            let (line, column) = lineAndColumn(of: error.offset)
            throw JSONSyntaxError(line: line, column: column, message: error.message, isUnexpectedEndOfFile: error.isEndOfFile)
        }
    }

    private mutating func readDocument() throws(JSONParseFailure) {
        try skipByteOrderMark()
        var state = State.value(.topLevel)
        while true {
            skipWhitespace()
            switch state {
            case .value(let context):
                try readValue(in: context, state: &state)
            case .key(let first):
                try readKey(first: first, state: &state)
            case .colon:
                guard index < bytes.count else { throw endOfFile(expecting: "':' after the object key") }
                guard bytes[index] == .colon else { throw failure("expected ':' after the object key") }
                index += 1
                state = .value(.memberValue)
            case .afterValue:
                guard let container = openContainers.last else {
                    guard index < bytes.count else { return }
                    throw failure(
                        bytes[index] == .slash
                            ? "comments are not allowed in JSON"
                            : "expected the end of the file after the JSON value (only whitespace may follow it)")
                }
                let (comma, next, expectation): (State, UInt8, String) =
                    container.isArray
                    ? (.value(.elementAfterComma), .closeBracket, "',' or ']' after an array element")
                    : (.key(first: false), .closeBrace, "',' or '}' after an object member")
                guard index < bytes.count else { throw endOfFile(expecting: expectation) }
                switch bytes[index] {
                case .comma:
                    index += 1
                    state = comma
                case next:
                    index += 1
                    close()
                case .slash:
                    throw failure("comments are not allowed in JSON")
                default:
                    throw failure("expected \(expectation)")
                }
            }
        }
    }

    // MARK: - Values and keys

    private mutating func readValue(in context: ValueContext, state: inout State) throws(JSONParseFailure) {
        guard index < bytes.count else {
            if context == .topLevel {
                throw JSONParseFailure(offset: index, message: "the document is empty; expected a JSON value", isEndOfFile: false)
            }
            throw endOfFile(expecting: context.expectation)
        }
        switch bytes[index] {
        case .openBrace:
            try open(isArray: false)
            state = .key(first: true)
        case .openBracket:
            try open(isArray: true)
            state = .value(.firstElement)
        case .quote:
            let text = try readString()
            complete(.string(text))
            state = .afterValue
        case .minus, .digitZero ... .digitNine:
            let number = try readNumber()
            complete(number)
            state = .afterValue
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            let word = try readWord()
            complete(word)
            state = .afterValue
        case .closeBracket where context == .firstElement:
            index += 1
            close()
            state = .afterValue
        case .closeBracket where context == .elementAfterComma:
            throw failure("trailing comma before ']'; remove the ',' after the last element")
        case .slash:
            throw failure("comments are not allowed in JSON")
        case .apostrophe:
            throw failure("strings must be in double quotes, not single quotes")
        default:
            throw failure("expected \(context.expectation)")
        }
    }

    private mutating func readKey(first: Bool, state: inout State) throws(JSONParseFailure) {
        let expectation = first ? "a string key or '}'" : "a string key after ','"
        guard index < bytes.count else { throw endOfFile(expecting: expectation) }
        let byte = bytes[index]
        switch byte {
        case .quote:
            let key = try readString()
            if buildsValues { openContainers[openContainers.count - 1].key = key }
            state = .colon
        case .closeBrace where first:
            index += 1
            close()
            state = .afterValue
        case .closeBrace:
            throw failure("trailing comma before '}'; remove the ',' after the last member")
        case .slash:
            throw failure("comments are not allowed in JSON")
        case .apostrophe:
            throw failure("strings must be in double quotes, not single quotes")
        case _ where byte.isASCIILetter || byte == .underscore:
            throw failure("object keys must be strings in double quotes")
        default:
            throw failure("expected \(expectation)")
        }
    }

    // MARK: - Building values

    private mutating func open(isArray: Bool) throws(JSONParseFailure) {
        guard openContainers.count < Self.maximumDepth else {
            throw failure("arrays and objects are nested more than \(Self.maximumDepth) levels deep")
        }
        openContainers.append(OpenContainer(isArray: isArray))
        index += 1
    }

    private mutating func close() {
        let container = openContainers.removeLast()
        complete(container.isArray ? .array(container.items) : .object(container.members))
    }

    /// Puts a finished value where it belongs: into the innermost open container, or as the document.
    /// An autoclosure, so that a syntax check makes no value at all (each would be a heap box).
    private mutating func complete(_ value: @autoclosure () -> OrderedJSON) {
        guard buildsValues else { return }
        guard !openContainers.isEmpty else { return root = value() }
        let innermost = openContainers.count - 1
        if openContainers[innermost].isArray {
            openContainers[innermost].items.append(value())
        } else {
            openContainers[innermost].members.append((openContainers[innermost].key, value()))
        }
    }

    // MARK: - Whitespace and byte order marks

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case .space, .tab, .lineFeed, .carriageReturn: index += 1
            default: return
            }
        }
    }

    private mutating func skipByteOrderMark() throws(JSONParseFailure) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            hasByteOrderMark = true
            index = 3
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw failure("the file is encoded as UTF-16; save it as UTF-8")
        }
    }
}
