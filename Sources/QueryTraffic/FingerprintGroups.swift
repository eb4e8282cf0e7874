#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The schema a logged statement ran in, as far as one part of a log tells: a slow log writes
/// `use db;` only when the database changes, so a part read on its own may begin before it
/// knows; those statements take the schema the part before ended with.
enum SchemaSeen: Sendable, Equatable {
    case known(String?)
    case fromEarlierPart
}

/// The calls of one fingerprint in one second.
struct SecondCalls: Sendable, Equatable {
    var second: Int64
    var calls: Int
}

/// Everything recorded about one fingerprint while reading a log.
struct FingerprintGroup: Sendable {
    var fingerprint: [UInt8]
    var hash: UInt64
    /// The first statement seen, as it was logged.
    var example: [UInt8]
    var schema: SchemaSeen
    var calls = 0
    var rowsSent = 0
    var rowsExamined = 0
    /// Calls whose entry recorded rows (a slow log's `Rows_sent`/`Rows_examined`).
    var callsWithRows = 0
    /// Calls per second as read (a log is close to time order, so consecutive calls mostly
    /// extend the last run); sorted and merged when the window is built.
    var seconds: [SecondCalls] = []
}

/// Statements grouped by fingerprint: a hash table keyed by the fingerprint's bytes (its hash
/// first, the bytes compared on a hit), so a statement costs one fingerprint and one lookup and
/// no `String` is made until the window is built.
struct FingerprintGroups: Sendable {
    private var slots: [UInt64: Int] = [:]
    /// Fingerprints whose hash another fingerprint already took (practically never used).
    private var collisions: [[UInt8]: Int] = [:]
    private(set) var groups: [FingerprintGroup] = []
    private(set) var firstSecond = Int64.max
    private(set) var lastSecond = Int64.min
    private(set) var statements = 0

    /// Counts one statement.
    mutating func record(
        fingerprint: [UInt8], statement: UnsafeBufferPointer<UInt8>, schema: SchemaSeen,
        second: Int64, rowsSent: Int?, rowsExamined: Int?
    ) {
        let index = fingerprint.withUnsafeBufferPointer { bytes in
            let hash = Self.hash(bytes)
            return groupIndex(bytes, hash: hash) {
                FingerprintGroup(fingerprint: fingerprint, hash: hash, example: Array(statement), schema: schema)
            }
        }
        groups[index].calls += 1
        if let rowsSent, let rowsExamined {
            groups[index].rowsSent += rowsSent
            groups[index].rowsExamined += rowsExamined
            groups[index].callsWithRows += 1
        }
        let last = groups[index].seconds.count - 1
        if last >= 0, groups[index].seconds[last].second == second {
            groups[index].seconds[last].calls += 1
        } else {
            groups[index].seconds.append(SecondCalls(second: second, calls: 1))
        }
        statements += 1
        if second < firstSecond { firstSecond = second }
        if second > lastSecond { lastSecond = second }
    }

    /// Adds the groups read from a later part of the log (or a later file): calls add up, the
    /// example and schema stay the earlier ones. `schemaBefore` is the schema this part ended
    /// with, for the later part's statements that came before its first `use`.
    mutating func merge(_ later: FingerprintGroups, schemaBefore: String?) {
        for var group in later.groups {
            if group.schema == .fromEarlierPart { group.schema = .known(schemaBefore) }
            let index = group.fingerprint.withUnsafeBufferPointer { bytes in
                groupIndex(bytes, hash: group.hash) {
                    var fresh = group
                    fresh.calls = 0
                    fresh.rowsSent = 0
                    fresh.rowsExamined = 0
                    fresh.callsWithRows = 0
                    fresh.seconds = []
                    return fresh
                }
            }
            groups[index].calls += group.calls
            groups[index].rowsSent += group.rowsSent
            groups[index].rowsExamined += group.rowsExamined
            groups[index].callsWithRows += group.callsWithRows
            groups[index].seconds.append(contentsOf: group.seconds)
        }
        statements += later.statements
        firstSecond = min(firstSecond, later.firstSecond)
        lastSecond = max(lastSecond, later.lastSecond)
    }

    private mutating func groupIndex(
        _ fingerprint: UnsafeBufferPointer<UInt8>, hash: UInt64, make: () -> FingerprintGroup
    ) -> Int {
        if let index = slots[hash] {
            if groups[index].fingerprint.withUnsafeBufferPointer({ Self.equal($0, fingerprint) }) { return index }
            let key = Array(fingerprint)
            if let index = collisions[key] { return index }
            groups.append(make())
            collisions[key] = groups.count - 1
            return groups.count - 1
        }
        groups.append(make())
        slots[hash] = groups.count - 1
        return groups.count - 1
    }

    @inline(__always) static func equal(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBase = left.baseAddress, let rightBase = right.baseAddress else { return true }
        return memcmp(leftBase, rightBase, left.count) == 0
    }

    /// A 64-bit hash of the bytes, eight at a time (seeded with the length so prefixes differ).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return hash }
        var index = 0
        while index + 8 <= bytes.count {
            let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
