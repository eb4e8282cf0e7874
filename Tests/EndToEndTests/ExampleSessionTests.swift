import Conversation
import DataModelDocument
import DesignEngine
import Digests
import Foundation
import MigrationContract
import ModelExecution
import Requirements
import TestSupport
import Testing

/// The example sessions under `Sessions/examples/` (rebuilt by scripts/make-example-sessions.sh):
/// each has passed the requirements gate, its documents are exactly what the code renders for
/// its state, and resuming it opens the design review.
@Suite struct ExampleSessionTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sessions/examples")
    static let names = ["ecommerce", "tenants"]

    static func state(_ name: String) throws -> SessionState {
        let data = try #require(FileManager.default.contents(atPath: examples.appendingPathComponent("\(name)/session.json").path), "missing example \(name)")
        return try JSONDecoder().decode(SessionState.self, from: data)
    }

    static func text(_ name: String, _ file: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: examples.appendingPathComponent("\(name)/\(file)").path), "missing \(name)/\(file)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test(arguments: names)
    func exampleHasPassedTheRequirementsGateAndItsDocumentsAreCurrent(name: String) throws {
        let state = try Self.state(name)
        #expect(state.gates.requirements.isPassed)
        #expect(!state.gates.design.isPassed)
        let model = ProvenDesign.design(state.requirements, choices: state.designChoices)
        #expect(try Self.text(name, "dynamodb_data_model.md") == DataModelDocument.render(model, requirements: state.requirements),
                "Sessions/examples/\(name) is stale: run scripts/make-example-sessions.sh")
        let requirements = String(decoding: RequirementsDocument.renderUTF8(state.requirements, gateStatus: state.requirementsGateStatus), as: UTF8.self)
        #expect(try Self.text(name, "dynamodb_requirement.md") == requirements)
    }

    @Test(arguments: names)
    func resumingAnExampleOpensTheDesignReview(name: String) throws {
        let runner = try BinaryRunner()
        let copy = runner.file("Sessions/\(name)")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.examples.appendingPathComponent(name), to: copy)
        let result = try runner.run(["resume", "Sessions/\(name)"], input: "/quit\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("Table 1 of"))
        #expect(result.output.contains("Confirm "))
    }
}

/// The examples carried through all three gates: their contract is the approved one and
/// validates against the session.
@Suite struct ApprovedExampleSessionTests {
    static let names = ["ecommerce-approved", "tenants-approved"]

    @Test(arguments: names)
    func everyGateIsPassedAndTheContractIsTheApprovedOne(name: String) throws {
        let state = try ExampleSessionTests.state(name)
        #expect(state.gates.requirements.isPassed && state.gates.design.isPassed && state.gates.contract.isPassed)
        #expect(state.step == .contractApproved)
        let contract = Array(try ExampleSessionTests.text(name, "migrationContract.json").utf8)
        #expect(state.gates.contract.sha256 == SHA256.hex(contract))
        let model = ProvenDesign.design(state.requirements, choices: state.designChoices)
        #expect(contract == ContractBuilder.bytes(model, requirements: state.requirements), "Sessions/examples/\(name) is stale: run scripts/make-example-sessions.sh")
        #expect(ContractValidator.validate(contract, context: ContractContext(requirements: state.requirements, sourceSchema: state.sourceSchema)).isEmpty)
        #expect(try ExampleSessionTests.text(name, "dynamodb_data_model.md") == DataModelDocument.render(model, requirements: state.requirements))
    }

    @Test(arguments: names)
    func checkContractAcceptsTheExampleContract(name: String) throws {
        let runner = try BinaryRunner()
        let folder = ExampleSessionTests.examples.appendingPathComponent(name)
        let result = try runner.run(["check-contract", folder.appendingPathComponent("migrationContract.json").path, "--session", folder.path])
        #expect(result.status == 0, "\(result.errors)")
    }
}

