import Conversation
import DDBModelCommands
import Foundation
import Requirements
import SessionStore

// Measures the time from an accepted answer to both session files written (fsync'd and renamed),
// on a session with 1,000 access patterns and 200 entities. Prints the figures; docs/benchmarks.md
// records them. Not a test: timings on shared machines vary, so no pass/fail threshold here.

let entityCount = 200
let patternCount = 1_000
let answerCount = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 300

func largeRequirements() throws(RequirementsError) -> Requirements {
    var requirements = Requirements(overview: ApplicationOverview(
        domain: "benchmark", businessContext: "Synthetic session sized like a large monolith.",
        expectedUsers: .known(1_000_000), peakRequestsPerSecond: .known(50_000)))
    for index in 0..<entityCount {
        let name = "Entity\(index)"
        let attributes = [Attribute(name: "id\(index)", type: .string, typicalSizeBytes: 36)]
            + (0..<8).map { Attribute(name: "field\($0)", type: $0 % 2 == 0 ? .string : .number, typicalSizeBytes: 20) }
            + [Attribute(name: "status", type: .string, typicalSizeBytes: 8), Attribute(name: "created_at", type: .datetime)]
        try requirements.addEntity(Entity(name: name, attributes: attributes, identifier: ["id\(index)"],
                                          uniqueGroups: index % 5 == 0 ? [["field0"]] : [], owner: "team\(index % 7)"))
        if index > 0 {
            try requirements.addRelationship(Relationship(parent: "Entity\(index - 1)", child: name,
                cardinality: .known(Cardinality(average: 5, maximum: 1000)), childExistsWithoutParent: false))
        }
    }
    for index in 0..<patternCount {
        let entity = "Entity\(index % entityCount)"
        let isWrite = index % 4 == 0
        try requirements.addPattern(AccessPattern(
            id: 0, description: "\(isWrite ? "Create" : "List") \(entity) items for pattern \(index)", entities: [entity],
            type: isWrite ? .write : .read, equalityAttributes: isWrite ? [] : ["id\(index % entityCount)"],
            sort: isWrite ? nil : .attribute(SortRequirement(attribute: "created_at", direction: .descending)),
            filterAttributes: isWrite ? nil : ["status"], expectedItems: .known(ItemCount(average: 10, maximum: 100)),
            peakRPS: .known(Double(100 + index)), averageRPS: .known(Double(40 + index / 2)),
            consistency: isWrite ? nil : .eventual, latency: "<50ms", attributes: .all))
    }
    return requirements
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
}

func percentile(_ values: [Double], _ fraction: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count) * fraction).rounded(.up)) - 1)]
}

func milliseconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
    Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
}

do {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-bench-\(getpid())")
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = try SessionFolder.create(name: "bench", in: directory)
    let persistence = SessionFile(folder: folder)
    var state = SessionState(name: "bench", requirements: try largeRequirements(), step: .patternDescription)
    state.gates = Gates()
    var conversation = Conversation(state: state, clock: { "2026-11-22T00:00:00Z" })
    try persistence.save(conversation.snapshot)

    var total: [Double] = []
    var handling: [Double] = []
    var encoding: [Double] = []
    var rendering: [Double] = []
    var writing: [Double] = []
    for answer in 0..<answerCount {
        // Alternate the two shapes of accepted answer: a one-line edit and a guided answer.
        let line = answer % 2 == 0 ? "/edit pattern \(answer % patternCount + 1) peak=\(2_000 + answer)" : "Pattern added by answer \(answer)"
        let start = DispatchTime.now()
        let reply = conversation.handle(line)
        let handled = DispatchTime.now()
        precondition(reply.changed, "benchmark answer was not accepted: \(reply.messages)")
        try persistence.save(conversation.snapshot)
        let saved = DispatchTime.now()
        total.append(milliseconds(start, saved))
        handling.append(milliseconds(start, handled))
        // The parts of a save, measured separately on the same state.
        let encodeStart = DispatchTime.now()
        let json = try SessionFile.encode(conversation.state)
        let encodeEnd = DispatchTime.now()
        // The bytes, as the save renders them (no `String` in between).
        let document = RequirementsDocument.renderUTF8(conversation.state.requirements, gateStatus: conversation.state.requirementsGateStatus)
        let renderEnd = DispatchTime.now()
        try AtomicFile.write(json, to: folder.file(named: "probe.json"))
        try AtomicFile.write(Data(document), to: folder.file(named: "probe.md"))
        let writeEnd = DispatchTime.now()
        encoding.append(milliseconds(encodeStart, encodeEnd))
        rendering.append(milliseconds(encodeEnd, renderEnd))
        writing.append(milliseconds(renderEnd, writeEnd))
        if answer % 2 == 1 {
            // Leave the new pattern's walk so the next guided answer is again a description.
            _ = conversation.handle("/delete pattern \(conversation.state.requirements.nextPatternID - 1)")
            _ = conversation.handle("/back")
        }
    }
    let sessionBytes = (try? FileManager.default.attributesOfItem(atPath: folder.sessionFile.path)[.size] as? Int) ?? 0
    let documentBytes = (try? FileManager.default.attributesOfItem(atPath: folder.requirementsDocument.path)[.size] as? Int) ?? 0
    func row(_ name: String, _ values: [Double]) -> String {
        String(format: "%-34@ median %7.3f ms   p90 %7.3f ms   max %7.3f ms", name as NSString, median(values), percentile(values, 0.9), values.max() ?? 0)
    }
    print("ddbmodel-bench: \(entityCount) entities, \(patternCount) access patterns, \(answerCount) accepted answers")
    print("session.json \(sessionBytes) bytes, dynamodb_requirement.md \(documentBytes) bytes")
    print(row("answer -> both files written", total))
    print(row("  handling the answer", handling))
    print(row("  encoding session.json", encoding))
    print(row("  rendering the requirements doc", rendering))
    print(row("  writing both files (fsync+rename)", writing))
    print("target: median under 10 ms -> \(median(total) < 10 ? "met" : "NOT met")")
} catch let error as StoreError {
    FileHandle.standardError.write(Data("ddbmodel-bench: \(error.message)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("ddbmodel-bench: \(error)\n".utf8))
    exit(1)
}
