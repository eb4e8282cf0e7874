import Requirements
/// What a table is for: an entity's own table, several entities sharing partitions (an item
/// collection or a merge the user asked for), or a lookup table enforcing a unique constraint.
public enum TableRole: Sendable, Equatable {
    case entity
    /// Child items stored under their parent's partition key (docs/design-engine.md).
    case itemCollection(parent: String, children: [String])
    /// A lookup table that makes `attributes` of `entity` unique (docs/design-engine.md).
    case uniqueLookup(UniqueLookup)
    /// Pre-aggregated totals of an entity: one counter item per group key and period
    /// (docs/design-engine.md, "Aggregations").
    case totals(EntityTotals)
}

/// The lookup table of one unique constraint and the transaction every write needs.
public struct UniqueLookup: Sendable, Equatable {
    public var entity: String
    /// The unique attribute group (one attribute, or several for a composite unique key).
    public var attributes: [String]
    /// The table that holds the entity itself.
    public var ownerTableID: String
    /// The owner's key attributes copied into each lookup item.
    public var ownerKeyAttributes: [String]
    /// The writes, in order, as the contract's `TransactWriteItems` lists them.
    public var createTransaction: [TransactionStep]
    /// Changing the unique value: delete the old lookup item, put the new one, update the entity.
    public var changeTransaction: [TransactionStep]

    public init(entity: String, attributes: [String], ownerTableID: String, ownerKeyAttributes: [String],
                createTransaction: [TransactionStep], changeTransaction: [TransactionStep]) {
        self.entity = entity
        self.attributes = attributes
        self.ownerTableID = ownerTableID
        self.ownerKeyAttributes = ownerKeyAttributes
        self.createTransaction = createTransaction
        self.changeTransaction = changeTransaction
    }
}

/// One action inside a `TransactWriteItems` request.
public struct TransactionStep: Sendable, Equatable {
    public enum Action: String, Sendable {
        case put = "Put", update = "Update", delete = "Delete", conditionCheck = "ConditionCheck"
    }

    public var action: Action
    /// The table's id (its name may change with the naming convention and renames).
    public var tableID: String
    public var condition: String?

    public init(action: Action, tableID: String, condition: String?) {
        self.action = action
        self.tableID = tableID
        self.condition = condition
    }
}

public enum CapacityMode: String, Codable, Sendable, CaseIterable {
    case onDemand = "on-demand"
    case provisioned
}

public enum TableClass: String, Codable, Sendable, CaseIterable {
    case standard
    case standardInfrequentAccess = "standard-ia"

    /// The name CloudFormation and the console use.
    public var awsName: String { self == .standard ? "STANDARD" : "STANDARD_INFREQUENT_ACCESS" }
}

/// One DynamoDB table of the model.
public struct TableDesign: Sendable, Equatable {
    /// Stable identity across renames and naming conventions: the entity name for entity tables,
    /// `Entity.attr` for lookup tables. Choices the user makes at the design gate refer to it.
    public var id: String
    /// The DynamoDB table name, after the naming convention and any rename.
    public var name: String
    public var role: TableRole
    public var purpose: String
    /// The entities whose items the table holds, main entity first.
    public var entities: [String]
    /// The MySQL tables its items come from, main one first; empty when nothing was imported.
    public var sourceTables: [String]
    public var partitionKey: KeyAttribute
    public var sortKey: KeyAttribute?
    /// Why these keys: the patterns they serve and how values spread.
    public var keyJustification: String
    public var attributes: [ModelAttribute]
    public var indexes: [IndexDesign]
    public var capacityMode: CapacityMode
    public var tableClass: TableClass
    /// Estimated size of the table's largest item in bytes, including attribute names; a lower
    /// bound when `unknownSizeAttributes` is not empty.
    public var estimatedItemSizeBytes: Int
    /// Attributes whose typical size nobody stated: the item size leaves them out.
    public var unknownSizeAttributes: [String] = []
    /// How each entity's items (or the lookup items) are stored: attributes, values and keys.
    public var itemLayouts: [EntityItemLayout] = []
    public var exampleItems: [ExampleItem]
    /// Patterns whose planned operation touches this table (base table or one of its indexes).
    public var patternIDs: [Int]
    /// The TTL attribute, when an entity stored here has a retention period.
    public var timeToLive: TimeToLive?
    /// The consumers that depend on the table's stream (docs/design-engine.md, "Lifecycle");
    /// the stream is enabled, with the least view serving them all, when there is one.
    public var streamReasons: [StreamReason] = []
    /// Set for tables that enforce a unique constraint.
    public var lookup: UniqueLookup? {
        if case .uniqueLookup(let lookup) = role { return lookup }
        return nil
    }

    /// Set for a table of pre-aggregated totals.
    public var totals: EntityTotals? {
        if case .totals(let totals) = role { return totals }
        return nil
    }

