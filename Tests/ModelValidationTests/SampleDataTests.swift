import DesignEngine
import DynamoDBAPI
import DynamoDBClient
@testable import ModelValidation
import Testing

/// The sample data follows the requirements: children per parent from the cardinality, string
/// values as large as the attributes' typical sizes (keys stay short).
@Suite struct SampleDataTests {
    static func run() throws -> ValidationRun {
        let (requirements, model) = try ValidationScenario.model("ecommerce")
        // Nothing is sent: only the sample data is built.
        let validator = ModelValidator(model: model, requirements: requirements, transport: UnusedTransport(), tablePrefix: "s-")
        return ValidationRun(validator: validator)
    }

    @Test func childrenPerParentFollowTheCardinality() throws {
        let run = try Self.run()
        #expect(run.sampleCount("User") == 3)
        // OrderItem: avg 3 per Order → two orders get 3 lines each.
        #expect(run.sampleCount("OrderItem") == 6)
        // Order: avg 10 per User, capped at 3 per parent.
        #expect(run.sampleCount("Order") == 6)
    }

    @Test func stringValuesWeighTheirTypicalSizeButKeysStayShort() throws {
        let run = try Self.run()
        let user = run.sample("User", 1)
        guard case .s(let name)? = user["display_name"], case .s(let id)? = user["user_id"] else {
            Issue.record("expected string values, got \(user)")
            return
        }
        #expect(name.utf8.count == 30)
        #expect(id.utf8.count < 36)
    }
}

/// A transport for tests that send nothing.
struct UnusedTransport: DynamoDBTransport {
    func send(operation: String, body: [UInt8]) throws(DynamoDBError) -> [UInt8] {
        throw .invalidResponse(reason: "this test sends no request (\(operation))")
    }
}
