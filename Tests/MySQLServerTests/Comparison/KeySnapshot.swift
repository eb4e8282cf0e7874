/// A unique key or a non-unique index (plain, FULLTEXT or SPATIAL), with its key parts.
struct KeySnapshot {
    enum Kind: String {
        case unique, plain, fullText = "FULLTEXT", spatial = "SPATIAL"
    }

    var name: String?
    var kind: Kind
    var parts: [KeyPart]

    var columnNames: [String] { parts.map(\.name) }
}

struct KeyPart: Equatable, CustomStringConvertible {
    var name: String
    var prefixLength: Int?
    var descending: Bool

    var description: String {
        name + (prefixLength.map { "(\($0))" } ?? "") + (descending ? " DESC" : "")
    }
}
