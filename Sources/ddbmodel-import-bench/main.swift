import Foundation
import MySQLSchema
import SeededRandom

// Measures importing a large mysqldump file: `SchemaParser.parse` over a generated, ~10 MB
// mysqldump-8.0-style dump of about 1,000 tables (or an existing file with --file). Not a test:
// timings on shared machines vary, so it prints figures and fails only when the parse reports a
// diagnostic or, for the generated dump, reads other than what was generated.
// scripts/import-bench.sh runs it beside sqlglot; docs/benchmarks.md records the figures.
//
//   ddbmodel-import-bench [--runs N]            generate the dump in memory and time parsing it
//   ddbmodel-import-bench --write PATH          write the generated dump to PATH (no timing)
//   ddbmodel-import-bench --file PATH [--runs N] time parsing an existing dump
//   ddbmodel-import-bench --tables N [--runs N]  a dump of N small tables (40,000 make 5 MB): time
//                                                parsing it, and importing it into a new session
//                                                with the session's first save, as `ddbmodel new
//                                                NAME --schema FILE` does before its first question

/// The generated dump stops at the first table boundary at or past this many bytes.
let targetBytes = 10_000_000
/// Fixed seed: the dump is the same bytes on every run and every machine.
let seed: UInt64 = 0x00DD_B0DE_1000_0001
/// A table's column count is 5–40 multiplied by this (27–220 columns) so ~1,000 tables fill 10 MB.
let columnScale = 5.5

// MARK: - Deterministic generator

// SeededGenerator (SplitMix64, SeededRandom) generates the input from the seed.

/// What the generator wrote, for checking that the parse read all of it.
struct GeneratedCounts {
    var tables = 0
    var columns = 0
    var uniqueKeys = 0
    var indexes = 0
    var foreignKeys = 0
    var compositePrimaryKeys = 0
}

/// One generated column: its definition line and whether a key may cover it.
struct GeneratedColumn {
    var name: String
    var definition: String
    /// Key part for an index on it (`name` or `name`(32)), nil when it cannot be indexed as is.
    var keyPart: String?
    /// Short enough (and of a type) to make a unique key of.
    var uniqueCandidate: Bool
}

struct DumpGenerator {
    var random = SeededGenerator(seed: seed)
    var counts = GeneratedCounts()
    /// Earlier tables with a single-column `id` primary key, which foreign keys may reference.
    var referenceable: [String] = []

    static let tableWords = [
        "customer", "order", "invoice", "product", "shipment", "warehouse", "supplier", "payment",
        "refund", "account", "session", "device", "campaign", "coupon", "review", "category", "tag",
        "address", "employee", "department", "project", "task", "ticket", "message", "notification",
        "subscription", "plan", "feature", "audit", "report", "inventory", "carrier", "contract",
        "tenant", "region", "store", "cart", "wishlist", "promotion", "ledger", "transfer", "vendor",
    ]
    static let prefixes = ["billing", "shipping", "primary", "secondary", "last", "first", "default", "legacy", "external", "internal"]
    static let comments = [
        "Set by the checkout service", "Shown to the customer", "Kept for the auditors' reports",
        "Legacy column, read by the nightly export", "The customer's preferred value",
        "Null until the first sync", "Denormalised from the parent row", "Updated by the billing job",
        "Free text entered by support staff", "In the account's currency",
    ]
    static let tableComments = [
        "Rows written by the order pipeline", "One row per customer-facing event",
        "Reference data, loaded at deploy time", "Append-only history; never updated",
        "The warehouse team's view of stock", "Mirrors the partner's API objects",
    ]
    static let collations = [
        "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci",
        "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", "CHARACTER SET latin1 COLLATE latin1_swedish_ci",
        "CHARACTER SET ascii COLLATE ascii_bin", "COLLATE utf8mb4_unicode_ci",
    ]

