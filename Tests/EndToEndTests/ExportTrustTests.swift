import Conversation
import DesignEngine
import Digests
import Foundation
import MigrationContract
import ModelExecution
import Testing
import TestSupport

/// `ddbmodel export` does not take `session.json`'s word for it (docs/export.md): it designs the
/// model again, re-checks each gate's condition and requires the approved contract to be the one
/// the model gives, through the built binary. Each session here is edited the way a person could
/// edit the files by hand; nothing may be written for any of them.
@Suite struct ExportTrustTests {
    static let gateTime = "2026-01-01T00:00:00Z"

    static func state(_ runner: BinaryRunner, _ name: String) throws -> SessionState {
        let data = try #require(FileManager.default.contents(atPath: runner.file("Sessions/\(name)/session.json").path))
        return try JSONDecoder().decode(SessionState.self, from: data)
    }

    static func save(_ state: SessionState, _ runner: BinaryRunner, _ name: String) throws {
        try JSONEncoder().encode(state).write(to: runner.file("Sessions/\(name)/session.json"))
    }

    /// Marks every gate passed with `contract` as the approved file, its digest recorded.
    static func forgeApproval(_ runner: BinaryRunner, _ name: String, contract: [UInt8], edit: (inout SessionState) -> Void = { _ in }) throws {
        var state = try state(runner, name)
        edit(&state)
        state.gates.requirements.passedAt = gateTime
        state.gates.design.passedAt = gateTime
        state.gates.contract = GateRecord(passedAt: gateTime, sha256: SHA256.hex(contract))
        try save(state, runner, name)
        try Data(contract).write(to: runner.file("Sessions/\(name)/migrationContract.json"))
    }

    /// Like `forgeApproval`, with the contract the edited session's model gives (what the tool
    /// would have written), so only the gate condition under test is wrong.
    static func forgeConsistentApproval(_ runner: BinaryRunner, _ name: String, edit: (inout SessionState) -> Void = { _ in }) throws {
        var state = try state(runner, name)
        edit(&state)
        let model = ProvenDesign.design(state.requirements, choices: state.designChoices)
        try forgeApproval(runner, name, contract: ContractBuilder.bytes(model, requirements: state.requirements), edit: edit)
    }

    static func expectRefused(_ runner: BinaryRunner, _ name: String, saying expected: String) throws {
        let result = try runner.run(["export", "Sessions/\(name)", "--out", "out"])
        #expect(result.status == 1, "exported: \(result.output)")
        #expect(result.errors.contains(expected), "\(result.errors)")
        #expect(result.errors.hasPrefix("ddbmodel: "))
        #expect(result.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: runner.file("out").path), "nothing is written")
    }

