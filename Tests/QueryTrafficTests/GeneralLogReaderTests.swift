import QueryTraffic
import Testing

/// The general query log: `Query` lines counted, each connection's schema followed.
@Suite struct GeneralLogReaderTests {
    /// MySQL 8: an ISO time on every line.
    static let mysql8 = """
    /usr/sbin/mysqld, Version: 8.0.36 (MySQL Community Server - GPL). started with:
    Tcp port: 3306  Unix socket: /var/run/mysqld/mysqld.sock
    Time                 Id Command    Argument
    2026-12-05T10:00:00.100000Z\t    8 Connect\tapp@localhost on shop using Socket
    2026-12-05T10:00:00.200000Z\t    8 Query\tSELECT * FROM orders WHERE id = 1
    2026-12-05T10:00:00.300000Z\t    9 Connect\tapp@localhost on  using TCP/IP
    2026-12-05T10:00:00.400000Z\t    9 Query\tSELECT 1
    2026-12-05T10:00:01.000000Z\t    9 Init DB\tcrm
    2026-12-05T10:00:01.100000Z\t    9 Query\tSELECT * FROM customers
    WHERE id IN (1, 2)
    2026-12-05T10:00:02.000000Z\t    8 Query\tselect * from orders where id = 2
    2026-12-05T10:00:02.100000Z\t    8 Quit\t

    """

    /// MariaDB: the time only when the second changes, two tabs otherwise.
    static let mariadb = """
    /usr/sbin/mariadbd, Version: 10.11.19-MariaDB-0+deb12u1-log (Debian 12). started with:
    Tcp port: 0  Unix socket: /run/mysqld/mysqld.sock
    Time\t\t    Id Command\tArgument
    261205 10:00:00\t     3 Connect\troot@localhost on  using Socket
    \t\t     3 Query\tuse shop
    \t\t     3 Query\tselect * from orders where id = 1
    \t\t     3 Query\tselect * from orders where id = 2
    261205 10:00:03\t     3 Query\tupdate orders set status = 'x'
    where id = 9
    \t\t     3 Quit\t

    """

    @Test func mysql8Log() throws {
        let window = try GeneralLogReader.read(Array(Self.mysql8.utf8), name: "general.log")
        #expect(window.source == .generalLog)
        #expect(window.start == 1_796_464_800)
        #expect(window.seconds == 3)
        let select = try #require(window.statements.first { $0.fingerprint == "select * from orders where id = ?" })
        #expect(select.calls == 2)
        #expect(select.schema == "shop")
        #expect(select.intervalCalls == [IntervalCalls(interval: 0, calls: 1), IntervalCalls(interval: 2, calls: 1)])
        #expect(select.rowsSentPerCall == nil)
        let customers = try #require(window.statements.first { $0.fingerprint == "select * from customers where id in(?+)" })
        #expect(customers.schema == "crm")
        #expect(customers.example == "SELECT * FROM customers\nWHERE id IN (1, 2)")
        let one = try #require(window.statements.first { $0.fingerprint == "select ?" })
        #expect(one.schema == nil)
        #expect(window.statements.map(\.calls).reduce(0, +) == 4)
    }

    @Test func mariadbLog() throws {
        let window = try QueryLogFiles.read(Array(Self.mariadb.utf8), name: "general.log")
        #expect(window.source == .generalLog)
        #expect(window.seconds == 4)
        let select = try #require(window.statements.first { $0.fingerprint == "select * from orders where id = ?" })
        #expect(select.calls == 2)
        #expect(select.schema == "shop")
        #expect(select.peakRPS == 2)
        #expect(select.averageRPS == 0.5)
        let update = try #require(window.statements.first { $0.fingerprint == "update orders set status = ? where id = ?" })
        #expect(update.intervalCalls == [IntervalCalls(interval: 3, calls: 1)])
        #expect(update.schema == "shop")
        #expect(window.statements.contains { $0.fingerprint == "use ?" })
    }

    @Test func queryBeforeAnyTime() {
        do {
            _ = try GeneralLogReader.read(Array("\t\t     3 Query\tselect 1\n".utf8), name: "g.log")
            Issue.record("expected an error")
        } catch let error as TrafficLogError {
            #expect(error.line == 1)
            #expect(error.message.contains("no time"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func notAGeneralLog() {
        do {
            _ = try GeneralLogReader.read(Array("Time Id Command Argument\nnot a log line\n".utf8), name: "g.log")
            Issue.record("expected an error")
        } catch let error as TrafficLogError {
            #expect(error.line == 2)
            #expect(error.message.contains("expected a general query log line"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