    mutating func header() -> String {
        """
        -- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
        --
        -- Host: db-primary.internal    Database: shop_bench
        -- ------------------------------------------------------
        -- Server version\t8.0.36

        /*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
        /*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
        /*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
        /*!50503 SET NAMES utf8mb4 */;
        /*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
        /*!40103 SET TIME_ZONE='+00:00' */;
        /*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
        /*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
        /*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
        /*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

        """
    }

    func footer() -> String {
        """
        /*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

        /*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
        /*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
        /*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
        /*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
        /*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
        /*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
        /*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

        -- Dump completed on 2026-01-15 03:00:00

        """
    }

    /// A column of a randomly chosen kind, named from that kind's names.
    mutating func column(names used: inout Set<String>) -> GeneratedColumn {
        let kind = random.int(0...99)
        var base: String
        var type: String
        var keyPart = true
        var unique = false
        switch kind {
        case 0..<10:
            base = random.pick(["quantity", "position", "attempts", "view_count", "retry_count", "stock_level"])
            type = random.pick(["int unsigned NOT NULL DEFAULT '0'", "int unsigned DEFAULT NULL", "int NOT NULL"])
        case 10..<16:
            base = random.pick(["external_id", "balance_cents", "sequence_no", "legacy_id"])
            type = random.pick(["bigint NOT NULL", "bigint DEFAULT NULL", "bigint unsigned NOT NULL DEFAULT '0'"])
            unique = true
        case 16..<22:
            base = random.pick(["is_active", "is_deleted", "is_verified", "priority", "level"])
            type = random.pick(["tinyint(1) NOT NULL DEFAULT '0'", "smallint unsigned DEFAULT NULL", "tinyint unsigned NOT NULL DEFAULT '1'"])
        case 22..<42:
            base = random.pick(["name", "title", "email", "slug", "sku", "code", "phone", "url", "city", "label", "reference", "username"])
            let length = random.pick([16, 32, 64, 100, 120, 191, 255, 512])
            let collation = random.chance(60) ? " " + random.pick(Self.collations) : ""
            let nullability = random.pick([" NOT NULL", " NOT NULL DEFAULT ''", " DEFAULT NULL"])
            type = "varchar(\(length))\(collation)\(nullability)"
            unique = length <= 191
            if length > 191 { keyPart = false }
        case 42..<46:
            base = random.pick(["uuid", "country_code", "currency", "locale"])
            type = random.pick([
                "char(36) CHARACTER SET ascii COLLATE ascii_bin NOT NULL", "char(2) NOT NULL DEFAULT 'US'",
                "char(3) NOT NULL DEFAULT 'EUR'", "char(5) DEFAULT NULL",
            ])
            unique = true
        case 46..<54:
            base = random.pick(["amount", "price", "tax", "discount", "weight", "total", "fee"])
            let precision = random.int(8...20)
            let scale = random.int(0...min(6, precision - 1))
            let zero = scale == 0 ? "0" : "0." + String(repeating: "0", count: scale)
            type = random.chance(70) ? "decimal(\(precision),\(scale)) NOT NULL DEFAULT '\(zero)'" : "decimal(\(precision),\(scale)) DEFAULT NULL"
        case 54..<57:
            base = random.pick(["latitude", "longitude", "ratio", "score"])
            type = random.pick(["double DEFAULT NULL", "float NOT NULL DEFAULT '0'", "double NOT NULL"])
        case 57..<65:
            base = random.pick(["shipped_at", "paid_at", "confirmed_at", "expires_at", "synced_at", "opened_at"])
            type = random.pick(["datetime(3) DEFAULT NULL", "datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)", "datetime NOT NULL"])
        case 65..<69:
            base = random.pick(["starts_on", "ends_on", "birth_date", "due_on"])
            type = random.pick(["date DEFAULT NULL", "date NOT NULL"])
        case 69..<73:
            base = random.pick(["updated_at", "modified_at", "deleted_at", "seen_at"])
            type = random.pick([
                "timestamp NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP",
                "timestamp NULL DEFAULT NULL", "timestamp(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)",
            ])
        case 73..<80:
            base = random.pick(["status", "kind", "state", "channel", "visibility"])
            let values = random.pick([
                ["draft", "active", "archived"], ["pending", "paid", "refunded", "failed"], ["a", "b"],
                ["web", "ios", "android", "pos", "partner_api"], ["public", "private"],
            ])
            let list = values.map { "'\($0)'" }.joined(separator: ",")
            type = random.chance(15)
                ? "set(\(list)) NOT NULL DEFAULT ''"
                : "enum(\(list)) NOT NULL DEFAULT '\(values[0])'"
        case 80..<86:
            base = random.pick(["metadata", "settings", "payload", "attributes", "options"])
            type = "json DEFAULT NULL"
            keyPart = false
        case 86..<93:
            base = random.pick(["description", "notes", "body", "summary", "instructions"])
            type = random.pick(["text", "text NOT NULL", "mediumtext CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", "longtext"])
            keyPart = false
        case 93..<96:
            base = random.pick(["checksum", "token_hash", "fingerprint"])
            type = random.pick(["varbinary(16) DEFAULT NULL", "binary(32) NOT NULL", "blob"])
            keyPart = !type.hasPrefix("blob")
        default:
            base = random.pick(["opens_at", "closes_at", "model_year", "flags"])
            type = random.pick(["time DEFAULT NULL", "year DEFAULT NULL", "bit(1) NOT NULL DEFAULT b'0'"])
        }
        var name = base
        if used.contains(name) {
            name = random.pick(Self.prefixes) + "_" + base
            var suffix = 2
            while used.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
        }
        used.insert(name)
        let comment = random.chance(40) ? " COMMENT '\(random.pick(Self.comments).replacingOccurrences(of: "'", with: "''"))'" : ""
        let part: String? = keyPart ? (type.hasPrefix("varchar(") && random.chance(20) ? "`\(name)`(32)" : "`\(name)`") : nil
        return GeneratedColumn(name: name, definition: "`\(name)` \(type)\(comment)", keyPart: part, uniqueCandidate: unique && keyPart)
    }

