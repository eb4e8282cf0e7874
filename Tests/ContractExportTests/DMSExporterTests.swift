import ContractExport
import DesignEngine
import Foundation
import Requirements
import Testing
import TestSupport

/// The e-commerce scenario as if imported from MySQL: each entity from a table of its own
/// (`users`, `orders`, `order_items`), columns named like the attributes, a `password_hash`
/// column excluded with a reason; `Product` stays entered by hand (no source table).
enum DMSScenario {
    static let sourceTables = ["User": "users", "Order": "orders", "OrderItem": "order_items"]

    static func importedRequirements() throws -> Requirements {
        var requirements = try CloudFormationScenario.requirements("ecommerce")
        for entity in requirements.entities {
            guard let source = sourceTables[entity.name] else { continue }
            var imported = entity
            imported.sourceTable = source
            if entity.name == "User" {
                imported.attributes.append(Attribute(name: "password_hash", type: .string, typicalSizeBytes: 60,
                                                     excludedReason: "credentials stay in the identity provider"))
            }
            imported.attributes = imported.attributes.map { attribute in
                var copy = attribute
                let type: DynamoDBType = attribute.type == .number ? .number : .string
                copy.source = SourceColumn(table: source, column: attribute.name, mysqlType: attribute.type == .number ? "int" : "varchar(255)",
                                           dynamoDBType: type, nullable: false)
                return copy
            }
            try requirements.updateEntity(named: entity.name, to: imported)
        }
        return requirements
    }

    /// Renames `display_name` to `displayName` in the Users table, and keys OrderItems by one
    /// concatenated attribute `order_id#line_number`.
    static func choices() -> DesignChoices {
        var choices = DesignChoices()
        choices.attributeNames["User"] = ["display_name": "displayName"]
        choices.tableKeys["OrderItem"] = KeyChoice(partition: ["order_id", "line_number"], sort: [])
        return choices
    }

    static func export(choices: DesignChoices = DMSScenario.choices()) throws -> (DataModel, ExportedFile) {
        let requirements = try importedRequirements()
        let model = DesignEngine.design(requirements, choices: choices)
        return (model, try DMSExporter.export(model, requirements: requirements))
    }

    static func rules(_ file: ExportedFile) throws -> [[String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
        #expect(Array(object.keys) == ["rules"])
        return try #require(object["rules"] as? [[String: Any]])
    }

    static func mapping(_ rules: [[String: Any]], source: String) throws -> [String: Any] {
        try #require(rules.first { $0["rule-type"] as? String == "object-mapping" && ($0["object-locator"] as? [String: String])?["table-name"] == source })
    }
}

@Suite struct DMSExporterTests {
    @Test func oneSelectionAndOneObjectMappingRulePerSourceTable() throws {
        let (model, file) = try DMSScenario.export()
        #expect(file.name == "dms-table-mappings.json")
        let rules = try DMSScenario.rules(file)
        #expect(rules.map { $0["rule-type"] as? String ?? "" } == ["selection", "object-mapping", "selection", "object-mapping", "selection", "object-mapping"])
        #expect(rules.map { $0["rule-id"] as? String ?? "" } == ["1", "2", "3", "4", "5", "6"])
        #expect(Set(rules.map { $0["rule-name"] as? String ?? "" }).count == rules.count, "rule names are unique")
        for rule in rules where rule["rule-type"] as? String == "selection" {
            #expect(rule["rule-action"] as? String == "include")
            #expect((rule["object-locator"] as? [String: String])?["schema-name"] == "%")
        }
        let targets = rules.compactMap { $0["target-table-name"] as? String }
        #expect(targets == ["Users", "Orders", "OrderItems"])
        #expect(targets.allSatisfy { model.table(named: $0) != nil })
        for rule in rules where rule["rule-type"] as? String == "object-mapping" {
            #expect(rule["rule-action"] as? String == "map-record-to-record")
        }
    }

