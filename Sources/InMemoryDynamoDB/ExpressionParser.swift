import DynamoDBAPI

/// A recursive-descent parser for DynamoDB's expression grammars (developer guide, "Condition
/// and filter expressions", "Update expressions", "Projection expressions"): `NOT` binds tighter
/// than `AND`, which binds tighter than `OR`; comparisons, `BETWEEN` and `IN` sit below them.
/// Bare attribute names that are reserved words are refused, as DynamoDB does.
struct ExpressionParser {
    let tokens: [ExpressionToken]
    let text: String
    /// `ConditionExpression`, `KeyConditionExpression`, `UpdateExpression`… for messages.
    let kind: String
    var position = 0
    var names: Set<String> = []
    var values: Set<String> = []

    /// DynamoDB's limit on an expression's length (developer guide, "Expression parameters").
    static let maximumLength = 4096
    /// Parentheses and NOTs nest at most this deep, so no input can exhaust the stack.
    static let maximumDepth = 100
    var depth = 0

    init(_ text: String, kind: String) throws(DynamoDBError) {
        guard text.utf8.count <= Self.maximumLength else {
            throw .validation(message: "Invalid \(kind): Expression size has exceeded the maximum allowed size; expression size: \(text.utf8.count)")
        }
        self.text = text
        self.kind = kind
        self.tokens = try ExpressionTokenizer.tokens(text, kind: kind)
    }

    static func syntaxError(kind: String, token: String, text: String) -> DynamoDBError {
        .validation(message: "Invalid \(kind): Syntax error; token: \"\(token)\", near: \"\(text)\"")
    }

    var current: ExpressionToken { tokens[position] }

    func fail() -> DynamoDBError {
        if current == .end { return .validation(message: "Invalid \(kind): Syntax error; token: <EOF>, near: \"\(text)\"") }
        return Self.syntaxError(kind: kind, token: current.text, text: text)
    }

    mutating func advance() { if position < tokens.count - 1 { position += 1 } }

    func isKeyword(_ word: String) -> Bool {
        if case .word(let text) = current { return text.uppercased() == word }
        return false
    }

    func isSymbol(_ symbol: String) -> Bool { current == .symbol(symbol) }

    mutating func expectSymbol(_ symbol: String) throws(DynamoDBError) {
        guard isSymbol(symbol) else { throw fail() }
        advance()
    }

    mutating func expectEnd() throws(DynamoDBError) {
        guard current == .end else { throw fail() }
    }

    func parsed<Tree>(_ tree: Tree) -> Parsed<Tree> { Parsed(tree: tree, names: names, values: values) }

    // MARK: Paths and operands

    mutating func pathName() throws(DynamoDBError) -> PathName {
        switch current {
        case .word(let word):
            if ReservedWords.contains(word) {
                throw .validation(message: "Invalid \(kind): Attribute name is a reserved keyword; reserved keyword: \(word)")
            }
            guard let first = word.utf8.first, !(first >= 0x30 && first <= 0x39) else { throw fail() }
            advance()
            return .plain(word)
        case .nameReference(let name):
            names.insert(name)
            advance()
            return .placeholder(name)
        default:
            throw fail()
        }
    }

    mutating func path() throws(DynamoDBError) -> DocumentPath {
        var elements: [PathElement] = [.name(try pathName())]
        while true {
            if isSymbol(".") {
                advance()
                elements.append(.name(try pathName()))
            } else if isSymbol("[") {
                advance()
                guard case .number(let index) = current else { throw fail() }
                advance()
                try expectSymbol("]")
                elements.append(.index(index))
            } else {
                return DocumentPath(elements: elements)
            }
        }
    }

    mutating func valueReference() throws(DynamoDBError) -> String {
        guard case .valueReference(let name) = current else { throw fail() }
        values.insert(name)
        advance()
        return name
    }

    func nextIsCall() -> Bool { position + 1 < tokens.count && tokens[position + 1] == .symbol("(") }

    mutating func conditionOperand() throws(DynamoDBError) -> ConditionOperand {
        switch current {
        case .valueReference: return .value(try valueReference())
        case .word(let word) where nextIsCall():
            guard word == "size" else {
                throw .validation(message: "Invalid \(kind): Invalid function name; function: \(word)")
            }
            advance()
            advance()
            let target = try path()
            try expectSymbol(")")
            return .size(target)
        default:
            return .path(try path())
        }
    }

    // MARK: Conditions

