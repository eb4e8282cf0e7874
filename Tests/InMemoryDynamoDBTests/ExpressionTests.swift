import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// Condition, filter and projection expressions: grammar, precedence, functions, placeholders
/// and DynamoDB's validation rules, observed through PutItem conditions and GetItem projections.
struct ExpressionTests {
    static let key: Item = ["pk": .s("k")]
    static let item: Item = [
        "pk": .s("k"), "a": .n("5"), "b": .s("hello"), "c": .bool(true), "tags": .ss(["red", "blue"]), "nums": .ns(["1", "2"]),
        "arr": .l([.s("x"), .n("2"), .m(["deep": .s("y")])]), "doc": .m(["nested": .m(["v": .n("9")]), "name": .s("n")]),
        "bin": .b([1, 2, 3]), "nothing": .null,
    ]

    /// Whether the condition holds on `item`: a conditional put that either succeeds or fails
    /// its condition (any other error is a test failure).
    static func holds(_ condition: String, names: [String: String] = [:], values: [String: AttributeValue] = [:]) throws -> Bool {
        let memory = try Fixtures.simple()
        try Fixtures.put(memory, item, table: "Simple")
        do {
            _ = try memory.putItem(PutItemInput(tableName: "Simple", item: key, conditionExpression: condition, expressionAttributeNames: names, expressionAttributeValues: values))
            return true
        } catch .conditionalCheckFailed {
            return false
        }
    }

    static func validationFails(_ condition: String, names: [String: String] = [:], values: [String: AttributeValue] = [:], _ fragment: String) throws {
        let memory = try Fixtures.simple()
        expectError("ValidationException", fragment) {
            _ = try memory.putItem(PutItemInput(tableName: "Simple", item: key, conditionExpression: condition, expressionAttributeNames: names, expressionAttributeValues: values))
        }
    }

    @Test func comparisons() throws {
        #expect(try Self.holds("a = :v", values: [":v": .n("5.0")]))
        #expect(try Self.holds("a <> :v", values: [":v": .n("4")]))
        #expect(try Self.holds("a < :v AND a <= :w AND a > :x AND a >= :w", values: [":v": .n("6"), ":w": .n("5"), ":x": .n("-1")]))
        #expect(try !Self.holds("b > :v", values: [":v": .s("i")]))
        #expect(try Self.holds("b > :v", values: [":v": .s("Z")]))
        // Different types never compare: false, not an error.
        #expect(try !Self.holds("a < :v", values: [":v": .s("9")]))
        #expect(try !Self.holds("a = :v", values: [":v": .s("5")]))
        #expect(try Self.holds("a <> :v", values: [":v": .s("5")]))
        #expect(try !Self.holds("absent = :v", values: [":v": .n("1")]))
        #expect(try Self.holds("absent <> :v", values: [":v": .n("1")]))
        #expect(try Self.holds("tags = :s", values: [":s": .ss(["blue", "red"])]))
        #expect(try Self.holds("a = a"))
    }

    @Test func betweenAndIn() throws {
        #expect(try Self.holds("a BETWEEN :lo AND :hi", values: [":lo": .n("5"), ":hi": .n("9")]))
        #expect(try !Self.holds("a BETWEEN :lo AND :hi", values: [":lo": .n("6"), ":hi": .n("9")]))
        #expect(try Self.holds("b IN (:x, :y)", values: [":x": .s("nope"), ":y": .s("hello")]))
        #expect(try !Self.holds("b IN (:x)", values: [":x": .s("nope")]))
        try Self.validationFails("a BETWEEN :hi AND :lo", values: [":lo": .n("1"), ":hi": .n("9")], "upper bound to be greater than or equal to lower bound")
        try Self.validationFails("a < :v", values: [":v": .ss(["x"])], "Incorrect operand type for operator or function; operator or function: <")
    }

    @Test func precedenceIsNotThenAndThenOr() throws {
        // true OR (false AND false) = true; (true OR false) AND false would be false.
        #expect(try Self.holds("a = :five OR a = :one AND a = :two", values: [":five": .n("5"), ":one": .n("1"), ":two": .n("2")]))
        #expect(try !Self.holds("(a = :five OR a = :one) AND a = :two", values: [":five": .n("5"), ":one": .n("1"), ":two": .n("2")]))
        // NOT binds tighter than AND: (NOT false) AND true.
        #expect(try Self.holds("NOT a = :one AND a = :five", values: [":five": .n("5"), ":one": .n("1")]))
        #expect(try !Self.holds("NOT (a = :one OR a = :five)", values: [":five": .n("5"), ":one": .n("1")]))
        #expect(try Self.holds("a = :five and not b = :x", values: [":five": .n("5"), ":x": .s("x")]))
    }