    @Test func keysExcludedColumnsAndRenamesAreMapped() throws {
        let (_, file) = try DMSScenario.export()
        let rules = try DMSScenario.rules(file)
        let users = try #require(try DMSScenario.mapping(rules, source: "users")["mapping-parameters"] as? [String: Any])
        #expect(users["partition-key-name"] as? String == "user_id")
        #expect(users["sort-key-name"] == nil)
        #expect(users["exclude-columns"] as? [String] == ["password_hash", "display_name"])
        #expect(users["attribute-mappings"] as? [[String: String]] == [
            ["target-attribute-name": "displayName", "attribute-type": "scalar", "attribute-sub-type": "string", "value": "${display_name}"],
        ])
        let items = try #require(try DMSScenario.mapping(rules, source: "order_items")["mapping-parameters"] as? [String: Any])
        #expect(items["partition-key-name"] as? String == "order_id#line_number")
        #expect(items["exclude-columns"] as? [String] == [])
        #expect(items["attribute-mappings"] as? [[String: String]] == [
            ["target-attribute-name": "order_id#line_number", "attribute-type": "scalar", "attribute-sub-type": "string", "value": "${order_id}#${line_number}"],
        ])
        let orders = try #require(try DMSScenario.mapping(rules, source: "orders")["mapping-parameters"] as? [String: Any])
        #expect(orders["partition-key-name"] as? String == "order_id")
        #expect(orders["attribute-mappings"] as? [[String: String]] == [])
    }

    @Test func entitiesEnteredByHandAndLookupTablesGetNoRule() throws {
        let (model, file) = try DMSScenario.export()
        let targets = try DMSScenario.rules(file).compactMap { $0["target-table-name"] as? String }
        #expect(!targets.contains("Products"), "Product has no source table")
        for lookup in model.tables where lookup.lookup != nil { #expect(!targets.contains(lookup.name)) }
        // Without any import, the mapping has no rules at all.
        let handEntered = try CloudFormationScenario.requirements("ecommerce")
        let empty = try DMSExporter.export(DesignEngine.design(handEntered, choices: DesignChoices()), requirements: handEntered)
        #expect(empty.text == "{\n  \"rules\": []\n}\n")
    }

    /// Orders merged with their items into one item collection: the sort key is built the way
    /// the model's example items show it (`ORDER`, `ORDER_ITEM#1`).
    @Test func itemCollectionSortKeysFollowTheExampleItems() throws {
        var choices = DesignChoices()
        choices.merges = [["Order", "OrderItem"]]
        let (model, file) = try DMSScenario.export(choices: choices)
        let orders = try #require(model.table(id: "Order"))
        #expect(orders.sortKey?.name == "collection_key")
        let rules = try DMSScenario.rules(file)
        func sortKeyValue(_ source: String) throws -> String? {
            let parameters = try #require(try DMSScenario.mapping(rules, source: source)["mapping-parameters"] as? [String: Any])
            #expect(parameters["sort-key-name"] as? String == "collection_key")
            let mappings = parameters["attribute-mappings"] as? [[String: String]] ?? []
            return mappings.first { $0["target-attribute-name"] == "collection_key" }?["value"]
        }
        #expect(try sortKeyValue("orders") == "ORDER")
        #expect(try sortKeyValue("order_items") == "ORDER_ITEM#${line_number}")
        let examples = orders.exampleItems.compactMap { item in item.values.first { $0.attribute == "collection_key" }.map { (item.entity, $0.text) } }
        #expect(examples.contains { $0 == ("Order", "\"ORDER\"") })
        #expect(examples.contains { $0.0 == "OrderItem" && $0.1.hasPrefix("\"ORDER_ITEM#") })
        #expect(try DMSScenario.rules(file).compactMap { $0["target-table-name"] as? String } == ["Users", "Orders", "Orders"])
    }

    /// DMS reads `${a}${id}` as the columns `a` and `id`, and has no escape: a column with `$`,
    /// `{` or `}` in its name is refused, naming the column and its table, whether a renamed
    /// attribute or a key template would refer to it.
    @Test(arguments: [("display_name", "a}${id"), ("display_name", "price$"), ("user_id", "user{id")])
    func aColumnDMSCannotNameIsRefused(attribute: String, column: String) throws {
        var requirements = try DMSScenario.importedRequirements()
        var user = try #require(requirements.entity(named: "User"))
        let position = try #require(user.attributes.firstIndex { $0.name == attribute })
        user.attributes[position].source?.column = column
        try requirements.updateEntity(named: "User", to: user)
        let model = DesignEngine.design(requirements, choices: DesignChoices())

        #expect(throws: ExportRefusal.self) { try DMSExporter.export(model, requirements: requirements) }
        do {
            let file = try DMSExporter.export(model, requirements: requirements)
            Issue.record("exported a mapping that names \(column): \(file.text)")
        } catch {
            guard case .dmsCannotNameColumn(column, "users", let character) = error else { Issue.record("refused with \(error)"); return }
            #expect(column.contains(character))
            #expect(error.message.hasPrefix("The DMS mappings cannot name the column \"\(column)\" of the MySQL table \"users\": "))
            #expect(error.message.hasSuffix("Rename the column in MySQL and import the schema again, or exclude it at the import review (exclude COLUMN REASON)."))
        }
    }

    /// A key column renamed at the design review (`/rename attribute`): the key template and the
    /// renamed attribute both map it, and the rule must carry one mapping per target attribute.
    @Test func aRenamedKeyColumnIsMappedOnce() throws {
        var choices = DMSScenario.choices()
        choices.attributeNames["User"] = ["user_id": "userId", "display_name": "displayName"]
        let (model, file) = try DMSScenario.export(choices: choices)
        #expect(model.table(id: "User")?.partitionKey.name == "userId")
        let rules = try DMSScenario.rules(file)
        let users = try #require(try DMSScenario.mapping(rules, source: "users")["mapping-parameters"] as? [String: Any])
        #expect(users["partition-key-name"] as? String == "userId")
        #expect(users["exclude-columns"] as? [String] == ["password_hash", "user_id", "display_name"])
        #expect(users["attribute-mappings"] as? [[String: String]] == [
            ["target-attribute-name": "userId", "attribute-type": "scalar", "attribute-sub-type": "string", "value": "${user_id}"],
            ["target-attribute-name": "displayName", "attribute-type": "scalar", "attribute-sub-type": "string", "value": "${display_name}"],
        ])
        for rule in rules where rule["rule-type"] as? String == "object-mapping" {
            let mappings = (rule["mapping-parameters"] as? [String: Any])?["attribute-mappings"] as? [[String: String]] ?? []
            let targets = mappings.compactMap { $0["target-attribute-name"] }
            #expect(Set(targets).count == targets.count, "\(rule["rule-name"] ?? "") maps \(targets)")
        }
    }

    @Test func bytesAreDeterministic() throws {
        #expect(try DMSScenario.export().1 == DMSScenario.export().1)
    }

    @Test func ecommerceMappingMatchesGoldenFile() throws {
        let (_, file) = try DMSScenario.export()
        let url = CloudFormationScenario.fixtures.appendingPathComponent("ecommerce.dms-table-mappings.json")
        let golden = try #require(try GoldenFile.check(file.text, against: url), "missing \(url.path): run with UPDATE_GOLDEN=1")
        #expect(file.text == golden, "dms-table-mappings.json changed: review and run with UPDATE_GOLDEN=1")
    }
}
