import JSONCore
import Foundation
import MigrationContract
import Testing

/// One way of breaking the minimal contract, and the single problem it must produce.
struct BrokenContract: CustomTestStringConvertible, Sendable {
    var name: String
    var edit: @Sendable (OrderedJSON) -> OrderedJSON
    var path: String
    var message: String

    var testDescription: String { name }
}

@Suite struct ContractValidatorTests {
    static func minimal() throws -> OrderedJSON {
        try OrderedJSON.parse(try ContractScenarios.fixture("minimal.contract.json"))
    }

    @Test func minimalFixtureIsValid() throws {
        #expect(ContractValidator.validate(try ContractScenarios.fixture("minimal.contract.json"), context: nil) == [])
    }

    static let corpus: [BrokenContract] = [
        BrokenContract(name: "unknown entry key", edit: { $0.setting([.at(0), .key("index_name")], to: .string("x")) },
                       path: "$[0].index_name", message: "unknown key \"index_name\" in an entry; allowed keys: table, type, source_table, pk, sk, gsis, attributes, satisfies, estimated_item_size_bytes"),
        BrokenContract(name: "missing satisfies", edit: { $0.setting([.at(2), .key("satisfies")], to: nil) },
                       path: "$[2]", message: "missing the required key \"satisfies\""),
        BrokenContract(name: "wrong entry type", edit: { $0.setting([.at(2), .key("type")], to: .string("LSI")) },
                       path: "$[2].type", message: "must be \"Table\" or \"GSI\"; found \"LSI\""),
        BrokenContract(name: "null source_table", edit: { $0.setting([.at(2), .key("source_table")], to: .null) },
                       path: "$[2].source_table", message: "must not be null: name the primary MySQL source table"),
        BrokenContract(name: "numeric pk", edit: { $0.setting([.at(3), .key("pk")], to: .integer(1)) },
                       path: "$[3].pk", message: "must be a string; found an integer"),
        BrokenContract(name: "null sk", edit: { $0.setting([.at(3), .key("sk")], to: .null) },
                       path: "$[3].sk", message: "must be a string; leave sk out when there is no sort key"),
        BrokenContract(name: "undeclared sort key", edit: { $0.setting([.at(3), .key("attributes"), .key("order_id")], to: nil) },
                       path: "$[3].sk", message: "the sort key \"order_id\" is not declared in attributes; declare it with type S, N or B"),
        BrokenContract(name: "undeclared GSI key", edit: { $0.setting([.at(0), .key("attributes"), .key("email")], to: nil) },
                       path: "$[0].gsis[0].pk", message: "the partition key of GSI UsersByEmail \"email\" is not declared in attributes; declare it with type S, N or B"),
        BrokenContract(name: "BOOL attribute type", edit: { $0.setting([.at(2), .key("attributes"), .key("name"), .key("type")], to: .string("BOOL")) },
                       path: "$[2].attributes.name.type", message: "must be S, N or B; found \"BOOL\" (write booleans as N, documents, lists and sets as S)"),
        BrokenContract(name: "attribute without source_column", edit: { $0.setting([.at(2), .key("attributes"), .key("name"), .key("source_column")], to: nil) },
                       path: "$[2].attributes.name", message: "missing the required key \"source_column\""),
        BrokenContract(name: "denormalized without justification", edit: { $0.setting([.at(0), .key("attributes"), .key("team_name"), .key("justification")], to: nil) },
                       path: "$[0].attributes.team_name", message: "a denormalized attribute needs a justification"),
        BrokenContract(name: "denormalized without join", edit: { $0.setting([.at(0), .key("attributes"), .key("team_name"), .key("join")], to: nil) },
                       path: "$[0].attributes.team_name", message: "a denormalized attribute needs a join {local_column, source_column}"),
        BrokenContract(name: "join without source_column", edit: { $0.setting([.at(0), .key("attributes"), .key("team_name"), .key("join"), .key("source_column")], to: nil) },
                       path: "$[0].attributes.team_name.join", message: "missing the required key \"source_column\""),
        BrokenContract(name: "denormalized as a string", edit: { $0.setting([.at(0), .key("attributes"), .key("team_name"), .key("denormalized")], to: .string("yes")) },
                       path: "$[0].attributes.team_name.denormalized", message: "must be true or false; found a string"),
        BrokenContract(name: "empty satisfies", edit: { $0.setting([.at(2), .key("satisfies")], to: .array([])) },
                       path: "$[2].satisfies", message: "names no access pattern; every table and GSI must serve at least one"),
        BrokenContract(name: "fractional item size", edit: { $0.setting([.at(2), .key("estimated_item_size_bytes")], to: .number(40.5)) },
                       path: "$[2].estimated_item_size_bytes", message: "must be a whole number of bytes; found a number with a fraction"),
        BrokenContract(name: "item size over 400 KB", edit: { $0.setting([.at(2), .key("estimated_item_size_bytes")], to: .integer(409_601)) },
                       path: "$[2].estimated_item_size_bytes", message: "409601 bytes is over DynamoDB's 400 KB (409600 bytes) item limit"),
        BrokenContract(name: "zero item size", edit: { $0.setting([.at(2), .key("estimated_item_size_bytes")], to: .integer(0)) },
                       path: "$[2].estimated_item_size_bytes", message: "must be positive; found 0"),
        BrokenContract(name: "duplicate table name", edit: { $0.setting([.at(3), .key("table")], to: .string("Teams")) },
                       path: "$[3].table", message: "the table name \"Teams\" is already used by $[2]; table names must be unique"),
        BrokenContract(name: "invalid table name", edit: { $0.setting([.at(2), .key("table")], to: .string("T")) },
                       path: "$[2].table", message: "\"T\" is not a valid DynamoDB table name: use 3 to 255 characters from A-Z, a-z, 0-9, _, - and ."),
        BrokenContract(name: "table name with a space", edit: { $0.setting([.at(2), .key("table")], to: .string("My Teams")) },
                       path: "$[2].table", message: "\"My Teams\" is not a valid DynamoDB table name: use 3 to 255 characters from A-Z, a-z, 0-9, _, - and ."),
        BrokenContract(name: "GSI listed twice", edit: { $0.setting([.at(0), .key("gsis"), .at(1)], to: .object([("name", .string("UsersByEmail")), ("pk", .string("email"))])) },
                       path: "$[0].gsis[1].name", message: "the GSI name \"UsersByEmail\" is listed twice for table Users; index names must be unique per table"),
        BrokenContract(name: "GSI entry no table lists", edit: { $0.setting([.at(1), .key("table")], to: .string("UsersByName")).setting([.at(0), .key("gsis")], to: nil) },
                       path: "$[1].table", message: "no Table entry lists the GSI \"UsersByName\" in its gsis"),
        BrokenContract(name: "GSI without its entry", edit: { $0.setting([.at(1)], to: nil) },
                       path: "$[0].gsis[0]", message: "the GSI \"UsersByEmail\" has no entry of its own (\"type\": \"GSI\", \"table\": \"UsersByEmail\")"),
        BrokenContract(name: "GSI entry pk differs", edit: { $0.setting([.at(1), .key("pk")], to: .string("user_id")) },
                       path: "$[1].pk", message: "is \"user_id\" but table Users lists GSI UsersByEmail with pk \"email\""),
        BrokenContract(name: "gsis on a GSI entry", edit: { $0.setting([.at(1), .key("gsis")], to: .array([])) },
                       path: "$[1].gsis", message: "only Table entries list gsis; a GSI entry describes one index"),
        BrokenContract(name: "GSI key type differs from table", edit: { $0.setting([.at(1), .key("attributes"), .key("email"), .key("type")], to: .string("N")) },
                       path: "$[1].attributes.email.type", message: "is N but the base table Users declares email as S"),
        BrokenContract(name: "entry is not an object", edit: { $0.setting([.at(3)], to: .string("Orders")) },
                       path: "$[3]", message: "each entry must be an object; found a string"),
        BrokenContract(name: "attributes as an array", edit: { $0.setting([.at(2), .key("attributes")], to: .array([])) },
                       path: "$[2].attributes", message: "must be an object mapping attribute names to {type, source_table, source_column}; found an array"),
        BrokenContract(name: "unknown attribute key", edit: { $0.setting([.at(2), .key("attributes"), .key("name"), .key("nullable")], to: .bool(true)) },
                       path: "$[2].attributes.name.nullable", message: "unknown key \"nullable\" in an attribute; allowed keys: type, source_table, source_column, denormalized, justification, join"),
        BrokenContract(name: "composite attribute name path", edit: {
                           $0.renamingKey(at: [.at(3), .key("attributes")], from: "order_id", to: "user_id#order_id")
                               .setting([.at(3), .key("sk")], to: .string("user_id#order_id"))
                               .setting([.at(3), .key("attributes"), .key("user_id#order_id"), .key("type")], to: .string("SS"))
                       },
                       path: "$[3].attributes[\"user_id#order_id\"].type", message: "must be S, N or B; found \"SS\" (write booleans as N, documents, lists and sets as S)"),
        BrokenContract(name: "top level object", edit: { .object([("tables", $0)]) },
                       path: "$", message: "the contract must be a JSON array with one object per table and per GSI; found an object (this looks like the newer object form, which is not migrationContract.json)"),
    ]