    /// One table as mysqldump 8.0 writes it with data (none here): structure, then an empty
    /// LOCK TABLES block.
    mutating func table(index: Int) -> String {
        let name = "\(random.pick(Self.tableWords))_\(random.pick(Self.tableWords))_\(String(index + 1))"
        let composite = random.chance(15)
        var used: Set<String> = ["id"]
        var lines: [String] = []
        if composite {
            used.insert("tenant_id")
            lines.append("`tenant_id` int unsigned NOT NULL")
            lines.append("`id` bigint unsigned NOT NULL")
        } else {
            lines.append("`id` bigint unsigned NOT NULL AUTO_INCREMENT")
        }
        // Foreign keys to earlier tables (never forward references).
        var foreignKeys: [(column: String, parent: String)] = []
        if !referenceable.isEmpty {
            for _ in 0..<random.int(0...3) {
                let parent = referenceable[max(0, referenceable.count - 1 - random.int(0...min(60, referenceable.count - 1)))]
                var column = "\(parent)_id"
                if used.contains(column) { column = "\(random.pick(Self.prefixes))_\(parent)_id" }
                if used.contains(column) { continue }
                used.insert(column)
                lines.append("`\(column)` bigint unsigned \(random.chance(50) ? "NOT NULL" : "DEFAULT NULL")")
                foreignKeys.append((column, parent))
            }
        }
        let columnCount = Int(Double(random.int(5...40)) * columnScale)
        var generated: [GeneratedColumn] = []
        while lines.count + generated.count < columnCount {
            generated.append(column(names: &used))
        }
        lines += generated.map(\.definition)
        if random.chance(70) {
            lines.append("`created_at` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)")
        }
        counts.columns += lines.count

        // Keys, in mysqldump's order: PRIMARY, UNIQUE, plain, then constraints.
        lines.append(composite ? "PRIMARY KEY (`tenant_id`,`id`)" : "PRIMARY KEY (`id`)")
        let uniqueColumns = generated.filter(\.uniqueCandidate)
        var keyNames: Set<String> = []
        func keyName(_ prefix: String, _ column: String) -> String {
            var candidate = "\(prefix)_\(column)"
            var suffix = 2
            while keyNames.contains(candidate) {
                candidate = "\(prefix)_\(column)_\(suffix)"
                suffix += 1
            }
            keyNames.insert(candidate)
            return candidate
        }
        if !uniqueColumns.isEmpty {
            for _ in 0..<random.int(0...2) {
                let first = random.pick(uniqueColumns)
                var parts = ["`\(first.name)`"]
                if random.chance(30), let second = uniqueColumns.first(where: { $0.name != first.name }) {
                    parts.append("`\(second.name)`")
                }
                lines.append("UNIQUE KEY `\(keyName("uq", first.name))` (\(parts.joined(separator: ",")))")
                counts.uniqueKeys += 1
            }
        }
        let indexable = generated.filter { $0.keyPart != nil }
        if !indexable.isEmpty {
            for _ in 0..<random.int(1...6) {
                let first = random.pick(indexable)
                var parts = [first.keyPart ?? ""]
                for _ in 0..<random.int(0...2) {
                    let next = random.pick(indexable)
                    if next.name != first.name, let part = next.keyPart, !parts.contains(part) { parts.append(part) }
                }
                lines.append("KEY `\(keyName("idx", first.name))` (\(parts.joined(separator: ",")))")
                counts.indexes += 1
            }
        }
        for (number, key) in foreignKeys.enumerated() {
            lines.append("KEY `fk_\(name)_\(number + 1)` (`\(key.column)`)")
            counts.indexes += 1
        }
        for (number, key) in foreignKeys.enumerated() {
            let action = random.pick(["", " ON DELETE CASCADE", " ON DELETE SET NULL", " ON DELETE CASCADE ON UPDATE CASCADE", " ON DELETE RESTRICT"])
            let safeAction = action.contains("SET NULL") && !lines.contains("`\(key.column)` bigint unsigned DEFAULT NULL") ? "" : action
            lines.append("CONSTRAINT `fk_\(name)_\(number + 1)` FOREIGN KEY (`\(key.column)`) REFERENCES `\(key.parent)` (`id`)\(safeAction)")
            counts.foreignKeys += 1
        }

        var options = "ENGINE=InnoDB"
        if !composite { options += " AUTO_INCREMENT=\(random.int(1...9_000_000))" }
        options += random.pick([
            " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_0900_ai_ci", " DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
            " DEFAULT CHARSET=latin1",
        ])
        options += random.pick(["", "", " ROW_FORMAT=DYNAMIC", " ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8", " STATS_PERSISTENT=1"])
        if random.chance(70) {
            options += " COMMENT='\(random.pick(Self.tableComments).replacingOccurrences(of: "'", with: "''"))'"
        }

        counts.tables += 1
        if composite { counts.compositePrimaryKeys += 1 } else { referenceable.append(name) }
        return """

            --
            -- Table structure for table `\(name)`
            --

            DROP TABLE IF EXISTS `\(name)`;
            /*!40101 SET @saved_cs_client     = @@character_set_client */;
            /*!50503 SET character_set_client = utf8mb4 */;
            CREATE TABLE `\(name)` (
              \(lines.joined(separator: ",\n  "))
            ) \(options);
            /*!40101 SET character_set_client = @saved_cs_client */;

            --
            -- Dumping data for table `\(name)`
            --

            LOCK TABLES `\(name)` WRITE;
            /*!40000 ALTER TABLE `\(name)` DISABLE KEYS */;
            /*!40000 ALTER TABLE `\(name)` ENABLE KEYS */;
            UNLOCK TABLES;

            """
    }

