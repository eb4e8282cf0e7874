import Conversation
import DataModelDocument
import DesignEngine
import Foundation
import ModelExecution
import TestSupport
import Testing

/// The design stage through the built binary: `dynamodb_data_model.md` appears when the
/// requirements gate passes, follows every design change, and goes when the gate re-opens.
@Suite struct DesignStageTests {
    static let document = "Sessions/shop/dynamodb_data_model.md"

    static func runner() throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.ecommerceYAML.utf8).write(to: runner.file("ecommerce.yaml"))
        return runner
    }

    static func session(_ runner: BinaryRunner) throws -> SessionState {
        let data = try #require(FileManager.default.contents(atPath: runner.file("Sessions/shop/session.json").path))
        return try JSONDecoder().decode(SessionState.self, from: data)
    }

    /// What the document must hold for the saved session: its model, designed and rendered.
    static func expectedDocument(_ state: SessionState) -> String {
        DataModelDocument.render(ProvenDesign.design(state.requirements, choices: state.designChoices), requirements: state.requirements)
    }

    static func input(_ lines: [String]) -> String {
        lines.joined(separator: "\n") + "\n"
    }

    @Test func theDataModelIsWrittenAfterTheRequirementsGateAndRemovedWhenItReopens() throws {
        let runner = try Self.runner()

        // At the review before the requirements gate: no data model yet.
        let opened = try runner.run(["new", "shop", "--requirements", "ecommerce.yaml"], input: Self.input(["accept the catalog service creates products"]))
        #expect(opened.status == 0, "\(opened.errors)")
        #expect(runner.contents("Sessions/shop/dynamodb_requirement.md") != nil)
        #expect(runner.contents(Self.document) == nil, "nothing downstream exists before its gate")

        // Pass the gate, walk the six tables (one renamed on the way), approve with yes.
        let walked = try runner.run(["resume", "Sessions/shop"], input: Self.input(
            ["yes", "yes", "/rename table Products Catalog", "yes", "", "ok", "yes", "yes", "y", "yes"]))
        #expect(walked.status == 0, "\(walked.errors)")
        #expect(walked.errors.isEmpty)
        #expect(walked.output.contains("Requirements confirmed and recorded at "))
        #expect(walked.output.contains("\nTable 1 of 6: Users (entity table for User)\n"))
        #expect(walked.output.contains("\nTable 2 of 6: Catalog (entity table for Product)\n"))
        #expect(walked.output.contains("\nType yes in full to approve the data model; anything else keeps the gate open.\n"))
        #expect(walked.output.contains("\nData model approved and recorded at "))
        let approved = try Self.session(runner)
        #expect(approved.gates.design.isPassed)
        #expect(approved.step == .contractGate)
        #expect(approved.designChoices.tableNames == ["Product": "Catalog"])
        #expect(approved.designChoices.confirmedTables.count == 6)
        let document = try #require(runner.contents(Self.document))
        #expect(document == Self.expectedDocument(approved))
        #expect(document.contains("Catalog"))

        let status = try runner.run(["status", "Sessions/shop"])
        #expect(status.output.contains("Stage: contract (current question: contract gate)"))
        #expect(status.output.contains("Data model: 6 tables (2 lookup tables), 2 secondary indexes, 0 broken patterns\nTables confirmed: 6 of 6\n"))

        // A design change re-opens the design gate and rewrites the document.
        let changed = try runner.run(["resume", "Sessions/shop"], input: Self.input(["/class Catalog standard-ia"]))
        #expect(changed.output.contains("The data model changed after its approval, so the design gate is open again"))
        let reopened = try Self.session(runner)
        #expect(!reopened.gates.design.isPassed)
        #expect(reopened.step == .designGate)
        #expect(runner.contents(Self.document) == Self.expectedDocument(reopened))
        #expect(runner.contents(Self.document) != document)

        // A requirements edit re-opens the requirements gate: the data model goes.
        let edited = try runner.run(["resume", "Sessions/shop"], input: Self.input(["/edit pattern 5 peak=1000"]))
        #expect(edited.status == 0)
        #expect(runner.contents(Self.document) == nil)
        let back = try Self.session(runner)
        #expect(!back.gates.requirements.isPassed)
        #expect(back.designChoices.tableNames == ["Product": "Catalog"], "the design choices stay for the next design")

        // Passing the gate again brings it back, with the choices re-applied.
        _ = try runner.run(["resume", "Sessions/shop"], input: Self.input(["yes"]))
        let again = try Self.session(runner)
        #expect(again.step == .designGate)
        #expect(runner.contents(Self.document) == Self.expectedDocument(again))
    }

    @Test func resumeAtADesignStepAsksTheSameQuestion() throws {
        let runner = try Self.runner()
        let first = try runner.run(["new", "shop", "--requirements", "ecommerce.yaml"],
                                   input: Self.input(["accept the catalog service creates products", "yes", "yes"]))
        #expect(first.status == 0)
        let lines = first.output.components(separatedBy: "\n")
        let lastQuestionStart = try #require(lines.lastIndex { $0.hasPrefix("Table 2 of 6: Products") })
        let second = try runner.run(["resume", "Sessions/shop"], input: "/quit\n")
        #expect(second.output.hasPrefix("Resuming session shop from Sessions/shop/ at: design review.\nTable 2 of 6: Products"))
        #expect(second.output.contains(lines[lastQuestionStart...].prefix(5).joined(separator: "\n")))
        #expect(runner.contents(Self.document) == Self.expectedDocument(try Self.session(runner)))
    }
}