    mutating func condition() throws(DynamoDBError) -> ConditionNode {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw .validation(message: "Invalid \(kind): The expression has more than \(Self.maximumDepth) nested levels")
        }
        var node = try conjunction()
        while isKeyword("OR") {
            advance()
            node = .or(node, try conjunction())
        }
        return node
    }

    mutating func conjunction() throws(DynamoDBError) -> ConditionNode {
        var node = try negation()
        while isKeyword("AND") {
            advance()
            node = .and(node, try negation())
        }
        return node
    }

    mutating func negation() throws(DynamoDBError) -> ConditionNode {
        if isKeyword("NOT") {
            advance()
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else {
                throw .validation(message: "Invalid \(kind): The expression has more than \(Self.maximumDepth) nested levels")
            }
            return .not(try negation())
        }
        return try primary()
    }

    mutating func primary() throws(DynamoDBError) -> ConditionNode {
        if isSymbol("(") {
            advance()
            let inner = try condition()
            try expectSymbol(")")
            return inner
        }
        if case .word(let word) = current, nextIsCall(), word != "size" {
            guard let function = ConditionFunction(rawValue: word) else {
                throw .validation(message: "Invalid \(kind): Invalid function name; function: \(word)")
            }
            advance()
            advance()
            var arguments = [try conditionOperand()]
            while isSymbol(",") {
                advance()
                arguments.append(try conditionOperand())
            }
            try expectSymbol(")")
            let expected = (function == .attributeExists || function == .attributeNotExists) ? 1 : 2
            guard arguments.count == expected else {
                throw .validation(message: "Invalid \(kind): Incorrect number of operands for operator or function; operator or function: \(word), number of operands: \(arguments.count)")
            }
            if case .path = arguments[0] {} else {
                throw .validation(message: "Invalid \(kind): Operator or function requires a document path; operator or function: \(word)")
            }
            return .function(function, arguments)
        }
        let left = try conditionOperand()
        if case .symbol(let symbol) = current, let comparator = Comparator(rawValue: symbol) {
            advance()
            return .compare(left, comparator, try conditionOperand())
        }
        if isKeyword("BETWEEN") {
            advance()
            let low = try conditionOperand()
            guard isKeyword("AND") else { throw fail() }
            advance()
            return .between(left, low, try conditionOperand())
        }
        if isKeyword("IN") {
            advance()
            try expectSymbol("(")
            var list = [try conditionOperand()]
            while isSymbol(",") {
                advance()
                list.append(try conditionOperand())
            }
            try expectSymbol(")")
            if list.count > 100 {
                throw .validation(message: "Invalid \(kind): The IN operator is provided with too many operands; number of operands: \(list.count)")
            }
            return .inList(left, list)
        }
        throw fail()
    }

    static func condition(_ text: String, kind: String) throws(DynamoDBError) -> Parsed<ConditionNode> {
        var parser = try ExpressionParser(text, kind: kind)
        if parser.current == .end {
            throw .validation(message: "Invalid \(kind): The expression can not be empty;")
        }
        let node = try parser.condition()
        try parser.expectEnd()
        return parser.parsed(node)
    }

    // MARK: Projections

    static func projection(_ text: String) throws(DynamoDBError) -> Parsed<[DocumentPath]> {
        var parser = try ExpressionParser(text, kind: "ProjectionExpression")
        if parser.current == .end {
            throw .validation(message: "Invalid ProjectionExpression: The expression can not be empty;")
        }
        var paths = [try parser.path()]
        while parser.isSymbol(",") {
            parser.advance()
            paths.append(try parser.path())
        }
        try parser.expectEnd()
        return parser.parsed(paths)
    }

    // MARK: Updates

    mutating func updateOperand() throws(DynamoDBError) -> UpdateOperand {
        switch current {
        case .valueReference: return .value(try valueReference())
        case .word(let word) where nextIsCall():
            advance()
            advance()
            let result: UpdateOperand
            switch word {
            case "if_not_exists":
                let target = try path()
                try expectSymbol(",")
                result = .ifNotExists(target, try updateOperand())
            case "list_append":
                let first = try updateOperand()
                try expectSymbol(",")
                result = .listAppend(first, try updateOperand())
            default:
                throw .validation(message: "Invalid UpdateExpression: Invalid function name; function: \(word)")
            }
            try expectSymbol(")")
            return result
        default:
            return .path(try path())
        }
    }

    mutating func setValue() throws(DynamoDBError) -> SetValue {
        let first = try updateOperand()
        if isSymbol("+") {
            advance()
            return .plus(first, try updateOperand())
        }
        if isSymbol("-") {
            advance()
            return .minus(first, try updateOperand())
        }
        return .operand(first)
    }

    static func update(_ text: String) throws(DynamoDBError) -> Parsed<UpdateActions> {
        var parser = try ExpressionParser(text, kind: "UpdateExpression")
        var actions = UpdateActions()
        var seen: Set<String> = []
        if parser.current == .end {
            throw .validation(message: "Invalid UpdateExpression: The expression can not be empty;")
        }
        while parser.current != .end {
            guard case .word(let word) = parser.current else { throw parser.fail() }
            let section = word.uppercased()
            guard ["SET", "REMOVE", "ADD", "DELETE"].contains(section) else { throw parser.fail() }
            guard seen.insert(section).inserted else {
                throw .validation(message: "Invalid UpdateExpression: The \"\(section)\" section can only be used once in an update expression;")
            }
            parser.advance()
            repeat {
                if parser.isSymbol(",") { parser.advance() }
                let target = try parser.path()
                switch section {
                case "SET":
                    try parser.expectSymbol("=")
                    actions.sets.append((target, try parser.setValue()))
                case "REMOVE":
                    actions.removes.append(target)
                case "ADD":
                    actions.adds.append((target, try parser.valueReference()))
                default:
                    actions.deletes.append((target, try parser.valueReference()))
                }
            } while parser.isSymbol(",")
        }
        return parser.parsed(actions)
    }
}