    /// The whole dump: header, tables until `targetBytes`, footer.
    mutating func dump() -> String {
        var text = header()
        var index = 0
        while text.utf8.count < targetBytes {
            text += table(index: index)
            index += 1
        }
        text += footer()
        return text
    }
}

// MARK: - Measuring

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
}

/// Peak resident set size of this process so far, in MiB (Linux reports ru_maxrss in KiB).
func peakMemoryMiB() -> Double {
    var usage = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &usage)
    return Double(usage.ru_maxrss) / (1024 * 1024)
    #else
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    return Double(usage.ru_maxrss) / 1024
    #endif
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(1)
}

func formatted(_ value: Double, _ digits: Int) -> String {
    String(format: "%.\(digits)f", value)
}

var writePath: String?
var filePath: String?
var tableCount: Int?
var runs = 5
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--write":
        guard let path = arguments.next() else { fail("--write needs a path") }
        writePath = path
    case "--file":
        guard let path = arguments.next() else { fail("--file needs a path") }
        filePath = path
    case "--tables":
        guard let value = arguments.next().flatMap({ Int($0) }), value > 0 else { fail("--tables needs a positive number") }
        tableCount = value
    case "--runs":
        guard let value = arguments.next().flatMap({ Int($0) }), value > 0 else { fail("--runs needs a positive number") }
        runs = value
    default: fail("usage: ddbmodel-import-bench [--write PATH | --file PATH | --tables N] [--runs N]")
    }
}

