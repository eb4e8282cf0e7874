@testable import ContractExport
import DesignEngine
import Foundation
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// The worked scenarios of the design engine (`Tests/DesignEngineTests/Scenarios`), designed with
/// the Scans their requirements ask the user to accept (as in the engine's scenario tests).
enum CloudFormationScenario {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] { WorkedScenarios.names }

    static func requirements(_ name: String) throws -> Requirements { try WorkedScenarios.requirements(name) }

    static func choices(_ name: String) -> DesignChoices { WorkedScenarios.choices(name) }

    static func template(_ name: String, choices: DesignChoices? = nil) throws -> (DataModel, String) {
        let requirements = try requirements(name)
        let model = DesignEngine.design(requirements, choices: choices ?? self.choices(name))
        let file = CloudFormationExporter.export(model, requirements: requirements, stackDescription: "ddbmodel \(name) tables")
        return (model, file.text)
    }
}

/// Runs the independent checkers the tests rely on: `cfn-lint`, and PyYAML (a dependency of
/// cfn-lint) to read templates back. Both come from `python3 -m pip install cfn-lint`.
enum TemplateTools {
    /// Runs a checker; `output` holds both of its streams.
    static func run(_ arguments: [String], input: String? = nil) throws -> CommandResult {
        try Command(arguments, input: input.map(Command.Input.text) ?? .none, output: .merged).run()
    }

    /// `cfn-lint` on the template in a temporary file; the output lists every finding.
    static func cfnLint(_ template: String, name: String) throws -> CommandResult {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-cfn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(name).yaml")
        try Data(template.utf8).write(to: file)
        return try run(["cfn-lint", "--format", "parseable", file.path])
    }

    /// The template as JSON-like values: short-form intrinsics become `{"!Ref": value}`.
    static func parse(_ template: String) throws -> [String: Any] {
        let script = """
        import json, sys, yaml
        class Loader(yaml.SafeLoader): pass
        def tagged(loader, suffix, node):
            if isinstance(node, yaml.ScalarNode): value = loader.construct_scalar(node)
            elif isinstance(node, yaml.SequenceNode): value = loader.construct_sequence(node, deep=True)
            else: value = loader.construct_mapping(node, deep=True)
            return {"!" + suffix: value}
        Loader.add_multi_constructor("!", tagged)
        print(json.dumps(yaml.load(sys.stdin.read(), Loader=Loader)))
        """
        let result = try run(["python3", "-c", script], input: template)
        guard result.status == 0 else { throw ParseFailure(message: result.output) }
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
        guard let dictionary = object as? [String: Any] else { throw ParseFailure(message: "not a mapping") }
        return dictionary
    }

    /// Every `AttributeName` in the template as PyYAML reads it, each as its Unicode code points
    /// (so a character changed or dropped on the way through YAML shows, whatever JSON would do).
    static func attributeNames(_ template: String) throws -> [[UInt32]] {
        let script = """
        import json, sys, yaml
        class Loader(yaml.SafeLoader): pass
        Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
        names = []
        def walk(value):
            if isinstance(value, dict):
                for key, item in value.items():
                    if key == "AttributeName": names.append([ord(c) for c in item])
                    else: walk(item)
            elif isinstance(value, list):
                for item in value: walk(item)
        walk(yaml.load(sys.stdin.read(), Loader=Loader))
        print(json.dumps(names))
        """
        let result = try run(["python3", "-c", script], input: template)
        guard result.status == 0 else { throw ParseFailure(message: result.output) }
        guard let names = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[Int]] else {
            throw ParseFailure(message: "not a list of names: \(result.output)")
        }
        return names.map { $0.map(UInt32.init) }
    }

    struct ParseFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "YAML did not parse: \(message)" }
    }
}

