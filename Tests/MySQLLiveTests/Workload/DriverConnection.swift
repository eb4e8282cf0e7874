import CMariaDB
import Foundation

/// The workload driver's own connection: plain Connector/C over the test server's socket, as root
/// and NOT read-only (statement B writes). Deliberately separate from `MySQLConnection`, whose
/// sessions can never write.
final class DriverConnection {
    private let handle: UnsafeMutablePointer<MYSQL>

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(socket: URL, database: String) throws {
        guard let handle = mysql_init(nil) else { throw Failure(description: "mysql_init failed") }
        guard mysql_real_connect(handle, "localhost", "root", "", database, 0, socket.path, UInt(CLIENT_MULTI_RESULTS)) != nil else {
            let message = String(cString: mysql_error(handle))
            mysql_close(handle)
            throw Failure(description: "the workload driver could not connect: \(message)")
        }
        self.handle = handle
    }

    deinit { mysql_close(handle) }

    /// Runs one statement, reads and discards its rows (every result of a CALL); returns how many
    /// rows the first result had.
    @discardableResult
    func execute(_ sql: String) throws -> Int {
        guard mysql_query(handle, sql) == 0 else { throw failure(sql) }
        var firstRows: Int?
        while true {
            if let result = mysql_store_result(handle) {
                firstRows = firstRows ?? Int(mysql_num_rows(result))
                mysql_free_result(result)
            } else if mysql_field_count(handle) != 0 {
                throw failure(sql)
            }
            let more = mysql_next_result(handle)
            if more > 0 { throw failure(sql) }
            if more < 0 { return firstRows ?? 0 }
        }
    }

    private func failure(_ sql: String) -> Failure {
        Failure(description: "\(sql): \(String(cString: mysql_error(handle))) (error \(mysql_errno(handle)))")
    }
}