let text: String
let sourceName: String
var expected: GeneratedCounts?
var manyTables: ManyTablesDump?
if let tableCount {
    var generator = ManyTablesDump()
    text = generator.text(tables: tableCount)
    sourceName = "generated-\(tableCount)-tables.sql"
    manyTables = generator
    expected = GeneratedCounts(tables: tableCount, columns: tableCount * 3,
                               uniqueKeys: generator.foreignKeys, indexes: tableCount - generator.foreignKeys, foreignKeys: generator.foreignKeys)
    if let writePath {
        guard FileManager.default.createFile(atPath: writePath, contents: Data(text.utf8)) else { fail("cannot write \(writePath)") }
        print("wrote \(writePath): \(text.utf8.count) bytes, \(tableCount) tables, \(generator.foreignKeys) foreign keys")
        exit(0)
    }
} else if let filePath {
    guard let data = FileManager.default.contents(atPath: filePath) else { fail("cannot read \(filePath)") }
    text = String(decoding: data, as: UTF8.self)
    sourceName = filePath
} else {
    var generator = DumpGenerator()
    text = generator.dump()
    sourceName = "generated-dump.sql"
    expected = generator.counts
    if let writePath {
        guard FileManager.default.createFile(atPath: writePath, contents: Data(text.utf8)) else { fail("cannot write \(writePath)") }
        let counts = generator.counts
        print("wrote \(writePath): \(text.utf8.count) bytes, \(counts.tables) tables, \(counts.columns) columns, "
            + "\(counts.uniqueKeys) unique keys, \(counts.indexes) keys, \(counts.foreignKeys) foreign keys, "
            + "\(counts.compositePrimaryKeys) composite primary keys")
        exit(0)
    }
}

let byteCount = text.utf8.count
let source = SchemaSource(name: sourceName, text: text)
var parsed = SchemaParser.parse([source])  // warm-up
var times: [Double] = []
for _ in 0..<runs {
    parsed = ParsedSchema()  // release the previous run's tables first
    let clock = ContinuousClock()
    let start = clock.now
    parsed = SchemaParser.parse([source])
    times.append(seconds(clock.now - start))
}

