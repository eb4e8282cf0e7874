import JSONCore

/// Where a contract file differs from the contract the tool builds, said so that a person knows
/// what was changed: "the contract file holds no tables but the model has 6", "the entry of
/// table Users differs in pk and attributes (user_id, uid)".
///
/// `ddbmodel export` needs it when the approved file is not the contract the session's model
/// gives now: a digest says only that the bytes differ, not which table was edited.
public enum ContractDifference {
    /// The first difference between `file` and `expected` (the contract the model gives), as a
    /// lowercase clause to go inside a sentence; nil when the bytes are the same.
    public static func describe(file: [UInt8], expected: [UInt8]) -> String? {
        guard file != expected else { return nil }
        let found: OrderedJSON
        do {
            found = try OrderedJSON.parse(file)
        } catch {
            return "the contract file is not valid JSON (\(error))"
        }
        guard case .array(let fileEntries) = found else { return "the contract file is not a JSON array of tables" }
        let modelEntries = (try? OrderedJSON.parse(expected))?.arrayItems ?? []
        let fileLabels = labels(fileEntries)
        let modelLabels = labels(modelEntries)
        let fileTables = tableCount(fileEntries)
        let modelTables = tableCount(modelEntries)

        if fileTables == 0, modelTables > 0 {
            return "the contract file holds no tables but the model has \(modelTables)"
        }
        if let missing = modelLabels.first(where: { !fileLabels.contains($0) }) {
            return "the model has \(missing), which the contract file lacks"
        }
        if let extra = fileLabels.first(where: { !modelLabels.contains($0) }) {
            return "the contract file has \(extra), which the model does not have"
        }
        for (label, modelEntry) in zip(modelLabels, modelEntries) {
            guard let position = fileLabels.firstIndex(of: label), fileEntries[position] != modelEntry else { continue }
            return "the entry of \(label) " + entryDifference(fileEntries[position], modelEntry)
        }
        if let position = zip(fileLabels, modelLabels).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            return "the entries are in another order (the model has \(modelLabels[position]) where the contract file has \(fileLabels[position]))"
        }
        if fileEntries.count != modelEntries.count {
            return "the contract file has \(fileEntries.count) entries but the model has \(modelEntries.count)"
        }
        return "the contract file holds the same entries, written differently (spacing, escapes or number forms)"
    }

    /// "table Users" or "index OrdersByUser of table Orders" per entry, in order: a GSI belongs to
    /// the nearest table before it.
    static func labels(_ entries: [OrderedJSON]) -> [String] {
        var table = "?"
        return entries.enumerated().map { position, entry in
            let name = entry.member("table")?.stringText ?? "#\(position + 1)"
            guard entry.member("type")?.stringText == "GSI" else {
                table = name
                return "table \(name)"
            }
            return "index \(name) of table \(table)"
        }
    }

    static func tableCount(_ entries: [OrderedJSON]) -> Int {
        entries.filter { $0.member("type")?.stringText != "GSI" }.count
    }

    /// "differs in pk and attributes (user_id, uid)": the top-level keys whose values differ (an
    /// attributes object names its attributes that differ), or that only the key order differs.
    static func entryDifference(_ file: OrderedJSON, _ model: OrderedJSON) -> String {
        let keys = unionOfKeys(model, file)
        let differing = keys.filter { file.member($0) != model.member($0) }
        guard !differing.isEmpty else { return "has its keys in another order" }
        let described = differing.map { key -> String in
            guard key == "attributes" else { return key }
            let names = unionOfKeys(model.member(key) ?? .object([]), file.member(key) ?? .object([]))
                .filter { file.member(key)?.member($0) != model.member(key)?.member($0) }
            return names.isEmpty ? key : "\(key) (\(names.joined(separator: ", ")))"
        }
        return "differs in " + listed(described)
    }

    /// The member names of both objects, `first`'s order first, each once.
    static func unionOfKeys(_ first: OrderedJSON, _ second: OrderedJSON) -> [String] {
        var seen = Set<String>()
        return (first.objectMembers + second.objectMembers).map(\.0).filter { seen.insert($0).inserted }
    }

    /// "a", "a and b", "a, b and c".
    static func listed(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