/// `ddbmodel export` on the approved examples: every format written, the contract unchanged,
/// the CloudFormation template clean under cfn-lint, and the Terraform configuration parsed by
/// python-hcl2, equal to the template and the contract, and clean under checkov but for the
/// findings docs/export.md accepts. The exports are made here, from the examples as they are, so
/// they cannot drift from the model.
@Suite struct ApprovedExampleExportTests {
    @Test(arguments: ApprovedExampleSessionTests.names)
    func theApprovedExampleExportsEveryFormat(name: String) throws {
        let runner = try BinaryRunner()
        let copy = runner.file("Sessions/\(name)")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExampleSessionTests.examples.appendingPathComponent(name), to: copy)
        let result = try runner.run(["export", "Sessions/\(name)", "--out", "deploy"])
        #expect(result.status == 0, "\(result.errors)")
        // Every format, and one TypeScript module per table of the contract.
        let contract = try #require(try JSONSerialization.jsonObject(with: Data((runner.contents("deploy/migrationContract.json") ?? "").utf8)) as? [[String: Any]])
        let modules = contract.filter { $0["type"] as? String == "Table" }.compactMap { $0["table"] as? String }.map { "typescript/\($0).ts" }
        #expect(!modules.isEmpty)
        for file in ExportTests.formatFiles + modules {
            #expect(FileManager.default.fileExists(atPath: runner.file("deploy/\(file)").path), "missing \(file)")
        }
        try Self.compileStrictly(runner.file("deploy/typescript"))
        #expect(FileManager.default.contents(atPath: runner.file("deploy/migrationContract.json").path)
                == FileManager.default.contents(atPath: copy.appendingPathComponent("migrationContract.json").path))

        let lint = try Command(["cfn-lint", "--format", "parseable", runner.file("deploy/cloudformation.yaml").path], output: .merged).run()
        #expect(lint.status != 127, "cfn-lint is not installed: run `python3 -m pip install cfn-lint` (make test does)")
        #expect(lint.status == 0, "cfn-lint findings:\n\(lint.output)")

        let comparison = try TerraformTools.compare(terraform: runner.file("deploy/terraform"), cloudFormation: runner.file("deploy/cloudformation.yaml"),
                                                    contract: runner.file("deploy/migrationContract.json"))
        #expect(comparison.files.count == ExportTests.terraformFiles.count)
        #expect(!comparison.tableNames.isEmpty)
        #expect(comparison.terraform == comparison.cloudFormation, "Terraform\n\(comparison.terraform)\nCloudFormation\n\(comparison.cloudFormation)")
        #expect(comparison.terraformContract == comparison.contract, "Terraform\n\(comparison.terraformContract ?? "")\ncontract\n\(comparison.contract ?? "")")
        let checkov = try TerraformTools.checkov(runner.file("deploy/terraform"))
        let accepted = try TerraformTools.acceptedCheckovFindings()
        #expect(checkov.passed > 0 && checkov.parsingErrors == 0)
        #expect(checkov.failed.filter { accepted[$0.check] == nil }.isEmpty, "\(checkov.failed)")
    }

    /// The exported modules compile with `tsc --strict --noEmit`, the two AWS SDK packages
    /// resolved to the test-only declarations of the contract-export tests.
    static func compileStrictly(_ folder: URL) throws {
        let sdk = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ContractExportTests/Fixtures/typescript-sdk")
        let paths = ["client-dynamodb", "lib-dynamodb"].map { "\"@aws-sdk/\($0)\": [\"\(sdk.appendingPathComponent($0).path)\"]" }.joined(separator: ", ")
        let config = """
            {"compilerOptions": {"strict": true, "noEmit": true, "target": "ES2020", "module": "commonjs", "moduleResolution": "node",
              "lib": ["ES2020"], "types": [], "baseUrl": ".", "paths": {\(paths)}}, "include": ["*.ts"]}
            """
        try Data(config.utf8).write(to: folder.appendingPathComponent("tsconfig.json"))
        let tsc = try Command(["tsc", "--strict", "--noEmit", "-p", folder.appendingPathComponent("tsconfig.json").path], output: .merged).run(timeout: 180)
        #expect(tsc.status != 127, "tsc is not installed: install Debian's node-typescript (make test does)")
        #expect(tsc.status == 0, "tsc --strict --noEmit:\n\(tsc.output)")
    }
}