    public init(
        id: String, name: String, role: TableRole, purpose: String, entities: [String], sourceTables: [String],
        partitionKey: KeyAttribute, sortKey: KeyAttribute?, keyJustification: String, attributes: [ModelAttribute],
        indexes: [IndexDesign], capacityMode: CapacityMode, tableClass: TableClass, estimatedItemSizeBytes: Int,
        exampleItems: [ExampleItem], patternIDs: [Int]
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.purpose = purpose
        self.entities = entities
        self.sourceTables = sourceTables
        self.partitionKey = partitionKey
        self.sortKey = sortKey
        self.keyJustification = keyJustification
        self.attributes = attributes
        self.indexes = indexes
        self.capacityMode = capacityMode
        self.tableClass = tableClass
        self.estimatedItemSizeBytes = estimatedItemSizeBytes
        self.exampleItems = exampleItems
        self.patternIDs = patternIDs
    }

    public func index(named name: String) -> IndexDesign? {
        indexes.first { $0.name == name } ?? indexes.first { $0.name.lowercased() == name.lowercased() }
    }

    public func attribute(named name: String) -> ModelAttribute? {
        attributes.first { $0.name == name }
    }

    /// The key attribute names: partition key, then sort key.
    public var keyAttributeNames: [String] {
        [partitionKey.name] + (sortKey.map { [$0.name] } ?? [])
    }

    /// How `entity`'s items are stored here.
    public func itemLayout(of entity: String) -> EntityItemLayout? {
        itemLayouts.first { $0.entity == entity }
    }

    public func index(id: String) -> IndexDesign? {
        indexes.first { $0.id == id }
    }

    /// The stored type of an attribute: a key attribute's key type, else the attribute's own.
    public func storedType(of attribute: String) -> DynamoDBType? {
        for key in [partitionKey] + (sortKey.map { [$0] } ?? []) + indexes.flatMap({ $0.partitionKey + $0.sortKey }) where key.name == attribute {
            return key.dynamoDBType
        }
        return self.attribute(named: attribute)?.dynamoDBType
    }
}

/// An attribute stored in a table, with the DynamoDB type and where its values come from.
public struct ModelAttribute: Sendable, Equatable {
    public var name: String
    public var dynamoDBType: DynamoDBType
    /// The entity whose items carry the attribute.
    public var entity: String
    /// The entity the value comes from: `entity` itself, except for a denormalized copy (its
    /// source) and an embedded list (the child entity it embeds).
    public var sourceEntity: String
    public var sourceAttribute: String
    /// The MySQL column behind it, when the entity was imported.
    public var sourceTable: String?
    public var sourceColumn: String?
    /// Nil when nobody stated it and the type has no documented typical size.
    public var typicalSizeBytes: Int?
    /// Set for a copy kept to avoid a lookup (short-circuit denormalization).
    public var denormalization: Denormalization?
    /// Set when the attribute is built from several others, like `tenant_id#user_id`.
    public var composedOf: [String]?

    public init(name: String, dynamoDBType: DynamoDBType, entity: String, sourceAttribute: String, sourceTable: String?,
                sourceColumn: String?, typicalSizeBytes: Int?, denormalization: Denormalization? = nil, composedOf: [String]? = nil) {
        self.name = name
        self.dynamoDBType = dynamoDBType
        self.entity = entity
        self.sourceEntity = entity
        self.sourceAttribute = sourceAttribute
        self.sourceTable = sourceTable
        self.sourceColumn = sourceColumn
        self.typicalSizeBytes = typicalSizeBytes
        self.denormalization = denormalization
        self.composedOf = composedOf
    }
}

/// Where a denormalized copy comes from and how it joins back (the contract's `join`).
public struct Denormalization: Sendable, Equatable {
    public var justification: String
    /// The join column in the table's main source.
    public var localAttribute: String
    /// The join column in the entity the copy comes from.
    public var sourceJoinAttribute: String

    public init(justification: String, localAttribute: String, sourceJoinAttribute: String) {
        self.justification = justification
        self.localAttribute = localAttribute
        self.sourceJoinAttribute = sourceJoinAttribute
    }
}

/// A sample item: attribute names and the values shown, in table attribute order.
public struct ExampleItem: Sendable, Equatable {
    /// The entity this item belongs to (matters in item collections).
    public var entity: String
    public var values: [ExampleValue]

    public init(entity: String, values: [ExampleValue]) {
        self.entity = entity
        self.values = values
    }
}

public struct ExampleValue: Sendable, Equatable {
    public var attribute: String
    /// The value as text, in DynamoDB's notation for its type (a number without quotes).
    public var text: String

    public init(attribute: String, text: String) {
        self.attribute = attribute
        self.text = text
    }
}
