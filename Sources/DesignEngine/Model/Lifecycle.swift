import Requirements

/// A table's TTL (docs/design-engine.md, "Lifecycle"): the Number attribute holding each item's
/// expiry in epoch seconds, and the entities whose items carry it.
public struct TimeToLive: Sendable, Equatable {
    /// The stored attribute DynamoDB's TTL reads, such as `expires_at`.
    public var attribute: String
    /// The entities whose items expire here, with their retention.
    public var retentions: [EntityRetention]

    public init(attribute: String, retentions: [EntityRetention]) {
        self.attribute = attribute
        self.retentions = retentions
    }

    public func retention(of entity: String) -> EntityRetention? {
        retentions.first { $0.entity == entity }
    }
}

/// One entity's retention in a table: the period and the stored attribute it counts from.
public struct EntityRetention: Sendable, Equatable {
    public var entity: String
    public var period: RetentionPeriod
    /// The stored name of the attribute the period counts from.
    public var storedFrom: String

    public init(entity: String, period: RetentionPeriod, storedFrom: String) {
        self.entity = entity
        self.period = period
        self.storedFrom = storedFrom
    }
}

/// Why a table's stream is enabled, and which images that consumer needs.
public struct StreamReason: Sendable, Equatable {
    public enum Consumer: String, Sendable {
        /// Keeps an OpenSearch index in step with the table (needs the new image).
        case openSearch = "OpenSearch feeding"
        /// Maintains pre-aggregated items from the changes (needs both images for deltas).
        case aggregateConsumer = "aggregate consumer"
        /// Copies items TTL deletes to an archive (needs the old image).
        case ttlArchive = "TTL archiving"
    }

    public var consumer: Consumer
    /// The patterns or entities it serves, in words: "patterns #4, #7 (search on Product)".
    public var detail: String

    public init(consumer: Consumer, detail: String) {
        self.consumer = consumer
        self.detail = detail
    }

    /// The images this consumer needs.
    public var viewType: StreamViewType {
        switch consumer {
        case .openSearch: return .newImage
        case .aggregateConsumer: return .newAndOldImages
        case .ttlArchive: return .oldImage
        }
    }

    public var text: String { "\(consumer.rawValue): \(detail)" }
}

/// What a stream record carries, as `StreamSpecification` names it.
public enum StreamViewType: String, Sendable, Equatable, CaseIterable {
    case keysOnly = "KEYS_ONLY"
    case newImage = "NEW_IMAGE"
    case oldImage = "OLD_IMAGE"
    case newAndOldImages = "NEW_AND_OLD_IMAGES"

    /// The least view that serves every one of `needs`: one kind of image when only one is
    /// needed, both otherwise.
    public static func serving(_ needs: [StreamViewType]) -> StreamViewType? {
        guard !needs.isEmpty else { return nil }
        let wantsNew = needs.contains { $0 == .newImage || $0 == .newAndOldImages }
        let wantsOld = needs.contains { $0 == .oldImage || $0 == .newAndOldImages }
        switch (wantsNew, wantsOld) {
        case (true, true): return .newAndOldImages
        case (true, false): return .newImage
        case (false, true): return .oldImage
        case (false, false): return .keysOnly
        }
    }
}

extension TableDesign {
    /// The stream the table needs, if any consumer depends on one.
    public var streamViewType: StreamViewType? {
        StreamViewType.serving(streamReasons.map(\.viewType))
    }
}