let columns = parsed.tables.reduce(0) { $0 + $1.columns.count }
let uniqueKeys = parsed.tables.reduce(0) { $0 + $1.uniqueKeys.count }
let indexes = parsed.tables.reduce(0) { $0 + $1.indexes.count }
let foreignKeys = parsed.tables.reduce(0) { $0 + $1.foreignKeys.count }
let middle = median(times)
let megabytes = Double(byteCount) / 1_000_000
print("input: \(sourceName), \(byteCount) bytes (\(formatted(megabytes, 2)) MB)")
print("runs: \(runs) after 1 warm-up; times (s): \(times.map { formatted($0, 4) }.joined(separator: " "))")
print("median: \(formatted(middle, 4)) s, \(formatted(megabytes / middle, 1)) MB/s")
print("tables: \(parsed.tables.count), columns: \(columns), unique keys: \(uniqueKeys), keys: \(indexes), foreign keys: \(foreignKeys)")
print("skipped statements: \(parsed.skipped.count), diagnostics: \(parsed.diagnostics.count)")
print("peak memory (ru_maxrss): \(formatted(peakMemoryMiB(), 1)) MiB")
print("RESULT swift median_s=\(formatted(middle, 6)) mb_per_s=\(formatted(megabytes / middle, 2)) peak_mib=\(formatted(peakMemoryMiB(), 1)) tables=\(parsed.tables.count) diagnostics=\(parsed.diagnostics.count)")

if !parsed.diagnostics.isEmpty {
    for diagnostic in parsed.diagnostics.prefix(5) { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
    fail("FAIL: \(parsed.diagnostics.count) diagnostics (expected 0)")
}
if let expected {
    let found = (parsed.tables.count, columns, uniqueKeys, indexes, foreignKeys)
    let wanted = (expected.tables, expected.columns, expected.uniqueKeys, expected.indexes, expected.foreignKeys)
    if found != wanted { fail("FAIL: parsed (tables, columns, unique, keys, foreign keys) \(found), generated \(wanted)") }
}

// The whole import into a session, for the many-tables input: the parse above is only its first part.
if let manyTables, let tableCount {
    _ = SessionImportTiming.measure(source)  // warm-up
    var timings: [SessionImportTiming] = []
    for _ in 0..<runs { timings.append(SessionImportTiming.measure(source)) }
    let last = timings[timings.count - 1]
    if last.entities != tableCount || last.relationships != manyTables.foreignKeys {
        fail("FAIL: imported \(last.entities) entities and \(last.relationships) relationships, generated \(tableCount) tables and \(manyTables.foreignKeys) foreign keys")
    }
    print("")
    print("session import (ddbmodel new NAME --schema FILE up to its first question), \(runs) runs after 1 warm-up:")
    print("  parse + entities and relationships (s): \(timings.map { formatted($0.importSeconds, 3) }.joined(separator: " ")), median \(formatted(median(timings.map(\.importSeconds)), 3))")
    print("  first save, session.json and dynamodb_requirement.md (s): \(timings.map { formatted($0.saveSeconds, 3) }.joined(separator: " ")), median \(formatted(median(timings.map(\.saveSeconds)), 3))")
    print("  total (s): \(timings.map { formatted($0.total, 3) }.joined(separator: " ")), median \(formatted(median(timings.map(\.total)), 3))")
    print("  processor time (user + system), median: import \(formatted(median(timings.map(\.importCPUSeconds)), 3)) s, save \(formatted(median(timings.map(\.saveCPUSeconds)), 3)) s")
    print("  entities: \(last.entities), relationships: \(last.relationships), session.json: \(last.sessionBytes) bytes")
    print("peak memory (ru_maxrss): \(formatted(peakMemoryMiB(), 1)) MiB")
    print("RESULT session-import tables=\(tableCount) median_total_s=\(formatted(median(timings.map(\.total)), 4)) median_import_s=\(formatted(median(timings.map(\.importSeconds)), 4)) median_save_s=\(formatted(median(timings.map(\.saveSeconds)), 4))")
}
