@testable import ContractExport
import DesignEngine
import Foundation
import ModelExecution
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// The TypeScript export's shape, read as text: a module per table, a method per pattern named
/// after it, JSDoc on every exported symbol with the pattern's RPS and cost, table names only
/// from the options, and the same bytes for the same model.
@Suite struct TypeScriptExporterTests {
    static func text(_ files: [ExportedFile]) -> String {
        files.map(\.text).joined(separator: "\n")
    }

    @Test(arguments: ExportScenario.names) func oneModulePerTableAndOneMethodPerPattern(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        let files = TypeScriptExporter.export(model, requirements: requirements)
        #expect(files.map(\.name) == ["typescript/runtime.ts"] + model.tables.map { "typescript/\($0.name).ts" })
        let all = Self.text(files)
        for mapping in model.mappings {
            let heading = "   * Pattern #\(mapping.patternID): \(TypeScriptText.doc(mapping.description)).\n"
            #expect(all.components(separatedBy: heading).count == 2, "pattern #\(mapping.patternID) has no method, or several")
            let method = all.components(separatedBy: heading).dropFirst().first ?? ""
            let doc = method.components(separatedBy: "   */\n").first ?? ""
            #expect(doc.contains(" RPS, average "), "pattern #\(mapping.patternID)")
            #expect(doc.contains("   * Cost per request: "), "pattern #\(mapping.patternID)")
            let signature = method.components(separatedBy: "   */\n").dropFirst().first?.prefix { $0 != "(" } ?? ""
            #expect(signature.hasPrefix("  async \(TypeScriptText.methodName(description: mapping.description))"), "pattern #\(mapping.patternID): \(signature)")
            if let plan = mapping.plan, mapping.isServedByDynamoDB {
                for index in plan.steps.indices {
                    #expect(method.contains("// Step \(index + 1): \(plan.steps[index].request.operation.rawValue)"), "pattern #\(mapping.patternID) step \(index + 1)")
                }
            } else if case .expiresByTTL = mapping.status {
                #expect(method.contains("Promise<void> {\n    return;\n  }"))
            } else {
                #expect(method.contains("throw new runtime.PatternNotServedError("), "pattern #\(mapping.patternID)")
            }
        }
    }

