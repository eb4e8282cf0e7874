import Foundation
import TestSupport
import QueryTraffic
import Testing

/// A real MariaDB server writes its slow log (`long_query_time = 0`) and general log while
/// known statements run a known number of times; both logs read back with those counts, and
/// the slow log groups exactly as pt-query-digest groups it.
@Suite(.serialized) struct LiveServerLogTests {
    @Test func slowAndGeneralLogsOfARealServer() throws {
        let server = try MariaDBServer.start(.init(queryLogs: true))
        defer { server.stop() }
        try server.query("CREATE DATABASE shop; CREATE TABLE shop.orders (id INT PRIMARY KEY, customer_id INT, status VARCHAR(20))")
        try server.query("INSERT INTO orders VALUES (1, 7, 'new'), (2, 7, 'paid'), (3, 8, 'new')", database: "shop")
        for id in 1...7 {
            try server.query("SELECT * FROM orders WHERE id = \(id)", database: "shop")
        }
        try server.query(
            (1...4).map { "UPDATE orders SET status = 'x\($0)' WHERE id = \($0)" }.joined(separator: "; "), database: "shop"
        )
        try server.query("SELECT id\n  FROM orders\n WHERE customer_id IN (7, 8, 9); SELECT id FROM orders WHERE customer_id IN (7)", database: "shop")

        let slowLog = server.slowLog
        let slow = try QueryLogFiles.read(paths: [slowLog.path])
        #expect(slow.source == .slowLog)
        let byId = try #require(slow.statements.first { $0.fingerprint == "select * from orders where id = ?" })
        #expect(byId.calls == 7)
        #expect(byId.schema == "shop")
        #expect(byId.example == "SELECT * FROM orders WHERE id = 1")
        #expect(byId.rowsSentPerCall == 3.0 / 7.0) // ids 1 to 3 exist, 4 to 7 do not
        let update = try #require(slow.statements.first { $0.fingerprint == "update orders set status = ? where id = ?" })
        #expect(update.calls == 4)
        let inList = try #require(slow.statements.first { $0.fingerprint == "select id from orders where customer_id in(?+)" })
        #expect(inList.calls == 2)
        #expect(inList.example == "SELECT id\n  FROM orders\n WHERE customer_id IN (7, 8, 9)")
        #expect(inList.rowsSentPerCall == 2.5) // three rows, then two

        try PtQueryDigestAgreementTests.expectSameGrouping(slow, try PtQueryDigest.classes(of: slowLog))

        let general = try QueryLogFiles.read(paths: [server.generalLog.path])
        #expect(general.source == .generalLog)
        let generalById = try #require(general.statements.first { $0.fingerprint == "select * from orders where id = ?" })
        #expect(generalById.calls == 7)
        #expect(generalById.schema == "shop")
        #expect(general.statements.first { $0.fingerprint == "update orders set status = ? where id = ?" }?.calls == 4)
        #expect(general.statements.first { $0.fingerprint == "select id from orders where customer_id in(?+)" }?.calls == 2)
    }
}
