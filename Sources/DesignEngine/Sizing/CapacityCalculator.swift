import Requirements

/// Read and write units per request for every mapping, from its plan's steps once the tables and
/// their sizes are known (docs/design-engine.md, "Sizes and capacity units").
///
/// Reads are costed from the items a step examines, not those it returns. A figure that depends
/// on an unknown count is nil (unknown); one that depends on an unknown size is a lower bound;
/// either way the mapping lists what is missing in `incomplete`.
enum CapacityCalculator {
    static func complete(_ mappings: [PatternMapping], tables: [TableDesign], context: DesignContext) -> [PatternMapping] {
        let tablesByID = Dictionary(tables.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return mappings.map { mapping in
            guard mapping.isServedByDynamoDB, let plan = mapping.plan else {
                var unplanned = mapping
                unplanned.readUnitsPerRequest = nil
                unplanned.writeUnitsPerRequest = nil
                return unplanned
            }
            var calculation = Calculation(plan: plan, tables: tablesByID, context: context)
            calculation.run()
            var completed = mapping
            completed.readUnitsPerRequest = calculation.reads.total
            completed.readUnitsElsewhere = calculation.readsElsewhere
            completed.writeUnitsPerRequest = calculation.ownWrites.total
            completed.indexWriteUnits = calculation.otherWrites
            completed.incomplete = calculation.missing
            return completed
        }
    }

    /// A sum that becomes unknown (nil) as soon as one term is.
    struct Sum {
        var total: Double? = 0

        mutating func add(_ value: Double?) {
            guard let current = total, let value else {
                total = nil
                return
            }
            total = current + value
        }
    }

    /// The units of one plan, step by step.
    struct Calculation {
        let plan: PatternPlan
        let tables: [String: TableDesign]
        let context: DesignContext
        var reads = Sum()
        var readsElsewhere: [ReadUnitsElsewhere] = []
        var ownWrites = Sum()
        var otherWrites: [IndexWriteUnits] = []
        var missing: [String] = []

        init(plan: PatternPlan, tables: [String: TableDesign], context: DesignContext) {
            self.plan = plan
            self.tables = tables
            self.context = context
        }

        var main: PlanStep? { plan.mainStep }

        mutating func run() {
            for step in plan.steps {
                let runs = multiplicity(step)
                switch step.request {
                case .getItem(let get):
                    read(get.tableID, indexID: nil, units: readUnits(entity: step.entity, tableID: get.tableID, items: .known(1), roundsEach: true, strong: get.consistent), runs: runs)
                case .batchGetItem(let get):
                    read(get.tableID, indexID: nil, units: readUnits(entity: step.entity, tableID: get.tableID, items: step.items, roundsEach: true, strong: get.consistent), runs: .known(1))
                case .query(let query):
                    read(query.tableID, indexID: query.indexID, units: queryUnits(step, query), runs: runs)
                case .scan(let scan):
                    read(scan.tableID, indexID: nil, units: readUnits(entity: step.entity, tableID: scan.tableID, items: step.itemsExamined, roundsEach: false, strong: false), runs: runs)
                case .putItem(let put):
                    write(entity: step.entity, tableID: put.tableID, kind: .put, transactional: false, runs: runs)
                case .updateItem(let update):
                    write(entity: step.entity, tableID: update.tableID, kind: .update(update.actions.map(\.attribute)), transactional: false, runs: runs)
                case .deleteItem(let delete):
                    write(entity: step.entity, tableID: delete.tableID, kind: .delete, transactional: false, runs: runs)
                case .batchWriteItem(let entries):
                    var count = runs
                    if case .perInputItem = step.repetition { count = step.items }
                    for entry in entries {
                        switch entry {
                        case .put(let tableID, _): write(entity: step.entity, tableID: tableID, kind: .put, transactional: false, runs: count)
                        case .delete(let tableID, _): write(entity: step.entity, tableID: tableID, kind: .delete, transactional: false, runs: count)
                        }
                    }
                case .transactWriteItems(let actions):
                    for action in actions {
                        let actionRuns = action.repeatedPerInputOf.map { times(runs, childCount($0)) } ?? runs
                        switch action.operation {
                        case .put(let put): write(entity: action.entity, tableID: put.tableID, kind: .put, transactional: true, runs: actionRuns)
                        case .update(let update): write(entity: action.entity, tableID: update.tableID, kind: .update(update.actions.map(\.attribute)), transactional: true, runs: actionRuns)
                        case .delete(let delete): write(entity: action.entity, tableID: delete.tableID, kind: .delete, transactional: true, runs: actionRuns)
                        case .conditionCheck(let check): write(entity: action.entity, tableID: check.tableID, kind: .check, transactional: true, runs: actionRuns)
                        }
                    }
                }
            }
        }

        // MARK: Counts

        /// How many times a step runs per request: once, or once per item an earlier step returned.
        mutating func multiplicity(_ step: PlanStep) -> ItemEstimate {
            switch step.repetition {
            case .once, .perInputItem: return .known(1)
            case .perResultOf(let index):
                guard plan.steps.indices.contains(index) else { return .known(1) }
                return note(plan.steps[index].items)
            }
        }

        /// The average number of `child` items the main entity has (children written with it).
        mutating func childCount(_ child: String) -> ItemEstimate {
            guard let parent = main?.entity,
                  let relationship = context.requirements.relationships.first(where: { $0.parent == parent && $0.child == child && $0.kind == .oneToMany })
            else { return .known(1) }
            if case .known(let cardinality)? = relationship.cardinality { return .known(cardinality.average) }
            return note(.unknown(reason: "the number of \(child) items per \(parent) is unknown"))
        }

        mutating func note(_ estimate: ItemEstimate) -> ItemEstimate {
            if case .unknown(let reason) = estimate, !missing.contains(reason) { missing.append(reason) }
            return estimate
        }

        func times(_ left: ItemEstimate, _ right: ItemEstimate) -> ItemEstimate {
            guard let a = left.value, let b = right.value else {
                if case .unknown = left { return left }
                return right
            }
            return .known(a * b)
        }

        // MARK: Sizes

        mutating func itemSize(_ entity: String, tableID: String) -> Int {
            guard let table = tables[tableID] else { return 0 }
            let size = CapacityCalculator.itemSize(entity, in: table)
            for name in size.unknown { noteSize(name, table: table) }
            return size.bytes
        }

        mutating func noteSize(_ attribute: String, table: TableDesign) {
            let reason = "the typical size of \(attribute) in \(table.name) is unknown"
            if !missing.contains(reason) { missing.append(reason) }
        }

        // MARK: Reads

        mutating func readUnits(entity: String, tableID: String, items: ItemEstimate, roundsEach: Bool, strong: Bool) -> Double? {
            guard let count = note(items).value else { return nil }
            let bytes = itemSize(entity, tableID: tableID)
            return ItemSizer.readUnits(itemBytes: bytes, items: count, roundsEachItem: roundsEach, strong: strong)
        }

        /// A Query reads every item under its key condition: the examined items' sizes summed and
        /// rounded once; an index read uses the projected entry size (LSIs can be strongly consistent).
        mutating func queryUnits(_ step: PlanStep, _ query: QueryRequest) -> Double? {
            guard let table = tables[query.tableID], let examined = note(step.itemsExamined).value else { return nil }
            if let indexID = query.indexID, let index = table.index(id: indexID) {
                for name in index.unknownSizeAttributes { noteSize(name, table: table) }
                return ItemSizer.readUnits(itemBytes: index.estimatedEntrySizeBytes, items: examined, roundsEachItem: false,
                                           strong: query.consistent && index.kind == .local)
            }
            var bytes = Double(itemSize(step.entity, tableID: query.tableID)) * max(examined, 1)
            for member in step.collectionMembers {
                guard let average = note(childCount(member)).value else { return nil }
                bytes += Double(itemSize(member, tableID: query.tableID)) * average * max(examined, 1)
            }
            return ItemSizer.readUnits(itemBytes: Int(bytes.rounded(.up)), items: 1, roundsEachItem: false, strong: query.consistent)
        }

        mutating func read(_ tableID: String, indexID: String?, units: Double?, runs: ItemEstimate) {
            let total: Double? = units.flatMap { value in runs.value.map { value * $0 } }
            reads.add(total)
            if tableID != main?.request.tableID || indexID != main?.request.indexID {
                if let position = readsElsewhere.firstIndex(where: { $0.tableID == tableID && $0.indexID == indexID }) {
                    var sum = Sum(total: readsElsewhere[position].readUnits)
                    sum.add(total)
                    readsElsewhere[position].readUnits = sum.total
                } else {
                    readsElsewhere.append(ReadUnitsElsewhere(tableID: tableID, indexID: indexID, readUnits: total))
                }
            }
        }

        // MARK: Writes

        enum WriteKind {
            case put, delete, check
            case update([String])
        }

        /// One item written `runs` times: its own units (doubled in a transaction) where it
        /// lands, plus an entry write in every index the item appears in.
        mutating func write(entity: String, tableID: String, kind: WriteKind, transactional: Bool, runs: ItemEstimate) {
            guard let table = tables[tableID] else { return }
            let count = note(runs).value
            let units = count.map { ItemSizer.writeUnits(itemBytes: itemSize(entity, tableID: tableID)) * $0 * (transactional ? 2 : 1) }
            if tableID == main?.request.tableID {
                ownWrites.add(units)
            } else {
                addOther(tableID: tableID, indexID: nil, units: units)
            }
            if case .check = kind { return }
            for index in table.indexes where CapacityCalculator.carries(index, entity: entity, in: table) {
                var writes = 1.0
                if case .update(let written) = kind { writes = CapacityCalculator.updateWrites(written: written, index: index) }
                guard writes > 0 else { continue }
                for name in index.unknownSizeAttributes { noteSize(name, table: table) }
                let entry = count.map { ItemSizer.writeUnits(itemBytes: index.estimatedEntrySizeBytes) * $0 * writes }
                addOther(tableID: tableID, indexID: index.id, units: entry)
            }
        }

        mutating func addOther(tableID: String, indexID: String?, units: Double?) {
            if let position = otherWrites.firstIndex(where: { $0.tableID == tableID && $0.indexID == indexID }) {
                var sum = Sum(total: otherWrites[position].writeUnits)
                sum.add(units)
                otherWrites[position].writeUnits = sum.total
            } else {
                otherWrites.append(IndexWriteUnits(tableID: tableID, indexID: indexID, writeUnits: units))
            }
        }
    }

    /// Size of one item of `entity` in `table`.
    static func itemSize(_ entity: String, in table: TableDesign) -> ItemSize {
        if table.lookup != nil || table.totals != nil { return ItemSize(bytes: table.estimatedItemSizeBytes, unknown: table.unknownSizeAttributes) }
        let size = TableAssembler.itemSize(of: entity, in: table.attributes)
        return size.bytes > 0 ? size : ItemSize(bytes: table.estimatedItemSizeBytes, unknown: table.unknownSizeAttributes)
    }

    /// Whether `entity`'s items carry every key attribute of the index (only those are in it).
    static func carries(_ index: IndexDesign, entity: String, in table: TableDesign) -> Bool {
        let names = Set(table.attributes.filter { $0.entity == entity || $0.composedOf != nil }.map(\.name))
        return index.keyAttributeNames.allSatisfy(names.contains)
    }

    /// Index writes of an update: two when it changes the index key (delete + put), one when it
    /// changes a projected attribute, none otherwise.
    static func updateWrites(written: [String], index: IndexDesign) -> Double {
        let names = Set(written)
        if index.keyAttributeNames.contains(where: names.contains) { return 2 }
        switch index.projection {
        case .all: return 1
        case .keysOnly: return 0
        case .include(let projected): return projected.contains(where: names.contains) ? 1 : 0
        }
    }
}