    /// The e-commerce requirements with the requirements gate passed, at the design review.
    static func sessionAtTheDesignReview() throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.ecommerceYAML.utf8).write(to: runner.file("ecommerce.yaml"))
        let result = try runner.run(["new", "shop", "--requirements", "ecommerce.yaml"], input: "accept the catalog service creates products\nyes\n/quit\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(try state(runner, "shop").gates.requirements.isPassed)
        return runner
    }

    /// Gates marked passed by hand with the digest of a contract holding `[]`: the digest
    /// matches, but the contract is not the model's.
    @Test func gatesMarkedPassedWithAnEmptyContractAreRefused() throws {
        let runner = try Self.sessionAtTheDesignReview()
        try Self.forgeApproval(runner, "shop", contract: Array("[]\n".utf8))
        try Self.expectRefused(runner, "shop", saying: "The approved migrationContract.json is not the contract the model in session.json gives: the contract file holds no tables but the model has 6. ")
    }

    /// A design choice edited in session.json after a real approval: the contract's digest still
    /// matches the file, but the model (and so the CloudFormation template) changed.
    @Test func aDesignChoiceEditedAfterApprovalIsRefused() throws {
        let runner = try ExportTests.approvedSession()
        var state = try Self.state(runner, "shop")
        state.designChoices.attributeNames["User"] = ["user_id": "uid"]
        try Self.save(state, runner, "shop")
        try Self.expectRefused(runner, "shop", saying: ": the entry of table Users differs in pk, attributes (uid, user_id) and estimated_item_size_bytes. ")
        // Approved as it was, the session exports again.
        state.designChoices.attributeNames = [:]
        try Self.save(state, runner, "shop")
        let exported = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(exported.status == 0, "\(exported.errors)")
    }

    /// A choice the contract does not hold (a table's capacity mode, which changes the
    /// CloudFormation template) edited after approval: the contract still matches, the choices'
    /// digest recorded at the contract gate does not.
    @Test func aChoiceTheContractDoesNotHoldEditedAfterApprovalIsRefused() throws {
        let runner = try ExportTests.approvedSession()
        var state = try Self.state(runner, "shop")
        #expect(state.gates.contract.designChoicesSHA256 == state.designChoices.digest)
        let original = state.designChoices
        state.designChoices.capacityModes["User"] = .provisioned
        try Self.save(state, runner, "shop")
        try Self.expectRefused(runner, "shop", saying: "The design choices in session.json changed after the contract was approved")
        state.designChoices = original
        try Self.save(state, runner, "shop")
        let exported = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(exported.status == 0, "\(exported.errors)")
    }

    /// A table the contract file lost, and an entry that is not the model's, are named.
    @Test func aContractWithoutOneOfTheModelsTablesNamesIt() throws {
        let runner = try Self.sessionAtTheDesignReview()
        let state = try Self.state(runner, "shop")
        let model = ProvenDesign.design(state.requirements, choices: state.designChoices)
        let full = try #require(try JSONSerialization.jsonObject(with: Data(ContractBuilder.bytes(model, requirements: state.requirements))) as? [[String: Any]])
        let withoutUsers = full.filter { $0["table"] as? String != "Users" }
        #expect(withoutUsers.count == full.count - 1)
        try Self.forgeApproval(runner, "shop", contract: Array(try JSONSerialization.data(withJSONObject: withoutUsers)))
        try Self.expectRefused(runner, "shop", saying: ": the model has table Users, which the contract file lacks. ")
    }

    /// The requirements gate marked passed while its checklist fails (a gap left open).
    @Test func aRequirementsGateWhoseChecklistFailsIsRefused() throws {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.ecommerceYAML.utf8).write(to: runner.file("ecommerce.yaml"))
        _ = try runner.run(["new", "shop", "--requirements", "ecommerce.yaml"], input: "/quit\n")
        try Self.forgeConsistentApproval(runner, "shop")
        try Self.expectRefused(runner, "shop", saying: "session.json records the requirements gate as passed, but its checklist fails (1 item, first: ")
    }

    /// The design gate marked passed for a model with a broken pattern (a projection that leaves
    /// out what pattern #6 returns), which the gate refuses.
    @Test func aDesignGateOverABrokenPatternIsRefused() throws {
        let runner = try Self.sessionAtTheDesignReview()
        try Self.forgeConsistentApproval(runner, "shop") { state in
            state.designChoices.projections["Product"] = ["ProductsByCategory": ProjectionChoice(.keysOnly)]
        }
        try Self.expectRefused(runner, "shop", saying: "session.json records the design gate as passed, but the model it describes breaks 1 access pattern (#6 ")
    }

    /// The design gate marked passed for a model over a DynamoDB limit (a hot partition).
    @Test func aDesignGateOverADynamoDBLimitIsRefused() throws {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.hotPartitionYAML.utf8).write(to: runner.file("hot.yaml"))
        _ = try runner.run(["new", "hot", "--requirements", "hot.yaml"], input: "yes\n/quit\n")
        try Self.forgeConsistentApproval(runner, "hot")
        try Self.expectRefused(runner, "hot", saying: "session.json records the design gate as passed, but the model it describes breaks a DynamoDB limit (Devices / DevicesByState: ")
    }

    /// The imported MySQL schema edited to hold a table nothing maps: the contract is still the
    /// model's, but it fails validation against the session, which the contract gate refuses.
    @Test func aContractThatFailsValidationAgainstTheSessionIsRefused() throws {
        let runner = try ExportTests.approvedSchemaSession(usersColumn: "email varchar(80) NOT NULL")
        #expect(try runner.run(["export", "Sessions/shop", "--out", "before"]).status == 0)
        let url = runner.file("Sessions/shop/session.json")
        var session = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var schema = try #require(session["source_schema"] as? [String: Any])
        var tables = try #require(schema["tables"] as? [[String: Any]])
        var legacy = try #require(tables.first)
        legacy["name"] = "legacy_users"
        tables.append(legacy)
        schema["tables"] = tables
        session["source_schema"] = schema
        try JSONSerialization.data(withJSONObject: session).write(to: url)
        try Self.forgeConsistentApproval(runner, "shop")
        try Self.expectRefused(runner, "shop", saying: "The approved migrationContract.json fails validation against the session (1 problem, first: $: ")
    }
}
