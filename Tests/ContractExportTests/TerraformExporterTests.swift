@testable import ContractExport
import DesignEngine
import Foundation
import MigrationContract
import Requirements
import Testing
import TestSupport

/// The Terraform export of a model, written with its CloudFormation template and contract into a
/// temporary folder, as `ddbmodel export` lays them out.
struct TerraformCase {
    var name: String
    var model: DataModel
    var files: [ExportedFile]
    var folder: URL

    /// Written into a new folder of `parent` (default: the temporary folder).
    init(_ name: String, choices: DesignChoices? = nil, in parent: URL? = nil, edit: (inout DataModel) -> Void = { _ in }) throws {
        let requirements = try WorkedScenarios.requirements(name)
        var model = DesignEngine.design(requirements, choices: choices ?? WorkedScenarios.choices(name))
        edit(&model)
        self.name = name
        self.model = model
        files = TerraformExporter.export(model, requirements: requirements, application: name)
        folder = (parent ?? FileManager.default.temporaryDirectory).appendingPathComponent("ddbmodel-tf-\(name)-\(UUID().uuidString)")
        let written = files + [
            CloudFormationExporter.export(model, requirements: requirements, stackDescription: "ddbmodel \(name) tables"),
            ExportedFile(name: "migrationContract.json", bytes: ContractBuilder.bytes(model, requirements: requirements)),
        ]
        for file in written {
            let url = folder.appendingPathComponent(file.name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
        }
    }

    var terraformFolder: URL { folder.appendingPathComponent(TerraformExporter.folder) }

    func compare() throws -> TerraformTools.Comparison {
        try TerraformTools.compare(terraform: terraformFolder, cloudFormation: folder.appendingPathComponent(CloudFormationExporter.fileName),
                                   contract: folder.appendingPathComponent("migrationContract.json"))
    }

    func text(_ file: String) throws -> String {
        try #require(files.first { $0.name == "terraform/" + file }).text
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

@Suite struct TerraformExporterTests {
    /// Variants beyond the worked scenarios: provisioned tables with a GSI (capacities and auto
    /// scaling), an item collection, and a local secondary index (no worked scenario has one).
    static func variants(in parent: URL? = nil) throws -> [TerraformCase] {
        var provisioned = WorkedScenarios.choices("ecommerce")
        provisioned.capacityModes["Product"] = .provisioned
        provisioned.capacityModes["Order"] = .provisioned
        var collection = WorkedScenarios.choices("ecommerce")
        collection.merges = [["Order", "OrderItem"]]
        let local = try TerraformCase("ecommerce", in: parent) { model in
            let template = model.tables.flatMap(\.indexes).first { $0.kind == .global }!
            let position = model.tables.firstIndex { $0.sortKey != nil && $0.indexes.isEmpty }!
            var index = template
            index.kind = .local
            index.name = model.tables[position].name + "ByPlacedAt"
            index.partitionKey = [model.tables[position].partitionKey]
            var sort = model.tables[position].partitionKey
            sort.name = "placed_at"
            index.sortKey = [sort]
            index.projection = .include(["quantity"])
            model.tables[position].indexes = [index]
        }
        return [try TerraformCase("ecommerce", choices: provisioned, in: parent), try TerraformCase("ecommerce", choices: collection, in: parent), local]
    }

    @Test(arguments: WorkedScenarios.names)
    func everyFileParsesAndDeploysWhatTheTemplateAndTheContractSay(name: String) throws {
        let export = try TerraformCase(name)
        defer { export.remove() }
        try Self.expectEquivalent(export)
    }

    @Test func provisionedItemCollectionAndLSIModelsDeployWhatTheTemplateSays() throws {
        let variants = try Self.variants()
        defer { variants.forEach { $0.remove() } }
        for export in variants { try Self.expectEquivalent(export) }
        let main = try variants[2].text("main.tf")
        #expect(main.contains("  local_secondary_index {\n    name               = \"OrderItemsByPlacedAt\"\n    range_key          = \"placed_at\"\n"
            + "    projection_type    = \"INCLUDE\"\n    non_key_attributes = [\"quantity\"]\n  }\n"), "\(main)")
    }

    static func expectEquivalent(_ export: TerraformCase) throws {
        let comparison = try export.compare()
        #expect(comparison.files.sorted() == TerraformExporter.fileNames.map { String($0.dropFirst("terraform/".count)) }.sorted())
        #expect(comparison.tableNames == export.model.tables.map(\.name).sorted(), "\(export.name)")
        #expect(comparison.terraform == comparison.cloudFormation, "\(export.name): Terraform\n\(comparison.terraform)\nCloudFormation\n\(comparison.cloudFormation)")
        #expect(comparison.terraformContract != nil)
        #expect(comparison.terraformContract == comparison.contract, "\(export.name): Terraform\n\(comparison.terraformContract ?? "")\ncontract\n\(comparison.contract ?? "")")
    }

    /// checkov over every scenario and variant in one run: only the findings docs/export.md
    /// accepts (with a reason) may fail, and each accepted one must still occur (a stale entry
    /// would hide nothing but mislead).
    @Test func checkovFindsNothingButTheAcceptedFindings() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-tf-checkov-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let exports = try WorkedScenarios.names.map { try TerraformCase($0, in: root) } + Self.variants(in: root)
        let report = try TerraformTools.checkov(root)
        let accepted = try TerraformTools.acceptedCheckovFindings()
        #expect(!accepted.isEmpty, "docs/export.md lists no accepted checkov finding")
        #expect(accepted.values.allSatisfy { $0.count > 20 }, "every accepted finding needs its reason: \(accepted)")
        #expect(report.parsingErrors == 0)
        #expect(report.passed > 100 * exports.count / 2, "checkov ran only \(report.passed) checks")
        let unexpected = report.failed.filter { accepted[$0.check] == nil }
        #expect(unexpected.isEmpty, "\(unexpected.count) checkov findings not accepted in docs/export.md, such as:\n\(unexpected.prefix(10).map(\.description).joined(separator: "\n"))")
        let occurring = Set(report.failed.map(\.check))
        #expect(Set(accepted.keys).isSubset(of: occurring), "accepted in docs/export.md but never failing: \(Set(accepted.keys).subtracting(occurring).sorted())")
    }