    /// Every exported symbol and every method carries a JSDoc comment right above it.
    @Test(arguments: ExportScenario.names) func everyExportedSymbolHasJSDoc(name: String) throws {
        let (requirements, model) = try ExportScenario.model(name)
        for file in TypeScriptExporter.export(model, requirements: requirements) {
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, line) in lines.enumerated() where line.hasPrefix("export ") || line.hasPrefix("  async ") || line.hasPrefix("  constructor(") {
                let above = lines[..<index].last { !$0.isEmpty } ?? ""
                #expect(above.hasSuffix("*/"), "\(file.name): no JSDoc above \(line)")
            }
        }
    }

    /// Deployed names come from `options.tableNames`, by logical id: no table name is a string
    /// in the code, and every request's TableName reads the option.
    @Test func tableNamesComeFromTheOptionsOnly() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let all = Self.text(TypeScriptExporter.export(model, requirements: requirements))
        for table in model.tables where table.name != table.id {
            #expect(!all.contains("\"\(table.name)\""), "\(table.name) is written as a string")
        }
        let tableNameLines = all.split(separator: "\n").filter { $0.contains("TableName: ") && !$0.contains("TableName: this.#tables[") }
        #expect(tableNameLines.isEmpty, "\(tableNameLines)")
        #expect(all.contains("constructor(options: runtime.RepositoryOptions) {"))
    }

    @Test func theSameModelExportsTheSameBytes() throws {
        for name in ["ecommerce", "tracker", "ledger"] {
            let (requirements, model) = try ExportScenario.model(name)
            let (againRequirements, againModel) = try ExportScenario.model(name)
            #expect(TypeScriptExporter.export(model, requirements: requirements) == TypeScriptExporter.export(againModel, requirements: againRequirements))
        }
    }

    /// A paged read takes a cursor and returns a page; queries keep their index, order and
    /// filter; a search pattern throws; a create enforces its unique values as duplicates.
    @Test func queriesPageAndWritesCarryTheirConditions() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let orders = try #require(TypeScriptExporter.export(model, requirements: requirements).first { $0.name == "typescript/Orders.ts" }).text
        #expect(orders.contains("async listAUsersOrdersNewestFirst(userId: string, options: runtime.PageOptions = {}): Promise<runtime.Page<"))
        #expect(orders.contains("IndexName: \"OrdersByUser\","))
        #expect(orders.contains("ScanIndexForward: false,"))
        #expect(orders.contains("await runtime.queryPage(this.#client, {"))
        #expect(orders.contains("async placeOrder(item: Pick<OrderValues, "))
        #expect(orders.contains("orderItems: ReadonlyArray<Pick<OrderItemValues, "))
        #expect(orders.contains("for (const child of orderItems ?? []) {"))
        let users = try #require(TypeScriptExporter.export(model, requirements: requirements).first { $0.name == "typescript/Users.ts" }).text
        #expect(users.contains("unique: {entity: \"User\", attributes: [\"email\"]}"))
        #expect(users.contains("readonly user_id: string;"))
        #expect(users.contains("export function userKey(values: Pick<UserValues, \"user_id\">): Pick<User, \"user_id\"> {"))
        let all = Self.text(TypeScriptExporter.export(model, requirements: requirements))
        #expect(all.contains("OpenSearch"))
    }

    /// Across the worked scenarios and the batch model the export uses every request the plans
    /// hold: batch reads and writes (with their retries in the runtime), condition checks,
    /// counters and conditional updates.
    @Test func everyKindOfRequestIsRendered() throws {
        var all = ""
        for name in ExportScenario.names {
            let (requirements, model) = try ExportScenario.model(name)
            all += Self.text(TypeScriptExporter.export(model, requirements: requirements))
        }
        let notes = try RequirementsYAMLLoader.load(yaml: TypeScriptBatchRoundTripTests.yaml, fileName: "notes.yaml")
        all += Self.text(TypeScriptExporter.export(ProvenDesign.design(notes), requirements: notes))
        for call in ["runtime.getItem(", "runtime.queryPage(", "runtime.queryAll(", "runtime.batchGet(", "runtime.batchWrite(",
                     "new PutCommand(", "new UpdateCommand(", "new DeleteCommand(", "runtime.transactWrite(", "ConditionCheck: {"] {
            #expect(all.contains(call), "no scenario renders \(call)")
        }
        #expect(all.contains("UnprocessedKeys") && all.contains("UnprocessedItems"), "batch retries")
        #expect(all.contains("UpdateExpression: \"ADD ") || all.contains(" ADD "), "a counter update")
    }

    /// A change to the model re-renders the export: a renamed attribute is written under its new
    /// name and a renamed table is named in the JSDoc and the module's file name.
    @Test func aChangedModelRendersAgain() throws {
        var choices = WorkedScenarios.choices("ecommerce")
        choices.attributeNames["User"] = ["email": "emailAddress"]
        choices.tableNames["User"] = "People"
        let (requirements, model) = try WorkedScenarios.provenModel("ecommerce", choices: choices)
        let files = TypeScriptExporter.export(model, requirements: requirements)
        let people = try #require(files.first { $0.name == "typescript/People.ts" }, "\(files.map(\.name))")
        #expect(people.text.contains("export class PeopleRepository {"))
        #expect(people.text.contains("  emailAddress: string;"))
        #expect(people.text.contains("emailAddress: runtime.typed(item[\"email\"], \"S\")"))
    }
}

extension TypeScriptExporterTests {
    /// The ecommerce export, every module one after the other, reviewed like code.
    @Test func goldenEcommerce() throws {
        let (requirements, model) = try ExportScenario.model("ecommerce")
        let text = TypeScriptExporter.export(model, requirements: requirements).map { "// ==> \($0.name)\n" + $0.text }.joined(separator: "\n")
        let url = ExportScenario.fixtures.appendingPathComponent("typescript-ecommerce.ts.golden")
        let golden = try #require(try GoldenFile.check(text, against: url), "no golden file: run with UPDATE_GOLDEN=1")
        #expect(text == golden, "the TypeScript export differs from \(url.lastPathComponent): rerun with UPDATE_GOLDEN=1 and review the diff")
    }
}
