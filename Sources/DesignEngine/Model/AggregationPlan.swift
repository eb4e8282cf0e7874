import Requirements

/// How an aggregating read is computed (docs/design-engine.md, "Aggregations").
public struct AggregationPlan: Sendable, Equatable {
    public enum Method: Sendable, Equatable {
        /// The underlying Query returns every item aggregated; the client computes the function.
        case clientSide
        /// One pre-aggregated item per group key and period, read by key.
        case counter(CounterMaintenance)
        /// Left to an export of the table (S3 + Athena): not served by DynamoDB.
        case export
    }

    /// What keeps a counter item current.
    public enum CounterMaintenance: Sendable, Equatable {
        /// `ADD` inside the write transaction of every create (and delete) of the entity.
        case transaction
        /// A consumer of the entity table's stream that batches the increments.
        case stream
    }

    public var aggregation: Aggregation
    public var method: Method
    /// The entity whose items are aggregated.
    public var entity: String
    /// The pattern's equality attributes: one total per combination of their values.
    public var groupAttributes: [String]
    /// The datetime attribute whose hour, day or month buckets the totals; nil without a period.
    public var periodAttribute: String?
    /// Bytes one request examines for a client-side aggregation (items examined × item size);
    /// nil when unknown or not client-side.
    public var bytesExamined: Double?
    /// For a counter: the stored attributes the read divides or returns (`item_count`,
    /// `sum_amount`); the function's value comes from them.
    public var counterAttributes: [String]

    public init(aggregation: Aggregation, method: Method, entity: String, groupAttributes: [String], periodAttribute: String?,
                bytesExamined: Double? = nil, counterAttributes: [String] = []) {
        self.aggregation = aggregation
        self.method = method
        self.entity = entity
        self.groupAttributes = groupAttributes
        self.periodAttribute = periodAttribute
        self.bytesExamined = bytesExamined
        self.counterAttributes = counterAttributes
    }

    /// The counter attribute that counts items.
    public static let countAttribute = "item_count"

    /// The counter attribute that sums `attribute`.
    public static func sumAttribute(_ attribute: String) -> String { "sum_" + attribute }

    /// `COUNT(*)`, `SUM(amount)`, `AVG(rating)`: what is computed, in words a reviewer reads.
    public var functionText: String {
        aggregation.function.rawValue.uppercased() + "(" + (aggregation.attribute ?? "*") + ")"
    }
}

/// The pre-aggregated totals of one entity: the counter items, their key and what every create
/// and delete adds to them (docs/design-engine.md, "Aggregations").
public struct EntityTotals: Sendable, Equatable {
    /// The entity whose items the totals count.
    public var entity: String
    public var counters: [TotalsCounter]

    public init(entity: String, counters: [TotalsCounter]) {
        self.entity = entity
        self.counters = counters
    }
}

/// One kind of counter item: a group key and period, and the numbers kept on it.
public struct TotalsCounter: Sendable, Equatable {
    /// The patterns reading it.
    public var patternIDs: [Int]
    public var groupAttributes: [String]
    public var period: Aggregation.Period
    public var periodAttribute: String?
    /// The counter item's key, from an item of the entity (`.input(entity, attribute)` values).
    public var key: ItemKey
    /// What one created item adds: `ADD item_count 1, sum_amount :amount`. A deleted item adds
    /// the same values negated.
    public var increments: [UpdateAction]
    /// How the increments are applied.
    public var maintenance: AggregationPlan.CounterMaintenance

    public init(patternIDs: [Int], groupAttributes: [String], period: Aggregation.Period, periodAttribute: String?, key: ItemKey,
                increments: [UpdateAction], maintenance: AggregationPlan.CounterMaintenance) {
        self.patternIDs = patternIDs
        self.groupAttributes = groupAttributes
        self.period = period
        self.periodAttribute = periodAttribute
        self.key = key
        self.increments = increments
        self.maintenance = maintenance
    }
}
