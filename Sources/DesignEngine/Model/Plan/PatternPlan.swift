/// How often a step runs within one call of a pattern.
public enum StepRepetition: Sendable, Equatable, Hashable {
    case once
    /// Once per item of this entity the caller supplies (BatchGetItem keys, BatchWriteItem puts).
    case perInputItem(entity: String)
    /// Once per item an earlier step returned (update or delete every item a Query found); steps
    /// in a row with the same repetition run together, round by round.
    case perResultOf(step: Int)
}

/// What a step is for, so documents, generated code and the validator can say it in words.
public enum StepPurpose: Sendable, Equatable, Hashable {
    /// The read or write the pattern is about.
    case main
    /// Finds the key of the item to change (a lookup table, an index, the items of a partition).
    case findKey
    /// Reads the item before changing it: its old unique values, its key attributes.
    case readBeforeWrite
    /// Reads another entity the pattern lists (a parent by key, children by their parent's key).
    case related
    /// Reads the source of a copied attribute before writing the copy.
    case readCopySource
    /// Writes a changed attribute into the items that carry a copy of it.
    case refreshCopies
}

/// How many items a step reads or writes per call, as far as the requirements say.
public enum ItemEstimate: Sendable, Equatable, Hashable {
    case known(Double)
    /// The requirements do not say: the figures that depend on it are unknown.
    case unknown(reason: String)

    public var value: Double? {
        if case .known(let value) = self { return value }
        return nil
    }
}

/// One request of a plan, with what it is for and how many items it touches.
public struct PlanStep: Sendable, Equatable, Hashable {
    public var purpose: StepPurpose
    /// The entity whose items the step reads or writes.
    public var entity: String
    public var request: PlannedRequest
    public var repetition: StepRepetition
    /// Items the step returns (reads) or writes per run.
    public var items: ItemEstimate
    /// Items a read examines per run (a filter reads every item under the key condition and
    /// returns only some); equal to `items` without a filter.
    public var itemsExamined: ItemEstimate
    /// Entities of an item collection a Query returns besides `entity` (its members).
    public var collectionMembers: [String]

    public init(purpose: StepPurpose, entity: String, request: PlannedRequest, repetition: StepRepetition = .once,
                items: ItemEstimate = .known(1), itemsExamined: ItemEstimate? = nil, collectionMembers: [String] = []) {
        self.purpose = purpose
        self.entity = entity
        self.request = request
        self.repetition = repetition
        self.items = items
        self.itemsExamined = itemsExamined ?? items
        self.collectionMembers = collectionMembers
    }
}

/// The executable plan of one access pattern: its requests in order and the values the caller
/// supplies. The data-model document, the contract, the generated code and the validator are
/// all rendered from it, so what the document says is what runs.
public struct PatternPlan: Sendable, Equatable, Hashable {
    public var steps: [PlanStep]

    public init(steps: [PlanStep]) {
        self.steps = steps
    }

    /// The step the pattern is about.
    public var mainStep: PlanStep? {
        steps.first { $0.purpose == .main } ?? steps.first
    }

    public var mainStepIndex: Int? {
        steps.firstIndex { $0.purpose == .main } ?? (steps.isEmpty ? nil : 0)
    }

    /// Every value the caller supplies, in order of first use.
    public var inputs: [PlanInput] {
        var found: [PlanInput] = []
        for step in steps {
            for value in PlanWalker.values(of: step.request) { value.collectInputs(into: &found) }
        }
        return found
    }

    /// The entities the caller supplies several items of (children written with their parent,
    /// the keys of a BatchGetItem).
    public var repeatedInputs: [String] {
        var names: [String] = []
        for step in steps {
            if case .perInputItem(let entity) = step.repetition, !names.contains(entity) { names.append(entity) }
            if case .transactWriteItems(let actions) = step.request {
                for action in actions { if let entity = action.repeatedPerInputOf, !names.contains(entity) { names.append(entity) } }
            }
        }
        return names
    }

    /// Whether any step writes.
    public var writes: Bool {
        steps.contains { !$0.request.operation.isRead }
    }
}

/// Walks the values and attribute names inside a request (for inputs, permissions, checks).
public enum PlanWalker {
    /// Every value the request uses: keys, items, conditions, update actions.
    public static func values(of request: PlannedRequest) -> [PlanValue] {
        switch request {
        case .getItem(let get), .batchGetItem(let get): return get.key.parts.map(\.value)
        case .query(let query):
            return query.partition.map(\.value) + query.sortPrefix.map(\.value) + (query.sort?.values ?? []) + (query.filter?.values ?? [])
        case .scan(let scan): return (scan.filter?.values ?? []) + (scan.entityFilter?.values ?? [])
        case .putItem(let put): return values(of: put)
        case .updateItem(let update): return values(of: update)
        case .deleteItem(let delete): return delete.key.parts.map(\.value) + (delete.condition?.values ?? [])
        case .batchWriteItem(let entries):
            return entries.flatMap { entry -> [PlanValue] in
                switch entry {
                case .put(_, let item): return item.map(\.value)
                case .delete(_, let key): return key.parts.map(\.value)
                }
            }
        case .transactWriteItems(let actions):
            return actions.flatMap { action -> [PlanValue] in
                switch action.operation {
                case .put(let put): return values(of: put)
                case .update(let update): return values(of: update)
                case .delete(let delete): return delete.key.parts.map(\.value) + (delete.condition?.values ?? [])
                case .conditionCheck(let check): return check.key.parts.map(\.value) + check.condition.values
                }
            }
        }
    }

    static func values(of put: PutRequest) -> [PlanValue] {
        put.item.map(\.value) + (put.condition?.values ?? [])
    }

    static func values(of update: UpdateRequest) -> [PlanValue] {
        update.key.parts.map(\.value) + update.actions.compactMap(\.value) + (update.condition?.values ?? [])
    }
}