@Suite struct CloudFormationExporterTests {
    @Test(arguments: CloudFormationScenario.names)
    func passesCfnLintWithNoErrors(name: String) throws {
        let (_, template) = try CloudFormationScenario.template(name)
        let result = try TemplateTools.cfnLint(template, name: name)
        #expect(result.status != 127, "cfn-lint is not installed: run `python3 -m pip install cfn-lint` (make test does)")
        let errors = result.output.split(separator: "\n").filter { $0.contains(":E") }
        #expect(errors.isEmpty, "cfn-lint errors for \(name):\n\(errors.joined(separator: "\n"))")
        #expect(result.status & 2 == 0, "cfn-lint exit status \(result.status):\n\(result.output)")
        // Warnings are not allowed either: they usually point at a real deployment problem.
        #expect(result.status == 0, "cfn-lint findings for \(name):\n\(result.output)")
    }

    @Test(arguments: CloudFormationScenario.names)
    func oneTableResourcePerModelTableWithExactlyItsKeyAttributes(name: String) throws {
        let (model, template) = try CloudFormationScenario.template(name)
        let parsed = try TemplateTools.parse(template)
        let resources = try #require(parsed["Resources"] as? [String: Any])
        let tables = resources.compactMap { id, value -> (String, [String: Any])? in
            guard let resource = value as? [String: Any], resource["Type"] as? String == "AWS::DynamoDB::Table" else { return nil }
            return (id, resource)
        }
        #expect(tables.count == model.tables.count)
        for table in model.tables {
            let id = try #require(CloudFormationExporter.logicalIDs(model.tables)[table.id])
            let resource = try #require(resources[id] as? [String: Any], "no resource \(id) for \(table.name)")
            #expect(resource["DeletionPolicy"] as? String == "Retain")
            #expect(resource["UpdateReplacePolicy"] as? String == "Retain")
            let properties = try #require(resource["Properties"] as? [String: Any])
            let definitions = try #require(properties["AttributeDefinitions"] as? [[String: Any]])
            let defined = definitions.map { "\($0["AttributeName"] as? String ?? "?"):\($0["AttributeType"] as? String ?? "?")" }
            var expected: [String] = []
            for key in [table.partitionKey] + (table.sortKey.map { [$0] } ?? []) + table.indexes.flatMap({ $0.partitionKey + $0.sortKey })
            where !expected.contains(where: { $0.hasPrefix(key.name + ":") }) {
                expected.append("\(key.name):\(key.dynamoDBType.rawValue)")
            }
            #expect(defined == expected, "\(table.name)")
            #expect(defined.allSatisfy { $0.hasSuffix(":S") || $0.hasSuffix(":N") || $0.hasSuffix(":B") })
            let keySchema = try #require(properties["KeySchema"] as? [[String: Any]])
            #expect(keySchema.map { $0["AttributeName"] as? String ?? "" } == table.keyAttributeNames)
            #expect(properties["BillingMode"] as? String == "PAY_PER_REQUEST")
            #expect(properties["ProvisionedThroughput"] == nil)
            #expect(properties["TableName"] as? [String: String] == ["!Sub": "${TablePrefix}\(table.name)-${Environment}"])
            #expect((properties["PointInTimeRecoverySpecification"] as? [String: Bool])?["PointInTimeRecoveryEnabled"] == true)
            #expect((properties["SSESpecification"] as? [String: Bool])?["SSEEnabled"] == true)
            let globals = properties["GlobalSecondaryIndexes"] as? [[String: Any]] ?? []
            #expect(globals.map { $0["IndexName"] as? String ?? "" } == table.indexes.filter { $0.kind == .global }.map(\.name))
            for (index, global) in zip(table.indexes.filter { $0.kind == .global }, globals) {
                let projection = try #require(global["Projection"] as? [String: Any])
                #expect(projection["ProjectionType"] as? String == index.projection.awsName)
                if case .include(let names) = index.projection { #expect(projection["NonKeyAttributes"] as? [String] == names) }
                let schema = try #require(global["KeySchema"] as? [[String: String]])
                #expect(schema.map { $0["AttributeName"]! } == index.keyAttributeNames)
                #expect(schema.map { $0["KeyType"]! } == index.partitionKey.map { _ in "HASH" } + index.sortKey.map { _ in "RANGE" })
            }
        }
    }

    @Test(arguments: CloudFormationScenario.names)
    func policyHasNoWildcardsAndOnlyDynamoDBItemActions(name: String) throws {
        let (_, template) = try CloudFormationScenario.template(name)
        let statements = try Self.statements(template)
        #expect(!statements.isEmpty)
        let allowed = Set(AccessPermissions.actionOrder.map { "dynamodb:\($0)" })
        for statement in statements {
            let actions = try #require(statement["Action"] as? [String])
            #expect(actions.allSatisfy(allowed.contains), "\(actions)")
            #expect(!actions.contains { $0.contains("*") })
            let resources = try #require(statement["Resource"] as? [Any])
            for resource in resources {
                let text = "\(resource)"
                #expect(!text.contains("*"), "wildcard resource \(text)")
                #expect(resource as? String == nil, "resources are references to the stack's tables, not literal strings")
            }
            #expect((statement["Sid"] as? String)?.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } == true)
        }
        #expect(!template.contains("dynamodb:*"))
        #expect(!template.contains("Resource: \"*\""))
    }

    /// E-commerce, checked by hand against the pattern mapping of its data model document.
    @Test func ecommercePolicyGrantsExactlyWhatThePatternsUse() throws {
        let (_, template) = try CloudFormationScenario.template("ecommerce")
        var granted: [String: [String]] = [:]
        var resources: [String: [String]] = [:]
        for statement in try Self.statements(template) {
            let sid = try #require(statement["Sid"] as? String)
            granted[sid] = statement["Action"] as? [String]
            resources[sid] = (statement["Resource"] as? [Any] ?? []).map { resource in
                guard let reference = resource as? [String: Any] else { return "\(resource)" }
                return (reference["!GetAtt"] as? String) ?? (reference["!Sub"] as? String) ?? "\(reference)"
            }
        }
        #expect(granted == [
            // #1 get by id, #2's follow-up read; #3 register (Put in the transaction); #4 change email (Update).
            "UsersTable": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
            // #5 get by id; #6 queries the index only.
            "ProductsTable": ["dynamodb:GetItem"],
            "ProductsTableIndexes": ["dynamodb:Query"],
            // #8 get order; #9 place order (Put); #10 update status; #7 queries the index.
            "OrdersTable": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
            "OrdersTableIndexes": ["dynamodb:Query"],
            // #8's follow-up Query of the order's items; #9 puts the lines in its transaction.
            "OrderItemsTable": ["dynamodb:Query", "dynamodb:PutItem"],
            // #3 puts the lookup item.
            "UserUsernamesTable": ["dynamodb:PutItem"],
            // #2 reads it; #3 puts; #4 deletes the old value and puts the new one.
            "UserEmailsTable": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem"],
        ])
        #expect(resources["UsersTable"] == ["UsersTable.Arn"])
        #expect(resources["ProductsTableIndexes"] == ["${ProductsTable.Arn}/index/ProductsByCategory"])
        #expect(resources["OrdersTableIndexes"] == ["${OrdersTable.Arn}/index/OrdersByUser"])
        #expect(!granted.values.joined().contains("dynamodb:Scan"), "no pattern of the e-commerce scenario scans")
    }

    @Test func scanIsGrantedOnlyForTheAcceptedScan() throws {
        let (model, template) = try CloudFormationScenario.template("agents")
        let scans = try Self.statements(template).filter { ($0["Action"] as? [String])?.contains("dynamodb:Scan") == true }
        let scanned = model.mappings.filter { $0.status == .acceptedScan }.compactMap(\.tableID).compactMap { model.table(id: $0)?.name }
        #expect(scanned == ["BuiltinTools"])
        #expect(scans.map { $0["Sid"] as? String } == ["BuiltinToolsTable"])
    }

    @Test func agentsMultiAttributeIndexKeepsSeveralHashKeys() throws {
        let (_, template) = try CloudFormationScenario.template("agents")
        let resources = try #require(try TemplateTools.parse(template)["Resources"] as? [String: Any])
        let deployments = try #require((resources["DeploymentsTable"] as? [String: Any])?["Properties"] as? [String: Any])
        let index = try #require((deployments["GlobalSecondaryIndexes"] as? [[String: Any]])?.first)
        let schema = try #require(index["KeySchema"] as? [[String: String]])
        #expect(schema == [
            ["AttributeName": "userId", "KeyType": "HASH"],
            ["AttributeName": "projectId", "KeyType": "HASH"],
            ["AttributeName": "createdAt", "KeyType": "RANGE"],
        ])
    }

    @Test func provisionedTablesGetThroughputFromTheCostEstimate() throws {
        var choices = CloudFormationScenario.choices("ecommerce")
        choices.capacityModes["Product"] = .provisioned
        let (model, template) = try CloudFormationScenario.template("ecommerce", choices: choices)
        let resources = try #require(try TemplateTools.parse(template)["Resources"] as? [String: Any])
        let products = try #require((resources["ProductsTable"] as? [String: Any])?["Properties"] as? [String: Any])
        #expect(products["BillingMode"] as? String == "PROVISIONED")
        let line = try #require(model.cost.lines.first { $0.tableID == "Product" && $0.indexName == nil })
        let throughput = try #require(products["ProvisionedThroughput"] as? [String: Int])
        #expect(throughput == ["ReadCapacityUnits": max(1, line.provisionedReadCapacity), "WriteCapacityUnits": max(1, line.provisionedWriteCapacity)])
        let index = try #require((products["GlobalSecondaryIndexes"] as? [[String: Any]])?.first)
        #expect(index["ProvisionedThroughput"] != nil)
        let users = try #require((resources["UsersTable"] as? [String: Any])?["Properties"] as? [String: Any])
        #expect(users["ProvisionedThroughput"] == nil)
        let lint = try TemplateTools.cfnLint(template, name: "ecommerce-provisioned")
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func itemCollectionModelPassesCfnLint() throws {
        var choices = CloudFormationScenario.choices("ecommerce")
        choices.merges = [["Order", "OrderItem"]]
        let (model, template) = try CloudFormationScenario.template("ecommerce", choices: choices)
        #expect(model.tables.contains { if case .itemCollection = $0.role { return true } else { return false } })
        let lint = try TemplateTools.cfnLint(template, name: "ecommerce-collection")
        #expect(lint.status == 0, "\(lint.output)")
    }

    @Test func environmentSettingsDifferPerEnvironment() throws {
        let (_, template) = try CloudFormationScenario.template("tenants")
        let parsed = try TemplateTools.parse(template)
        let environment = try #require((parsed["Parameters"] as? [String: Any])?["Environment"] as? [String: Any])
        #expect(environment["AllowedValues"] as? [String] == ["dev", "sit", "prod"])
        #expect(environment["Default"] as? String == "dev")
        let resources = try #require(parsed["Resources"] as? [String: Any])
        for id in ["BackupVault", "BackupRole", "BackupPlan", "BackupSelection"] {
            #expect((resources[id] as? [String: Any])?["Condition"] as? String == "IsProd", "\(id) only in prod")
        }
        #expect(template.contains("ScheduleExpression: \"cron(0 * * * ? *)\""))
        #expect(template.contains("DeletionProtectionEnabled: !If [IsProd, true, false]"))
    }

    @Test func descriptionsAreQuotedSafely() throws {
        let requirements = try CloudFormationScenario.requirements("ecommerce")
        let model = DesignEngine.design(requirements, choices: DesignChoices())
        let awkward = "Shop: \"orders\" # not a comment\n- and a second line \\ with a backslash"
        let template = CloudFormationExporter.export(model, requirements: requirements, stackDescription: awkward).text
        #expect(try TemplateTools.parse(template)["Description"] as? String == awkward)
    }

    /// Names with characters YAML does not take back as written: NEL (which PyYAML folds into a
    /// space inside quotes, renaming the attribute), other C1 controls and the two
    /// non-characters (which make the template unreadable), the line and paragraph separators
    /// (line breaks to YAML 1.1), a byte order mark, and C0 controls beside ordinary non-ASCII.
    /// Input refuses most of them (`FreeText`), so the model is edited directly: the exporter must
    /// still write each so that a YAML reader gets the name back byte for byte.
    @Test(arguments: ["user\u{85}id", "a\u{80}b\u{9F}c\u{7F}", "line\u{2028}sep", "para\u{2029}sep", "\u{FEFF}bom",
                      "non\u{FFFE}char\u{FFFF}", "tab\there \u{1B}[31m é 🚀"])
    func everyNonPrintableCharacterInANameIsEscaped(name: String) throws {
        let requirements = try CloudFormationScenario.requirements("ecommerce")
        var model = DesignEngine.design(requirements, choices: DesignChoices())
        model.tables[0].partitionKey.name = name
        let template = CloudFormationExporter.export(model, requirements: requirements, stackDescription: "awkward names").text

        #expect(try TemplateTools.attributeNames(template).contains(name.unicodeScalars.map(\.value)),
                "\(name.debugDescription) did not survive the YAML round trip")
        #expect(template.unicodeScalars.allSatisfy { !CloudFormationYAML.needsEscape($0) || $0 == "\n" })
    }

    /// YAML's named escapes where it has them, numeric ones otherwise.
    @Test func escapesAreWrittenInYAMLForm() {
        #expect(CloudFormationYAML.quote("a\u{85}b\u{2028}c\u{2029}d") == #""a\Nb\Lc\Pd""#)
        #expect(CloudFormationYAML.quote("\u{80}\u{9F}\u{7F}\u{1B}") == #""\x80\x9F\x7F\x1B""#)
        #expect(CloudFormationYAML.quote("\u{FEFF}\u{FFFE}\u{FFFF}é") == #""\uFEFF\uFFFE\uFFFFé""#)
    }

    /// A comment has no escapes: a raw NEL there would end it (what follows becomes YAML), and a
    /// C1 control makes the template unreadable, so both are written as `U+XXXX`.
    @Test func commentsCarryNoNonPrintableCharacter() throws {
        let requirements = try CloudFormationScenario.requirements("ecommerce")
        var model = DesignEngine.design(requirements, choices: DesignChoices())
        model.tables[0].purpose = "Stores users\u{80} and\u{2028}Resources: {}"
        let template = CloudFormationExporter.export(model, requirements: requirements, stackDescription: "comments").text
        #expect(template.contains("# \(model.tables[0].name): Stores usersU+0080 and Resources: {}\n"))
        #expect(try TemplateTools.parse(template)["Resources"] as? [String: Any] != nil)
    }

    @Test(arguments: CloudFormationScenario.names)
    func bytesAreDeterministic(name: String) throws {
        #expect(try CloudFormationScenario.template(name).1 == CloudFormationScenario.template(name).1)
    }

    @Test func ecommerceTemplateMatchesGoldenFile() throws {
        let (_, template) = try CloudFormationScenario.template("ecommerce")
        let url = CloudFormationScenario.fixtures.appendingPathComponent("ecommerce.cloudformation.yaml")
        let golden = try #require(try GoldenFile.check(template, against: url), "missing \(url.path): run with UPDATE_GOLDEN=1")
        #expect(template == golden, "cloudformation.yaml changed: review and run with UPDATE_GOLDEN=1")
    }

    @Test func yamlWriterLaysOutNestedListsAndMaps() {
        let yaml = CloudFormationYAML.map([
            .init("A", .list([.map([.init("B", .plain("1")), .init("C", .list([.quoted("x")]))]), .plain("d")]), comments: ["note"]),
            .init("E", .list([])),
            .init("F", .tag("!If", .flow([.plain("IsProd"), .ref("X")]))),
        ]).rendered()
        #expect(yaml == "# note\nA:\n  - B: 1\n    C:\n      - \"x\"\n  - d\nE: []\nF: !If [IsProd, !Ref X]\n")
    }

    static func statements(_ template: String) throws -> [[String: Any]] {
        let resources = try #require(try TemplateTools.parse(template)["Resources"] as? [String: Any])
        let policy = try #require(resources[CloudFormationExporter.policyID] as? [String: Any])
        #expect(policy["Type"] as? String == "AWS::IAM::ManagedPolicy")
        let document = try #require((policy["Properties"] as? [String: Any])?["PolicyDocument"] as? [String: Any])
        return try #require(document["Statement"] as? [[String: Any]])
    }
}
