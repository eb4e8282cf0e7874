/// The estimated size of an item or index entry: the bytes of every attribute whose size is
/// known, and the attributes whose size nobody stated (the bytes are then a lower bound).
struct ItemSize: Equatable {
    var bytes: Int
    var unknown: [String]

    init(bytes: Int, unknown: [String]) {
        self.bytes = bytes
        self.unknown = unknown
    }

    /// The stored size of these attributes: name bytes plus typical value bytes.
    init(_ attributes: [ModelAttribute]) {
        bytes = 0
        unknown = []
        for attribute in attributes {
            bytes += ItemSizer.storedSize(name: attribute.name, valueBytes: attribute.typicalSizeBytes ?? 0)
            if attribute.typicalSizeBytes == nil { unknown.append(attribute.name) }
        }
    }

    var isComplete: Bool { unknown.isEmpty }
}