    @Test func multiAttributeGSIKeysAreKeySchemaBlocksInOrder() throws {
        let export = try TerraformCase("agents")
        defer { export.remove() }
        let main = try export.text("main.tf")
        let expected = [("userId", "HASH"), ("projectId", "HASH"), ("createdAt", "RANGE")].map { name, type in
            "    key_schema {\n      attribute_name = \"\(name)\"\n      key_type       = \"\(type)\"\n    }\n"
        }.joined()
        #expect(main.contains(expected), "\(main)")
        #expect(try export.text("versions.tf").contains("version = \">= 6.37.0, < 7.0.0\""))
    }

    @Test func provisionedTablesGetTheEstimatesCapacityAndAutoScaling() throws {
        let export = try Self.variants()[0]
        defer { export.remove() }
        let main = try export.text("main.tf")
        let line = try #require(export.model.cost.lines.first { $0.tableID == "Product" && $0.indexName == nil })
        let capacity = ProvisionedCapacity(export.model, tableID: "Product", index: nil)
        #expect(capacity.read == max(1, line.provisionedReadCapacity))
        #expect(capacity.minimumRead >= 1 && capacity.minimumRead <= capacity.read)
        #expect(main.contains("  read_capacity               = \(capacity.read)\n"))
        #expect(main.contains("resource \"aws_appautoscaling_target\" \"products_read\" {"))
        #expect(main.contains("resource_id        = \"table/${aws_dynamodb_table.products.name}/index/ProductsByCategory\""))
        #expect(main.contains("scalable_dimension = \"dynamodb:index:WriteCapacityUnits\""))
        #expect(main.contains("  min_capacity       = \(capacity.minimumRead)\n  max_capacity       = \(capacity.read)\n"))
        #expect(main.contains("target_value = 70"))
        #expect(main.contains("  ignore_changes = [read_capacity, write_capacity]\n"))
        // Four targets (table and GSI, read and write) per provisioned table with one GSI.
        #expect(main.components(separatedBy: "resource \"aws_appautoscaling_policy\"").count - 1 == 8)
        let users = try #require(main.range(of: "resource \"aws_dynamodb_table\" \"users\""))
        let usersEnd = try #require(main.range(of: "\n}\n", range: users.upperBound..<main.endIndex))
        let usersBlock = main[users.lowerBound..<usersEnd.lowerBound]
        #expect(!usersBlock.contains("read_capacity"), "on-demand tables have no capacity")
    }

    @Test func prodOnlySettingsAndEnvironments() throws {
        let export = try TerraformCase("tenants")
        defer { export.remove() }
        let backup = try export.text("backup.tf")
        #expect(backup.components(separatedBy: "= local.is_prod ? 1 : 0\n").count - 1 == 6)
        #expect(backup.contains("schedule          = \"cron(0 * * * ? *)\""))
        #expect(backup.contains("delete_after = 30"))
        #expect(try export.text("main.tf").contains("deletion_protection_enabled = local.is_prod"))
        let variables = try export.text("variables.tf")
        #expect(variables.contains(#"condition     = contains(["dev", "sit", "prod"], var.environment)"#))
        #expect(variables.contains("default     = \"tenants\""))
        for environment in ["dev", "sit", "prod"] {
            #expect(try export.text("environments/\(environment).tfvars").contains("environment  = \"\(environment)\"\n"))
        }
    }

