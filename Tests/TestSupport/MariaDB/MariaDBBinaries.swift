import Foundation

/// The MariaDB programs the tests need, found on PATH or in the usual sbin folders (Debian puts
/// `mariadbd` in /usr/sbin, which is often not on a user's PATH). Each program is looked up under
/// its MariaDB name first, then its MySQL-compatible alias.
public struct MariaDBBinaries {
    public let server: URL
    public let installDB: URL
    public let admin: URL
    public let client: URL
    public let dump: URL

    /// Names tried for each program, in order.
    public static let candidates: [(role: String, names: [String])] = [
        ("server", ["mariadbd", "mysqld"]),
        ("installDB", ["mariadb-install-db", "mysql_install_db"]),
        ("admin", ["mariadb-admin", "mysqladmin"]),
        ("client", ["mariadb", "mysql"]),
        ("dump", ["mariadb-dump", "mysqldump"]),
    ]

    /// The programs, or `MariaDBError.missingBinaries` naming each one not found.
    public static func locate() throws -> MariaDBBinaries {
        var found: [String: URL] = [:]
        var missing: [String] = []
        for (role, names) in candidates {
            if let url = names.lazy.compactMap(find).first {
                found[role] = url
            } else {
                missing.append(names.joined(separator: " or "))
            }
        }
        guard missing.isEmpty, let server = found["server"], let installDB = found["installDB"],
              let admin = found["admin"], let client = found["client"], let dump = found["dump"]
        else { throw MariaDBError.missingBinaries(missing) }
        return MariaDBBinaries(server: server, installDB: installDB, admin: admin, client: client, dump: dump)
    }

    /// True when every program is present.
    public static var available: Bool { (try? locate()) != nil }

    /// CI installs the binaries before running the tests, so there a missing binary is a failure,
    /// never a reason to skip.
    public static var runningInCI: Bool {
        guard let value = ProcessInfo.processInfo.environment["CI"] else { return false }
        return !value.isEmpty && value != "0" && value.lowercased() != "false"
    }

    private static func find(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let folders = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/local/sbin", "/sbin"]
        for folder in folders where !folder.isEmpty {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