    @Test(arguments: corpus)
    func brokenContractGivesOneProblem(_ broken: BrokenContract) throws {
        let bytes = broken.edit(try Self.minimal()).serialized()
        let problems = ContractValidator.validate(bytes, context: nil)
        #expect(problems == [ContractProblem(path: broken.path, message: broken.message)])
    }

    @Test func duplicateKeyIsReported() throws {
        var text = String(decoding: try ContractScenarios.fixture("minimal.contract.json"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"estimated_item_size_bytes\": 40", with: "\"estimated_item_size_bytes\": 40,\n    \"estimated_item_size_bytes\": 41")
        #expect(ContractValidator.validate(Array(text.utf8), context: nil) == [
            ContractProblem(path: "$[2].estimated_item_size_bytes", message: "the key \"estimated_item_size_bytes\" appears more than once; keep one"),
        ])
    }

    @Test(arguments: [
        ("[\n  {\n    \"table\": \"Users\",\n  }\n]\n", "not valid JSON: line 4, column 3: trailing comma before '}'; remove the ',' after the last member"),
        ("[\n  {\"table\": \"Users\" \"type\": \"Table\"}\n]", "not valid JSON: line 2, column 21: expected ',' or '}' after an object member"),
        ("", "not valid JSON: line 1, column 1: the document is empty; expected a JSON value"),
        ("[{\"table\": \"Usérs\", \"type\": tru}]", "not valid JSON: line 1, column 29: unknown word 'tru'; expected a value (a string in double quotes, a number, an object, an array, true, false or null)"),
        ("[\n  \"unterminated\n]", "not valid JSON: line 2, column 16: line break inside a string; is the closing '\"' missing? (write a line break as \\n)"),
        ("[\"abc", "not valid JSON: line 1, column 6: unexpected end of file; expected a closing '\"' for the string"),
        ("[1] x", "not valid JSON: line 1, column 5: expected the end of the file after the JSON value (only whitespace may follow it)"),
    ])
    func invalidJSONGivesLineAndColumn(_ text: String, _ message: String) {
        #expect(ContractValidator.validate(Array(text.utf8), context: nil) == [ContractProblem(path: "$", message: message)])
    }

    @Test func problemsAreSortedByPathNumerically() throws {
        var json = try Self.minimal()
        for position in 0..<4 { json = json.setting([.at(position), .key("extra")], to: .null) }
        let broken = json.setting([.at(0), .key("satisfies")], to: .array([]))
        let paths = ContractValidator.validate(broken.serialized(), context: nil).map(\.path)
        #expect(paths == ["$[0].extra", "$[0].satisfies", "$[1].extra", "$[2].extra", "$[3].extra"])
    }

    @Test func emptyArrayIsReported() {
        #expect(ContractValidator.validate(Array("[]".utf8), context: nil) == [
            ContractProblem(path: "$", message: "the contract has no entries; it needs one per table and per GSI"),
        ])
    }
}