    /// Names with every character HCL gives a meaning to inside quotes (template sequences,
    /// quotes, backslashes) and every one `PrintableText` escapes: written so python-hcl2 reads
    /// each back code point for code point, and still saying what the CloudFormation template says.
    @Test(arguments: ["a${var.x}b", "%{ if true }x%{ endif }", "quote\"back\\slash", "$${", "end$", "user\u{85}id\u{2028}",
                      "tab\tnew\nline\r\u{1B}[31m é 🚀", "\u{FEFF}bom\u{FFFE}\u{7F}\u{9F}"])
    func hostileNamesReadBackExactly(name: String) throws {
        let export = try TerraformCase("ecommerce") { model in
            let position = model.tables.firstIndex { $0.indexes.contains { $0.kind == .global } }!
            let index = model.tables[position].indexes.firstIndex { $0.kind == .global }!
            model.tables[position].name = "T" + name
            model.tables[position].partitionKey.name = name
            model.tables[position].indexes[index].name = "I" + name
            if case .include = model.tables[position].indexes[index].projection {
                model.tables[position].indexes[index].projection = .include([name + "x"])
            }
        }
        defer { export.remove() }
        let comparison = try export.compare()
        #expect(comparison.attributeNames.contains(name.unicodeScalars.map(\.value)), "\(name.debugDescription) did not survive python-hcl2")
        #expect(comparison.tableNames.contains("T" + name))
        #expect(comparison.terraform == comparison.cloudFormation, "Terraform\n\(comparison.terraform)\nCloudFormation\n\(comparison.cloudFormation)")
        for file in export.files {
            #expect(file.text.unicodeScalars.allSatisfy { !PrintableText.needsEscape($0) || $0 == "\n" || $0 == "\t" },
                    "\(file.name) holds a raw control character")
        }
    }

    @Test func templatesEscapeHCLSequencesAndTrailingDollars() {
        #expect(TerraformHCL.quoted([.literal("a${b}%{c}\"\\\n\u{85}")]) == #""a${"$"}{b}${"%"}{c}\"\\\n\u0085""#)
        // A `$` before an escape or an interpolation would make `$${`, the escape: escaped too.
        #expect(TerraformHCL.quoted([.literal("$${")]) == #""${"$"}${"$"}{""#)
        #expect(TerraformHCL.quoted([.literal("$%{")]) == #""${"$"}${"%"}{""#)
        #expect(TerraformHCL.quoted([.literal("a$$"), .interpolation("var.x"), .literal("$ 5% {")]) == #""a${"$"}${"$"}${var.x}$ 5% {""#)
    }

    @Test func identifiersAreSnakeCaseAndUnique() {
        var used: Set<String> = TerraformNames.reserved
        #expect(TableIdentifiers.snakeCase("OrderItems", used: &used) == "order_items")
        #expect(TableIdentifiers.snakeCase("order-items", used: &used) == "order_items_2")
        #expect(TableIdentifiers.snakeCase("Access", used: &used) == "access_2")
        #expect(TableIdentifiers.snakeCase("42things", used: &used) == "t_42things")
        #expect(TableIdentifiers.snakeCase("${}", used: &used) == "t_")
    }

    @Test(arguments: WorkedScenarios.names)
    func bytesAreDeterministic(name: String) throws {
        let (requirements, model) = try WorkedScenarios.model(name)
        #expect(TerraformExporter.export(model, requirements: requirements, application: name)
                == TerraformExporter.export(model, requirements: requirements, application: name))
    }

    @Test func ecommerceConfigurationMatchesGoldenFile() throws {
        let (requirements, model) = try WorkedScenarios.model("ecommerce")
        let text = TerraformExporter.export(model, requirements: requirements, application: "ecommerce")
            .map { "==> \($0.name) <==\n" + $0.text }.joined(separator: "\n")
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/ecommerce.terraform.golden")
        let golden = try #require(try GoldenFile.check(text, against: url), "missing \(url.path): run with UPDATE_GOLDEN=1")
        #expect(text == golden, "the Terraform export changed: review and run with UPDATE_GOLDEN=1")
    }

    /// A change to the model re-renders the export: a renamed table gets its new resource and
    /// name, and a projection chosen at the design gate is written.
    @Test func aChangedModelRendersAgain() throws {
        var choices = WorkedScenarios.choices("ecommerce")
        choices.tableNames["User"] = "People"
        choices.projections["Product"] = ["ProductsByCategory": ProjectionChoice(.keysOnly)]
        let (requirements, model) = try WorkedScenarios.provenModel("ecommerce", choices: choices)
        let main = try #require(TerraformExporter.export(model, requirements: requirements, application: "ecommerce").first { $0.name == "terraform/main.tf" })
        #expect(main.text.contains("resource \"aws_dynamodb_table\" \"people\" {"))
        #expect(main.text.contains("name                        = \"${var.table_prefix}People-${var.environment}\""))
        #expect(!main.text.contains("Users-${var.environment}"))
        let (_, before) = try WorkedScenarios.provenModel("ecommerce")
        let old = try #require(TerraformExporter.export(before, requirements: requirements, application: "ecommerce").first { $0.name == "terraform/main.tf" })
        #expect(old.text.components(separatedBy: "\"KEYS_ONLY\"").count < main.text.components(separatedBy: "\"KEYS_ONLY\"").count)
    }
}
