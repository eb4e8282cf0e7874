import DynamoDBAPI
import InMemoryDynamoDB
import Testing

/// Update expressions: SET with arithmetic and functions, REMOVE, ADD, DELETE, their rules, and
/// what UPDATED_OLD / UPDATED_NEW return.
struct UpdateTests {
    static let key: Item = ["pk": .s("k")]

    static func fixture() throws -> InMemoryDynamoDB {
        let memory = try Fixtures.simple()
        try Fixtures.put(memory, [
            "pk": .s("k"), "n": .n("10"), "s": .s("text"), "arr": .l([.s("a"), .s("b"), .s("c")]),
            "tags": .ss(["x", "y"]), "doc": .m(["nested": .m(["v": .n("1")])]),
        ], table: "Simple")
        return memory
    }

    @discardableResult
    static func update(
        _ memory: InMemoryDynamoDB, _ expression: String, names: [String: String] = [:], values: [String: AttributeValue] = [:],
        returning: ReturnValue? = nil
    ) throws -> Item? {
        try memory.updateItem(UpdateItemInput(
            tableName: "Simple", key: key, updateExpression: expression, expressionAttributeNames: names, expressionAttributeValues: values,
            returnValues: returning)).attributes
    }

    static func item(_ memory: InMemoryDynamoDB) throws -> Item { try Fixtures.get(memory, key, table: "Simple") ?? [:] }

    @Test func setWithArithmeticAndFunctions() throws {
        let memory = try Self.fixture()
        try Self.update(memory, "SET n = n + :d, m = if_not_exists(m, :zero) - :d, s2 = if_not_exists(s, :other)",
                        values: [":d": .n("2.5"), ":zero": .n("0"), ":other": .s("other")])
        var item = try Self.item(memory)
        #expect(item["n"] == .n("12.5"))
        #expect(item["m"] == .n("-2.5"))
        #expect(item["s2"] == .s("text"))
        try Self.update(memory, "SET arr = list_append(arr, :more), #l2 = list_append(:first, arr)", names: ["#l2": "list2"],
                        values: [":more": .l([.s("d")]), ":first": .l([.s("z")])])
        item = try Self.item(memory)
        #expect(item["arr"] == .l([.s("a"), .s("b"), .s("c"), .s("d")]))
        // Every operand reads the item before the update.
        #expect(item["list2"] == .l([.s("z"), .s("a"), .s("b"), .s("c")]))
        try Self.update(memory, "SET doc.nested.w = :w, arr[1] = :b, arr[10] = :end", values: [":w": .s("new"), ":b": .s("B"), ":end": .s("end")])
        item = try Self.item(memory)
        #expect(item["doc"] == .m(["nested": .m(["v": .n("1"), "w": .s("new")])]))
        #expect(item["arr"] == .l([.s("a"), .s("B"), .s("c"), .s("d"), .s("end")]))
    }

    @Test func removeAddDelete() throws {
        let memory = try Self.fixture()
        try Self.update(memory, "REMOVE s, arr[0], arr[2], doc.nested.v, nothing")
        var item = try Self.item(memory)
        #expect(item["s"] == nil)
        #expect(item["arr"] == .l([.s("b")]))
        #expect(item["doc"] == .m(["nested": .m([:])]))
        try Self.update(memory, "ADD n :five, tally :one, tags :more", values: [":five": .n("5"), ":one": .n("1"), ":more": .ss(["y", "z"])])
        item = try Self.item(memory)
        #expect(item["n"] == .n("15"))
        #expect(item["tally"] == .n("1"))
        #expect(item["tags"] == .ss(["x", "y", "z"]))
        try Self.update(memory, "DELETE tags :gone", values: [":gone": .ss(["x", "nope"])])
        #expect(try Self.item(memory)["tags"] == .ss(["y", "z"]))
        try Self.update(memory, "DELETE tags :all", values: [":all": .ss(["y", "z"])])
        #expect(try Self.item(memory)["tags"] == nil)
    }

    @Test func typeErrorsAreValidationExceptions() throws {
        let memory = try Self.fixture()
        expectError("ValidationException", "incorrect data type") { try Self.update(memory, "SET s = s + :one", values: [":one": .n("1")]) }
        expectError("ValidationException", "refers to an attribute that does not exist") { try Self.update(memory, "SET n = absent + :one", values: [":one": .n("1")]) }
        expectError("ValidationException", "operator: ADD, operand type: S") { try Self.update(memory, "ADD fresh :s", values: [":s": .s("x")]) }
        expectError("ValidationException", "incorrect data type") { try Self.update(memory, "ADD s :one", values: [":one": .n("1")]) }
        expectError("ValidationException", "incorrect data type") { try Self.update(memory, "ADD tags :n", values: [":n": .ns(["1"])]) }
        expectError("ValidationException", "operator: DELETE, operand type: S") { try Self.update(memory, "DELETE tags :s", values: [":s": .s("x")]) }
        expectError("ValidationException", "incorrect data type") { try Self.update(memory, "SET arr = list_append(arr, :s)", values: [":s": .s("x")]) }
        expectError("ValidationException", "invalid for update") { try Self.update(memory, "SET nope.child = :s", values: [":s": .s("x")]) }
        expectError("ValidationException", "invalid for update") { try Self.update(memory, "SET s.child = :s", values: [":s": .s("x")]) }
        // Nothing was written by any of them.
        #expect(try Self.item(memory)["n"] == .n("10"))
    }

    @Test func sectionsAppearOnce() throws {
        let memory = try Self.fixture()
        expectError("ValidationException", "The \"SET\" section can only be used once") {
            try Self.update(memory, "SET a = :v SET b = :v", values: [":v": .n("1")])
        }
        expectError("ValidationException", "Syntax error") { try Self.update(memory, "MULTIPLY a :v", values: [":v": .n("1")]) }
        expectError("ValidationException", "Syntax error") { try Self.update(memory, "SET a :v", values: [":v": .n("1")]) }
        expectError("ValidationException", "Invalid function name") { try Self.update(memory, "SET a = nope(b)") }
        // Keywords are case-insensitive; sections in any order.
        try Self.update(memory, "remove s set a = :v add c :v", values: [":v": .n("1")])
        #expect(try Self.item(memory)["c"] == .n("1"))
    }

    @Test func returnValues() throws {
        let memory = try Self.fixture()
        let updatedOld = try Self.update(memory, "SET n = :v, doc.nested.v = :v, fresh = :v", values: [":v": .n("2")], returning: .updatedOld)
        #expect(updatedOld == ["n": .n("10"), "doc": .m(["nested": .m(["v": .n("1")])])])
        let updatedNew = try Self.update(memory, "SET n = :v, doc.nested.v = :v", values: [":v": .n("3")], returning: .updatedNew)
        #expect(updatedNew == ["n": .n("3"), "doc": .m(["nested": .m(["v": .n("3")])])])
        let allNew = try Self.update(memory, "REMOVE fresh", returning: .allNew)
        #expect(allNew?["fresh"] == nil)
        #expect(allNew?["s"] == .s("text"))
        #expect(try Self.update(memory, "REMOVE fresh", returning: .updatedNew) == nil)
    }
}
