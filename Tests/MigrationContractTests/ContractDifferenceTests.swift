import JSONCore
import MigrationContract
import Testing

/// The clause `ddbmodel export` shows when the approved contract is not the one the model gives:
/// each kind of difference is named, the first one in entry order.
@Suite struct ContractDifferenceTests {
    static func ecommerce() throws -> (bytes: [UInt8], json: OrderedJSON) {
        let bytes = try ContractScenarios.contract("ecommerce").bytes
        return (bytes, try OrderedJSON.parse(bytes))
    }

    static func describe(_ file: OrderedJSON, expected: [UInt8]) -> String? {
        ContractDifference.describe(file: file.serialized(), expected: expected)
    }

    @Test func theSameBytesHaveNoDifference() throws {
        let (bytes, _) = try Self.ecommerce()
        #expect(ContractDifference.describe(file: bytes, expected: bytes) == nil)
    }

    @Test func fileContentsThatAreNotAContractAreNamed() throws {
        let (bytes, _) = try Self.ecommerce()
        #expect(ContractDifference.describe(file: Array("[]\n".utf8), expected: bytes) == "the contract file holds no tables but the model has 6")
        #expect(ContractDifference.describe(file: Array("{}\n".utf8), expected: bytes) == "the contract file is not a JSON array of tables")
        #expect(ContractDifference.describe(file: Array("[\n".utf8), expected: bytes)?.hasPrefix("the contract file is not valid JSON (line 2, column 1: ") == true)
    }

    @Test func aMissingOrAnExtraEntryIsNamed() throws {
        let (bytes, json) = try Self.ecommerce()
        let entries = json.arrayItems
        let position = try #require(entries.firstIndex { $0.member("table")?.stringText == "OrdersByUser" })
        #expect(Self.describe(json.setting([.at(position)], to: nil), expected: bytes) == "the model has index OrdersByUser of table Orders, which the contract file lacks")
        let extra = entries[0].setting([.key("table")], to: .string("People"))
        #expect(Self.describe(.array(entries + [extra]), expected: bytes) == "the contract file has table People, which the model does not have")
    }

    @Test func aChangedEntryNamesItsKeysAndAttributes() throws {
        let (bytes, json) = try Self.ecommerce()
        let edited = json.setting([.at(0), .key("attributes"), .key("email"), .key("type")], to: .string("B"))
            .setting([.at(0), .key("estimated_item_size_bytes")], to: .integer(1))
        #expect(Self.describe(edited, expected: bytes) == "the entry of table Users differs in attributes (email) and estimated_item_size_bytes")
        let reordered = OrderedJSON.object(json.arrayItems[0].objectMembers.reversed())
        #expect(Self.describe(json.setting([.at(0)], to: reordered), expected: bytes) == "the entry of table Users has its keys in another order")
    }

    @Test func reorderedEntriesAndAnotherLayoutAreNamed() throws {
        let (bytes, json) = try Self.ecommerce()
        let entries = json.arrayItems
        let swapped = OrderedJSON.array(entries.dropLast(2) + [entries[entries.count - 1], entries[entries.count - 2]])
        #expect(Self.describe(swapped, expected: bytes) == "the entries are in another order (the model has table UserUsernames where the contract file has table UserEmails)")
        #expect(ContractDifference.describe(file: json.compact(), expected: bytes) == "the contract file holds the same entries, written differently (spacing, escapes or number forms)")
    }
}
