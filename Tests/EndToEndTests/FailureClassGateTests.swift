import Conversation
import Foundation
import Testing
import TestSupport

/// A model that breaks a DynamoDB limit cannot pass the design gate (issue 10's failure class:
/// a partition "❌ over limit" that was approved anyway), through the built binary.
@Suite struct FailureClassGateTests {
    @Test func aPartitionOverItsLimitKeepsTheDesignGateClosed() throws {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.hotPartitionYAML.utf8).write(to: runner.file("hot.yaml"))
        // Confirm the requirements, go straight to the design gate, try to approve.
        let result = try runner.run(["new", "hot", "--requirements", "hot.yaml"], input: "yes\n/gate\nyes\n/quit\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("The data model cannot be approved while it breaks a DynamoDB limit:\n  ⛔ Devices / DevicesByState: pattern #2 puts 5000 read units/s"))
        #expect(result.output.contains("mitigation: Shard state"))
        #expect(!result.output.contains("Data model approved"))
        let data = try #require(FileManager.default.contents(atPath: runner.file("Sessions/hot/session.json").path))
        let state = try JSONDecoder().decode(SessionState.self, from: data)
        #expect(!state.gates.design.isPassed)
        #expect(runner.contents("Sessions/hot/migrationContract.json") == nil, "nothing downstream of a closed gate")
        let document = try #require(runner.contents("Sessions/hot/dynamodb_data_model.md"))
        #expect(document.contains("- ⛔ Devices / DevicesByState: pattern #2 puts 5000 read units/s"))
    }
}