    @Test func functions() throws {
        #expect(try Self.holds("attribute_exists(doc.nested.v) AND attribute_not_exists(doc.nested.w)"))
        #expect(try Self.holds("attribute_exists(arr[2].deep) AND attribute_not_exists(arr[3])"))
        #expect(try Self.holds("attribute_type(nothing, :t) AND attribute_type(tags, :ss)", values: [":t": .s("NULL"), ":ss": .s("SS")]))
        #expect(try Self.holds("begins_with(b, :p)", values: [":p": .s("he")]))
        #expect(try !Self.holds("begins_with(a, :p)", values: [":p": .s("5")]))
        #expect(try Self.holds("begins_with(bin, :p)", values: [":p": .b([1, 2])]))
        #expect(try Self.holds("contains(b, :s) AND contains(tags, :t) AND contains(nums, :n) AND contains(arr, :l)",
                               values: [":s": .s("ell"), ":t": .s("red"), ":n": .n("2"), ":l": .s("x")]))
        #expect(try !Self.holds("contains(tags, :t)", values: [":t": .s("green")]))
        #expect(try Self.holds("size(b) = :five AND size(tags) = :two AND size(arr) = :three AND size(doc) = :two AND size(bin) = :three",
                               values: [":five": .n("5"), ":two": .n("2"), ":three": .n("3")]))
        #expect(try Self.holds("doc.nested.v > :v AND arr[1] = :two", values: [":v": .n("8"), ":two": .n("2")]))
        try Self.validationFails("begins_with(b, :n)", values: [":n": .n("1")], "operator or function: begins_with")
        try Self.validationFails("attribute_type(b, :t)", values: [":t": .s("STRING")], "Invalid attribute type name")
        try Self.validationFails("attribute_exists(b, b)", "Incorrect number of operands")
        try Self.validationFails("no_such_function(b)", "Invalid function name; function: no_such_function")
        try Self.validationFails("ATTRIBUTE_EXISTS(b)", "Invalid function name")
    }

    @Test func placeholdersAreCheckedBothWays() throws {
        #expect(try Self.holds("#s = :v", names: ["#s": "b"], values: [":v": .s("hello")]))
        try Self.validationFails("#s = :v", names: ["#t": "b", "#s": "b"], values: [":v": .s("x")], "unused in expressions: keys: {#t}")
        try Self.validationFails("a = :v", values: [":v": .n("1"), ":w": .n("2")], "ExpressionAttributeValues unused in expressions: keys: {:w}")
        try Self.validationFails("#undefined = :v", values: [":v": .n("1")], "attribute name used in the document path is not defined; attribute name: #undefined")
        try Self.validationFails("a = :undefined", "attribute value used in expression is not defined; attribute value: :undefined")
        let memory = try Fixtures.simple()
        expectError("ValidationException", "ExpressionAttributeValues can only be specified when using expressions") {
            _ = try memory.putItem(PutItemInput(tableName: "Simple", item: Self.key, expressionAttributeValues: [":v": .n("1")]))
        }
        expectError("ValidationException", "ExpressionAttributeNames can only be specified when using expressions") {
            _ = try memory.getItem(GetItemInput(tableName: "Simple", key: Self.key, expressionAttributeNames: ["#a": "a"]))
        }
    }

    @Test(arguments: ["status", "NAME", "Data", "size", "value"])
    func reservedWordsNeedPlaceholders(word: String) throws {
        try Self.validationFails("\(word) = :v", values: [":v": .n("1")], "Attribute name is a reserved keyword; reserved keyword: \(word)")
        #expect(try !Self.holds("#w = :v", names: ["#w": word], values: [":v": .n("1")]))
    }

    @Test(arguments: ["a = ", "a == :v", "(a = :v", "a = :v)", "a = :v b", "= :v", "a[x] = :v", "a.1 = :v", "a $ :v", "1a = :v", ""])
    func syntaxErrors(expression: String) throws {
        try Self.validationFails(expression, values: [":v": .n("1")], "Invalid ConditionExpression")
    }

    @Test func hostileExpressionsAreRefusedNotCrashed() throws {
        let deep = String(repeating: "(", count: 150) + "a = :v" + String(repeating: ")", count: 150)
        try Self.validationFails(deep, values: [":v": .n("1")], "nested levels")
        let nots = String(repeating: "NOT ", count: 150) + "a = :v"
        try Self.validationFails(nots, values: [":v": .n("1")], "nested levels")
        let long = (0..<700).map { _ in "a = :v" }.joined(separator: " OR ")
        try Self.validationFails(long, values: [":v": .n("1")], "Expression size has exceeded the maximum allowed size")
        try Self.validationFails("a = :v", values: [":v": .n("one")], "ExpressionAttributeValues contains invalid value: ")
        try Self.validationFails("a = :v", values: [":v": .ss([])], "may not be empty")
        var nested = AttributeValue.s("leaf")
        for _ in 0..<33 { nested = .l([nested]) }
        let memory = try Fixtures.simple()
        expectError("ValidationException", "Nesting Levels have exceeded supported limits") {
            try Fixtures.put(memory, ["pk": .s("k"), "deep": nested], table: "Simple")
        }
    }

    @Test func projections() throws {
        let memory = try Fixtures.simple()
        try Fixtures.put(memory, Self.item, table: "Simple")
        func project(_ expression: String, _ names: [String: String] = [:]) throws -> Item? {
            try memory.getItem(GetItemInput(tableName: "Simple", key: Self.key, projectionExpression: expression, expressionAttributeNames: names)).item
        }
        #expect(try project("a, #b", ["#b": "b"]) == ["a": .n("5"), "b": .s("hello")])
        #expect(try project("doc.nested.v, arr[2].deep, arr[0]") == ["doc": .m(["nested": .m(["v": .n("9")])]), "arr": .l([.s("x"), .m(["deep": .s("y")])])])
        #expect(try project("absent, arr[7]") == [:])
        expectError("ValidationException", "Two document paths overlap") { _ = try project("doc, doc.nested") }
        expectError("ValidationException", "reserved keyword") { _ = try project("name") }
    }

    @Test func parsedExpressionsAreCachedByText() throws {
        let memory = try Fixtures.simple()
        for value in 0..<50 {
            _ = try? memory.putItem(PutItemInput(
                tableName: "Simple", item: ["pk": .s("k\(value)")], conditionExpression: "attribute_not_exists(pk) OR a < :v",
                expressionAttributeValues: [":v": .n(String(value))]))
        }
        #expect(memory.cachedExpressionCount == 1)
    }
}
