import DesignEngine
import DynamoDBAPI
import Requirements

/// Executes a model against a DynamoDB service whose tables exist: writes sample items through
/// the planned create paths, runs every served pattern exactly as planned, and asserts what
/// comes back — the items and their order for reads, the stored values for writes, duplicates
/// refused for every unique value and key, deleted items gone, unique values released.
///
/// Pure logic over an injected `DynamoDBService`: the in-memory DynamoDB for the proof in every
/// data model, or a live endpoint for `ddbmodel validate`.
public struct ModelExercise: Sendable {
    public let model: DataModel
    public let requirements: Requirements
    public let runner: PlanRunner
    public let seed: UInt64
    public let progress: (@Sendable (String) -> Void)?

    public init(model: DataModel, requirements: Requirements, service: any DynamoDBService, tableNames: [String: String],
                seed: UInt64 = 1, progress: (@Sendable (String) -> Void)? = nil) {
        self.model = model
        self.requirements = requirements
        self.runner = PlanRunner(model: model, service: service, tableNames: tableNames)
        self.seed = seed
        self.progress = progress
    }

    /// One result per mapping, in pattern order.
    public func run() -> [ExecutionReport.PatternResult] {
        runRecording().results
    }

    /// The results, and every call the exercise made in order (setup writes and plan runs with
    /// their inputs and outcomes): a script another implementation of the plans can replay.
    public func runRecording() -> (results: [ExecutionReport.PatternResult], events: [ExerciseEvent]) {
        var run = ExerciseRun(exercise: self)
        run.writeSamples()
        run.applyTotalsOutsideTransactions()
        run.checkExpiries()
        run.checkReads()
        run.checkDuplicates()
        run.checkOtherCreates()
        // Writes with effects before the plain updates and deletes: a delete takes the last
        // sample of an entity, which could leave a pair entity no free pair of parents to create.
        run.checkEffectWrites()
        run.checkUpdatesAndDeletes()
        return (model.mappings.map { run.result(for: $0) }, run.events)
    }
}

/// One call a model exercise made, in order.
public enum ExerciseEvent: Sendable {
    /// A sample item written straight from its layout (an entity no pattern creates).
    case setupPut(PutItemInput)
    /// A sample child appended to its parent's embedded list.
    case setupUpdate(UpdateItemInput)
    /// A pattern's plan run with these inputs, and what it returned or why it stopped.
    case call(patternID: Int, inputs: PlanInputs, run: PlanRun)
}

/// The state of one exercise: the sample items as they are stored now, and the outcome so far
/// of each pattern.
struct ExerciseRun {
    let exercise: ModelExercise
    let stored: StoredItems
    var samples: SampleData
    var problems: [Int: [String]] = [:]
    var counts: [Int: (expected: Int?, got: Int?)] = [:]
    var ran: Set<Int> = []
    /// The create pattern each entity's samples were written through.
    var creates: [String: PatternMapping] = [:]
    /// Every call made, in order.
    var events: [ExerciseEvent] = []

    var model: DataModel { exercise.model }
    var requirements: Requirements { exercise.requirements }
    var runner: PlanRunner { exercise.runner }
    var service: any DynamoDBService { exercise.runner.service }

    init(exercise: ModelExercise) {
        self.exercise = exercise
        stored = StoredItems(model: exercise.model, requirements: exercise.requirements)
        samples = SampleData(requirements: exercise.requirements, model: exercise.model, seed: exercise.seed)
    }

    func reportProgress(_ text: String) { exercise.progress?(text) }

    mutating func record(_ patternID: Int, _ found: [String], expected: Int? = nil, got: Int? = nil) {
        ran.insert(patternID)
        problems[patternID, default: []] += found
        if expected != nil || got != nil { counts[patternID] = (expected, got) }
    }

    func result(for mapping: PatternMapping) -> ExecutionReport.PatternResult {
        let target = mapping.tableID.map { tableID in
            (model.table(id: tableID)?.name ?? tableID) + (model.indexName(tableID: tableID, indexID: mapping.indexID).map { "/" + $0 } ?? "")
        } ?? "-"
        var result = ExecutionReport.PatternResult(
            patternID: mapping.patternID, description: mapping.description, operation: mapping.operation?.rawValue ?? "-", target: target,
            expected: counts[mapping.patternID]?.expected, got: counts[mapping.patternID]?.got, outcome: .skipped, reason: nil,
            readUnits: mapping.readUnitsPerRequest, writeUnits: mapping.totalWriteUnitsPerRequest)
        switch mapping.status {
        case .searchService(let reason):
            result.reason = "served by OpenSearch, not DynamoDB: \(reason)"
            return result
        case .analyticsExport(let reason):
            result.reason = "served by an export (S3 + Athena), not DynamoDB: \(reason)"
            return result
        case .unserved(let reason):
            result.outcome = .fail
            result.reason = "not served by the model: \(reason)"
            return result
        case .served, .acceptedScan, .expiresByTTL: break
        }
        guard ran.contains(mapping.patternID) else {
            result.outcome = .fail
            result.reason = "not executed: no sample item lets it run"
            return result
        }
        let found = problems[mapping.patternID] ?? []
        result.outcome = found.isEmpty ? .pass : .fail
        result.reason = found.isEmpty ? nil : found.joined(separator: "; ")
        return result
    }

    // MARK: Reading back

    func getItem(_ table: TableDesign, key: Item) -> Result<Item?, DynamoDBError> {
        do {
            return .success(try service.getItem(GetItemInput(tableName: runner.deployed(table.id), key: key, consistentRead: true)).item)
        } catch {
            return .failure(error)
        }
    }

    /// The item stored for `values` of `entity`, read back by key; a message when it cannot be read.
    func readBack(_ entity: String, values: EntityValues, in table: TableDesign) -> Result<Item?, ReadBackFailure> {
        guard let key = stored.key(entity, values: values, in: table) else { return .failure(ReadBackFailure(message: "the key of the \(entity) item cannot be built")) }
        switch getItem(table, key: key) {
        case .success(let item): return .success(item)
        case .failure(let error): return .failure(ReadBackFailure(message: "reading the \(entity) item back failed: \(error.message)"))
        }
    }

    /// Whether the lookup table holds an item reserving `values`' unique attributes.
    func isReserved(_ entity: String, values: EntityValues, lookup: TableDesign) -> Bool {
        guard let key = stored.key(entity, values: values, in: lookup), case .success(let item) = getItem(lookup, key: key) else { return false }
        return item != nil
    }

    func pattern(_ mapping: PatternMapping) -> AccessPattern? { requirements.pattern(mapping.patternID) }

    /// Runs a pattern's plan and records the call.
    mutating func execute(_ patternID: Int, _ plan: PatternPlan, _ inputs: PlanInputs) -> PlanRun {
        let run = runner.run(plan, inputs: inputs)
        events.append(.call(patternID: patternID, inputs: inputs, run: run))
        return run
    }
}

/// Why an item could not be read back after a write.
struct ReadBackFailure: Error {
    var message: String
}
