import Foundation
import TestSupport
import MySQLLive
import Testing

/// The sampler's refusals on servers that keep no digests, each a short-lived server of its own
/// (socket only).
@Suite("performance_schema settings")
struct PerformanceSchemaSettingsTests {
    private func sampler(on setting: MariaDBServer.PerformanceSchema) throws -> MySQLLiveError? {
        let server = try MariaDBServer.start(.init(performanceSchema: setting, listensOnTCP: false))
        defer { server.stop() }
        try server.query("CREATE DATABASE shop")
        let connection = try MySQLConnection(url: LiveServers.socketURL(server), password: nil)
        return #expect(throws: MySQLLiveError.self) { try DigestSampler(connection: connection) }
    }

    @Test("performance_schema OFF: the sampler refuses and says how to turn it on")
    func performanceSchemaOff() throws {
        let error = try sampler(on: .off)
        guard case .performanceSchemaOff? = error else {
            Issue.record("expected performanceSchemaOff, got \(String(describing: error))")
            return
        }
        let message = error?.message ?? ""
        #expect(message.contains("performance_schema=ON under [mysqld] in my.cnf"))
        #expect(message.contains("cannot be turned on while the server runs"))
    }

    @Test("The statements_digest consumer disabled: the sampler refuses and shows the DBA's UPDATE")
    func digestConsumerOff() throws {
        let error = try sampler(on: .digestConsumerOff)
        guard case .digestConsumerDisabled? = error else {
            Issue.record("expected digestConsumerDisabled, got \(String(describing: error))")
            return
        }
        let message = error?.message ?? ""
        #expect(message.contains("UPDATE performance_schema.setup_consumers SET ENABLED='YES' WHERE NAME='statements_digest';"))
        #expect(message.contains("never changes the server"))
    }
}
