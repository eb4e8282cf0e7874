import DesignEngine
import Foundation
import Requirements

/// The commands of the design stage. Each one changes the user's design choices, re-runs the
/// engine, and says what changed in the model; a change that breaks a pattern waits for a `yes`.
/// Tables and indexes are named by their current names (or their ids); the choices store ids.
extension Conversation {
    /// The design commands with their summaries, in the order `/help` lists them.
    public static let designCommands: [(name: String, usage: String, summary: String)] = [
        ("/rename", "/rename table OLD NEW | /rename index TABLE OLD NEW | /rename attribute TABLE OLD NEW", "rename a table, an index or an attribute"),
        ("/keys", "/keys TABLE PARTITION[,PART2] [SORT[,SORT2]] | /keys TABLE reset", "set a table's keys (several attributes become one concatenated key)"),
        ("/index-keys", "/index-keys TABLE INDEX PARTITION[,..] [SORT[,..]] | /index-keys TABLE INDEX reset", "set a GSI's keys (up to 4 + 4 attributes, each kept as its own attribute)"),
        ("/projection", "/projection TABLE INDEX keys_only|all|include a,b | /projection TABLE INDEX reset", "change what an index copies"),
        ("/reject", "/reject DECISION-ID", "reject a proposal (an item collection, a child key, an aggregate; /show decisions lists them)"),
        ("/merge", "/merge MAIN OTHER...", "store entities in one table, under MAIN's partition key"),
        ("/split", "/split ENTITY...", "give an entity its own table again (undoes a merge, an item collection or an aggregate)"),
        ("/capacity", "/capacity TABLE on-demand|provisioned", "switch a table's capacity mode"),
        ("/class", "/class TABLE standard|standard-ia", "switch a table's class"),
        ("/naming", "/naming pascal|snake|kebab [PREFIX|none]", "name tables Users, users or shop-users"),
        ("/accept-scan", "/accept-scan N REASON", "accept a Scan for pattern N (only where nothing else can serve it)"),
        ("/reject-scan", "/reject-scan N", "withdraw an accepted Scan"),
    ]

    /// Commands that only look, allowed while a change waits for its confirmation.
    static let lookingCommands: Set<String> = ["/help", "/show", "/status", "/quit", "/exit"]

    // MARK: Running a change

    /// The model, or a message when the design stage has not begun.
    func designStageModel() throws(RequirementsError) -> DataModel {
        guard state.gates.requirements.isPassed else {
            throw RequirementsError("The data model is designed once the requirements gate is passed; /gate shows what it still needs.")
        }
        return dataModel
    }

    /// Applies `change` to a copy of the choices, designs the model again and reports the
    /// differences. A change that breaks patterns waits at `Step.designChangeConfirmation`.
    mutating func changeDesign(_ what: String, _ change: (inout DesignChoices) throws(RequirementsError) -> Void) throws(RequirementsError) -> [String] {
        let before = try designStageModel()
        var choices = state.designChoices
        try change(&choices)
        let after = designCache.model(for: state.requirements, choices: choices)
        let summary = [what] + DesignChangeSummary.lines(before: before, after: after)
        let wasBroken = Set(before.brokenPatterns.map(\.patternID))
        let newlyBroken = after.brokenPatterns.filter { !wasBroken.contains($0.patternID) }
        guard newlyBroken.isEmpty else {
            let broken = newlyBroken.map { mapping -> String in
                guard case .unserved(let reason) = mapping.status else { return "#\(mapping.patternID) \(mapping.description)" }
                return "#\(mapping.patternID) \(mapping.description): \(reason)"
            }
            state.pendingDesignChange = PendingDesignChange(choices: choices, summary: summary, brokenPatterns: broken, returnStep: state.step)
            state.step = .designChangeConfirmation
            return []
        }
        state.designChoices = choices
        return summary
    }

    // MARK: Names

    func tableArgument(_ name: String, in model: DataModel) throws(RequirementsError) -> TableDesign {
        if let table = model.table(named: name) ?? model.table(id: name) { return table }
        throw RequirementsError("There is no table named \(name) (tables: \(model.tables.map(\.name).joined(separator: ", "))).")
    }

    func indexArgument(_ name: String, in table: TableDesign) throws(RequirementsError) -> IndexDesign {
        if let index = table.index(named: name) ?? table.indexes.first(where: { $0.id == name }) { return index }
        guard !table.indexes.isEmpty else { throw RequirementsError("\(table.name) has no indexes.") }
        throw RequirementsError("\(table.name) has no index named \(name) (its indexes: \(table.indexes.map(\.name).joined(separator: ", "))).")
    }

    func attributeArgument(_ name: String, in table: TableDesign) throws(RequirementsError) -> ModelAttribute {
        if let attribute = table.attribute(named: name) ?? table.attributes.first(where: { $0.name.lowercased() == name.lowercased() }) {
            return attribute
        }
        throw RequirementsError("\(table.name) has no attribute named \(name) (its attributes: \(table.attributes.map(\.name).joined(separator: ", "))).")
    }

    /// An entity by its name, or by the name of the table it lives in.
    func entityArgument(_ name: String, in model: DataModel) throws(RequirementsError) -> String {
        if let entity = state.requirements.entity(named: name) { return entity.name }
        if let table = model.table(named: name), table.lookup == nil, let main = table.entities.first { return main }
        if let entity = state.requirements.entities.first(where: { $0.name.lowercased() == name.lowercased() }) { return entity.name }
        throw RequirementsError("There is no entity or table named \(name) (entities: \(state.requirements.entities.map(\.name).joined(separator: ", "))).")
    }

    /// Attribute names as typed (current names in the table, or the entity's own names) turned
    /// into the entity's attribute names, which the choices store. `entity` limits them to one
    /// entity's attributes (base-table keys); nil allows any attribute of the table.
    func originalAttributeNames(_ list: String, in table: TableDesign, entity: String?, forKey: Bool) throws(RequirementsError) -> [String] {
        let typed = list.split(separator: ",").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        guard !typed.isEmpty else { throw RequirementsError("Name at least one attribute.") }
        let candidates = table.attributes.filter { $0.composedOf == nil && (entity == nil || $0.entity == entity) }
        var names: [String] = []
        for name in typed {
            guard let attribute = candidates.first(where: { $0.name == name }) ?? candidates.first(where: { $0.sourceAttribute == name })
                ?? candidates.first(where: { $0.name.lowercased() == name.lowercased() })
            else {
                let owner = entity.map { " of \($0)" } ?? ""
                throw RequirementsError("\(name) is not an attribute\(owner) in \(table.name) (attributes: \(candidates.map(\.name).joined(separator: ", "))).")
            }
            if forKey, !attribute.dynamoDBType.hasKeyForm {
                throw RequirementsError("\(attribute.name) holds \(attribute.dynamoDBType.rawValue) values; key attributes take strings, numbers or binary.")
            }
            guard !names.contains(attribute.sourceAttribute) else { throw RequirementsError("\(attribute.name) is named twice.") }
            names.append(attribute.sourceAttribute)
        }
        return names
    }

    // MARK: /rename

    mutating func rename(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let usage = "Usage: /rename table OLD NEW, /rename index TABLE OLD NEW or /rename attribute TABLE OLD NEW."
        guard let what = arguments.first?.lowercased() else { throw RequirementsError(usage) }
        let model = try designStageModel()
        switch what {
        case "table":
            guard arguments.count == 3 else { throw RequirementsError(usage) }
            let table = try tableArgument(arguments[1], in: model)
            let new = arguments[2]
            if let problem = DesignNameRules.tableOrIndexProblem(new, what: "Table") { throw RequirementsError(problem) }
            guard new != table.name else { throw RequirementsError("The table is already named \(new).") }
            if let other = model.tables.first(where: { $0.id != table.id && $0.name.lowercased() == new.lowercased() }) {
                throw RequirementsError("\(other.name) is already a table of the model; choose another name.")
            }
            return try changeDesign("Renamed table \(table.name) to \(new).") { $0.tableNames[table.id] = new }
        case "index":
            guard arguments.count == 4 else { throw RequirementsError(usage) }
            let table = try tableArgument(arguments[1], in: model)
            let index = try indexArgument(arguments[2], in: table)
            let new = arguments[3]
            if let problem = DesignNameRules.tableOrIndexProblem(new, what: "Index") { throw RequirementsError(problem) }
            guard new != index.name else { throw RequirementsError("The index is already named \(new).") }
            if let other = table.indexes.first(where: { $0.id != index.id && $0.name.lowercased() == new.lowercased() }) {
                throw RequirementsError("\(table.name) already has an index named \(other.name); choose another name.")
            }
            return try changeDesign("Renamed index \(index.name) of \(table.name) to \(new).") { $0.indexNames[table.id, default: [:]][index.id] = new }
        case "attribute":
            guard arguments.count == 4 else { throw RequirementsError(usage) }
            let table = try tableArgument(arguments[1], in: model)
            let attribute = try attributeArgument(arguments[2], in: table)
            let new = arguments[3]
            if let parts = attribute.composedOf {
                throw RequirementsError("\(attribute.name) is built by the engine from \(parts.joined(separator: ", ")); rename the attributes it is built from instead.")
            }
            if let problem = DesignNameRules.attributeProblem(new) { throw RequirementsError(problem) }
            guard new != attribute.name else { throw RequirementsError("The attribute is already named \(new).") }
            if table.attributes.contains(where: { $0.name == new }) {
                throw RequirementsError("\(table.name) already has an attribute named \(new); choose another name.")
            }
            let original = attribute.sourceAttribute
            return try changeDesign("Renamed attribute \(attribute.name) of \(table.name) to \(new).") { choices in
                choices.attributeNames[table.id, default: [:]][original] = new == original ? nil : new
                if choices.attributeNames[table.id]?.isEmpty == true { choices.attributeNames[table.id] = nil }
            }
        default:
            throw RequirementsError(usage)
        }
    }

    // MARK: /keys and /index-keys

    /// A base table's key must tell its items apart: it has to hold the entity's identifier or
    /// one of its unique attribute groups, or items with the same key would overwrite each other.
    func uniquenessProblem(_ keyAttributes: [String], entity name: String, table: TableDesign) -> String? {
        guard let entity = state.requirements.entity(named: name), !entity.identifier.isEmpty else { return nil }
        let chosen = Set(keyAttributes)
        let identifying = [entity.identifier] + entity.uniqueGroups.filter { !$0.isEmpty }
        guard !identifying.contains(where: { Set($0).isSubset(of: chosen) }) else { return nil }
        let options = identifying.map { $0.joined(separator: "+") }.joined(separator: " or ")
        let example = keyAttributes.first.map { "/keys \(table.name) \($0) \(entity.identifier.filter { $0 != keyAttributes.first }.joined(separator: ","))" } ?? ""
        return "The keys must identify one \(name): include \(options) in the partition or sort key (such as \(example)), or items with the same key overwrite each other."
    }

    mutating func setTableKeys(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let usage = "Usage: /keys TABLE PARTITION[,PART2] [SORT[,SORT2]], or /keys TABLE reset."
        guard (2...3).contains(arguments.count) else { throw RequirementsError(usage) }
        let model = try designStageModel()
        let table = try tableArgument(arguments[0], in: model)
        if let lookup = table.lookup {
            throw RequirementsError("\(table.name) is the lookup table of \(lookup.entity)'s unique \(lookup.attributes.joined(separator: "+")): it is keyed by the unique value, which is what enforces uniqueness.")
        }
        if arguments[1].lowercased() == "reset" {
            guard state.designChoices.tableKeys[table.id] != nil else { throw RequirementsError("\(table.name) already has the engine's keys.") }
            return try changeDesign("\(table.name) is back to the engine's keys.") { $0.tableKeys[table.id] = nil }
        }
        guard table.entities.count == 1 else {
            throw RequirementsError("\(table.name) holds \(table.entities.joined(separator: ", ")) items under one partition key, told apart by \(table.sortKey?.name ?? "the sort key"); /split \(table.entities.dropFirst().joined(separator: " ")) first to give \(table.name) keys of your own.")
        }
        let entity = table.entities[0]
        let partition = try originalAttributeNames(arguments[1], in: table, entity: entity, forKey: true)
        let sort = arguments.count == 3 ? try originalAttributeNames(arguments[2], in: table, entity: entity, forKey: true) : []
        if let shared = partition.first(where: sort.contains) {
            throw RequirementsError("\(shared) cannot be in both the partition key and the sort key.")
        }
        if let problem = uniquenessProblem(partition + sort, entity: entity, table: table) { throw RequirementsError(problem) }
        var message = "Keys of \(table.name) set: partition \(partition.joined(separator: "#"))" + (sort.isEmpty ? ", no sort key." : ", sort \(sort.joined(separator: "#")).")
        let concatenated = [partition, sort].filter { $0.count > 1 }
        if !concatenated.isEmpty {
            message += " A base table's key takes one attribute, so " + concatenated.map { "\($0.joined(separator: ", ")) become one concatenated attribute \($0.joined(separator: "#"))" }.joined(separator: " and ") + " (values joined with #)."
        }
        let choice = KeyChoice(partition: partition, sort: sort)
        guard state.designChoices.tableKeys[table.id] != choice else { throw RequirementsError("\(table.name) already has these keys.") }
        return try changeDesign(message) { $0.tableKeys[table.id] = choice }
    }

    mutating func setIndexKeys(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let usage = "Usage: /index-keys TABLE INDEX PARTITION[,..] [SORT[,..]] (up to 4 attributes each), or /index-keys TABLE INDEX reset."
        guard (3...4).contains(arguments.count) else { throw RequirementsError(usage) }
        let model = try designStageModel()
        let table = try tableArgument(arguments[0], in: model)
        let index = try indexArgument(arguments[1], in: table)
        guard index.kind == .global else {
            throw RequirementsError("\(index.name) is a local secondary index: its partition key is always \(table.name)'s. Change its projection with /projection, or the table's keys with /keys.")
        }
        if arguments[2].lowercased() == "reset" {
            guard state.designChoices.indexKeys[table.id]?[index.id] != nil else { throw RequirementsError("\(index.name) already has the engine's keys.") }
            return try changeDesign("\(index.name) is back to the engine's keys.") { choices in
                choices.indexKeys[table.id]?[index.id] = nil
                if choices.indexKeys[table.id]?.isEmpty == true { choices.indexKeys[table.id] = nil }
            }
        }
        let partition = try originalAttributeNames(arguments[2], in: table, entity: nil, forKey: true)
        let sort = arguments.count == 4 ? try originalAttributeNames(arguments[3], in: table, entity: nil, forKey: true) : []
        guard partition.count <= 4, sort.count <= 4 else {
            throw RequirementsError("A GSI key takes at most 4 partition-key and 4 sort-key attributes.")
        }
        if let shared = partition.first(where: sort.contains) {
            throw RequirementsError("\(shared) cannot be in both the partition key and the sort key.")
        }
        let choice = KeyChoice(partition: partition, sort: sort)
        guard state.designChoices.indexKeys[table.id]?[index.id] != choice else { throw RequirementsError("\(index.name) already has these keys.") }
        let multi = partition.count > 1 || sort.count > 1 ? " Each attribute stays its own attribute (a multi-attribute key); queries give the partition attributes all and the sort attributes left to right." : ""
        return try changeDesign("Keys of index \(index.name) on \(table.name) set: partition \(partition.joined(separator: " + "))" + (sort.isEmpty ? ", no sort key." : ", sort \(sort.joined(separator: " + ")).") + multi) {
            $0.indexKeys[table.id, default: [:]][index.id] = choice
        }
    }

    // MARK: /projection

    mutating func setProjection(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let usage = "Usage: /projection TABLE INDEX keys_only|all|include a,b, or /projection TABLE INDEX reset."
        guard arguments.count >= 3 else { throw RequirementsError(usage) }
        let model = try designStageModel()
        let table = try tableArgument(arguments[0], in: model)
        let index = try indexArgument(arguments[1], in: table)
        let kind = arguments[2].lowercased().replacingOccurrences(of: "-", with: "_")
        let choice: ProjectionChoice
        switch kind {
        case "reset":
            guard state.designChoices.projections[table.id]?[index.id] != nil else { throw RequirementsError("\(index.name) already has the engine's projection.") }
            return try changeDesign("\(index.name) is back to the engine's projection.") { choices in
                choices.projections[table.id]?[index.id] = nil
                if choices.projections[table.id]?.isEmpty == true { choices.projections[table.id] = nil }
            }
        case "keys_only", "keys":
            guard arguments.count == 3 else { throw RequirementsError(usage) }
            choice = ProjectionChoice(.keysOnly)
        case "all":
            guard arguments.count == 3 else { throw RequirementsError(usage) }
            choice = ProjectionChoice(.all)
        case "include":
            guard arguments.count >= 4 else { throw RequirementsError("Name the attributes to include: /projection \(table.name) \(index.name) include a,b.") }
            let names = try originalAttributeNames(arguments.dropFirst(3).joined(separator: ","), in: table, entity: nil, forKey: false)
            let keys = Set(index.keyAttributeNames + table.keyAttributeNames)
            if let key = table.attributes.first(where: { names.contains($0.sourceAttribute) && keys.contains($0.name) }) {
                throw RequirementsError("\(key.name) is a key attribute: every projection holds it already. Name only other attributes.")
            }
            choice = ProjectionChoice(.include(names))
        default:
            throw RequirementsError(usage)
        }
        var text = choice.projection.awsName
        if case .include(let names) = choice.projection { text += " " + names.joined(separator: ", ") }
        return try changeDesign("Projection of \(index.name) on \(table.name) set to \(text).") { $0.projections[table.id, default: [:]][index.id] = choice }
    }

    // MARK: /accept and /reject of proposals

    /// The decisions the user can accept or reject.
    static func isProposal(_ id: String) -> Bool {
        ["aggregate:", "collection:", "child-key:"].contains { id.hasPrefix($0) }
    }

    mutating func decideProposal(_ id: String, accept: Bool) throws(RequirementsError) -> [String] {
        let model = try designStageModel()
        let proposals = model.decisions.map(\.id).filter(Self.isProposal)
        let list = proposals.isEmpty ? "the model has none" : proposals.joined(separator: ", ")
        guard let decision = model.decisions.first(where: { $0.id == id }) else {
            throw RequirementsError("There is no proposal \(id) (proposals: \(list)); /show decisions lists every decision.")
        }
        guard Self.isProposal(id) else {
            if id.hasPrefix("merge:") { throw RequirementsError("\(id) is your merge; /split an entity to undo it.") }
            throw RequirementsError("\(id) is not a proposal you can \(accept ? "accept" : "reject") (proposals: \(list)).")
        }
        guard state.designChoices.proposals[id] != accept else {
            throw RequirementsError("\(id) is already \(accept ? "accepted" : "rejected").")
        }
        return try changeDesign("\(accept ? "Accepted" : "Rejected") \(id) (\(decision.subject)).") { $0.proposals[id] = accept }
    }

    // MARK: /merge and /split

    mutating func merge(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard arguments.count >= 2 else { throw RequirementsError("Usage: /merge MAIN OTHER... (entities, or the tables they live in).") }
        let model = try designStageModel()
        var entities: [String] = []
        for argument in arguments {
            let entity = try entityArgument(argument, in: model)
            guard !entities.contains(entity) else { throw RequirementsError("\(entity) is named twice.") }
            entities.append(entity)
        }
        guard state.designChoices.mergeGroup(containing: entities[0]) != entities else { throw RequirementsError("These entities are merged already.") }
        let main = entities[0]
        return try changeDesign("Merged \(entities.dropFirst().joined(separator: ", ")) into \(main)'s table.") { choices in
            choices.removeFromMerges(entities)
            choices.merges.append(entities)
        }
    }

    mutating func split(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard !arguments.isEmpty else { throw RequirementsError("Usage: /split ENTITY... (undoes a merge, an item collection or an aggregate for each).") }
        let model = try designStageModel()
        var messages: [String] = []
        var edits: [(inout DesignChoices) -> Void] = []
        let tablesHolding = { (entity: String) in model.tables.filter { $0.lookup == nil && $0.entities.contains(entity) } }
        for argument in arguments {
            let entity = try entityArgument(argument, in: model)
            if let group = state.designChoices.mergeGroup(containing: entity) {
                messages.append(group.first == entity
                    ? "The merge of \(group.joined(separator: ", ")) is undone (\(entity) was its main entity)."
                    : "\(entity) leaves the table merged under \(group[0]).")
                edits.append { $0.removeFromMerges([entity]) }
            } else if let collection = tablesHolding(entity).first(where: { if case .itemCollection(_, let children) = $0.role { return children.contains(entity) } else { return false } }) {
                messages.append("\(entity) leaves \(collection.name)'s item collection (rejects collection:\(entity)).")
                edits.append { $0.proposals["collection:\(entity)"] = false }
            } else if tablesHolding(entity).isEmpty, state.designChoices.proposals["aggregate:\(entity)"] == true {
                messages.append("\(entity) is no longer embedded (rejects aggregate:\(entity)).")
                edits.append { $0.proposals["aggregate:\(entity)"] = false }
            } else if let table = tablesHolding(entity).first, case .itemCollection(let parent, let children) = table.role, parent == entity {
                throw RequirementsError("\(entity) holds the item collection of \(children.joined(separator: ", ")) in \(table.name); /split \(children.first ?? "the child") moves it out.")
            } else {
                let home = tablesHolding(entity).first.map { " (\($0.name))" } ?? ""
                throw RequirementsError("\(entity) already has its own table\(home); there is nothing to split.")
            }
        }
        return try changeDesign(messages.joined(separator: " ")) { choices in
            for edit in edits { edit(&choices) }
        }
    }

    // MARK: /capacity, /class, /naming

    mutating func setCapacity(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let usage = "Usage: /capacity TABLE on-demand|provisioned."
        guard arguments.count == 2 else { throw RequirementsError(usage) }
        let model = try designStageModel()
        let table = try tableArgument(arguments[0], in: model)
        let word = arguments[1].lowercased()
        guard let mode = CapacityMode(rawValue: word == "ondemand" || word == "on_demand" ? "on-demand" : word) else { throw RequirementsError(usage) }
        guard table.capacityMode != mode else { throw RequirementsError("\(table.name) is already \(mode.rawValue).") }
        return try changeDesign("\(table.name) switched to \(mode.rawValue) capacity.") { $0.capacityModes[table.id] = mode == .onDemand ? nil : mode }
    }

    mutating func setTableClass(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let usage = "Usage: /class TABLE standard|standard-ia."
        guard arguments.count == 2 else { throw RequirementsError(usage) }
        let model = try designStageModel()
        let table = try tableArgument(arguments[0], in: model)
        guard let tableClass = TableClass(rawValue: arguments[1].lowercased().replacingOccurrences(of: "_", with: "-")) else { throw RequirementsError(usage) }
        guard table.tableClass != tableClass else { throw RequirementsError("\(table.name) is already \(tableClass.rawValue).") }
        return try changeDesign("\(table.name) switched to the \(tableClass.rawValue) table class.") { $0.tableClasses[table.id] = tableClass == .standard ? nil : tableClass }
    }

    mutating func setNaming(_ arguments: [String]) throws(RequirementsError) -> [String] {
        let usage = "Usage: /naming pascal|snake|kebab [PREFIX|none] (Users, users / order_items, shop-users)."
        guard (1...2).contains(arguments.count), let style = NamingConvention.Style(rawValue: arguments[0].lowercased()) else {
            throw RequirementsError(usage)
        }
        var prefix: String?
        if arguments.count == 2, arguments[1].lowercased() != "none" {
            if let problem = DesignNameRules.prefixProblem(arguments[1]) { throw RequirementsError(problem) }
            prefix = arguments[1]
        }
        let naming = NamingConvention(style: style, prefix: prefix)
        guard naming != state.designChoices.naming else { throw RequirementsError("Tables are already named that way.") }
        let model = try designStageModel()
        let kept = model.tables.filter { state.designChoices.tableNames[$0.id] != nil }.map(\.name)
        let note = kept.isEmpty ? "" : " Tables you renamed keep their names (\(kept.joined(separator: ", ")))."
        return try changeDesign("Tables are now named \(style.rawValue) style\(prefix.map { " with the prefix \($0)" } ?? "").\(note)") { $0.naming = naming }
    }

    // MARK: Scans

    mutating func acceptScan(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard arguments.count >= 2, let id = Int(arguments[0].trimmingCharacters(in: ["#"])) else {
            throw RequirementsError("Usage: /accept-scan N REASON (why reading every item is acceptable: a small table, an offline job).")
        }
        let model = try designStageModel()
        guard let mapping = model.mapping(for: id) else {
            throw RequirementsError("There is no pattern \(id) (patterns: \(model.mappings.map { String($0.patternID) }.joined(separator: ", "))).")
        }
        switch mapping.status {
        case .acceptedScan:
            throw RequirementsError("A Scan is already accepted for pattern \(id); /reject-scan \(id) withdraws it.")
        case .searchService:
            throw RequirementsError("Pattern \(id) needs a search service: a Scan per search would read the whole table each time, so it stays ❌ for OpenSearch.")
        case .analyticsExport:
            throw RequirementsError("Pattern \(id) is an analytics-only aggregation served by an export (S3 + Athena); a Scan per report would read the whole table each time.")
        case .served, .expiresByTTL:
            throw RequirementsError("Pattern \(id) is served by \(DesignReviewText.operationText(mapping, model: model)); it needs no Scan.")
        case .unserved(let reason):
            var trial = state.designChoices
            trial.acceptedScans[String(id)] = "trial"
            // Whether the engine would plan it; the accepted change itself is proven like any other.
            if case .unserved? = DesignEngine.design(state.requirements, choices: trial).mapping(for: id)?.status {
                throw RequirementsError("A Scan would not serve pattern \(id): \(reason)")
            }
        }
        let reason = arguments.dropFirst().joined(separator: " ")
        return try changeDesign("Accepted a Scan for pattern \(id) (\(mapping.description)): \(reason).") { $0.acceptedScans[String(id)] = reason }
    }

    mutating func rejectScan(_ arguments: [String]) throws(RequirementsError) -> [String] {
        guard arguments.count == 1, let id = Int(arguments[0].trimmingCharacters(in: ["#"])) else {
            throw RequirementsError("Usage: /reject-scan N (withdraws the Scan accepted for pattern N).")
        }
        _ = try designStageModel()
        guard state.designChoices.acceptedScans[String(id)] != nil else {
            let accepted = state.designChoices.acceptedScans.keys.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
            throw RequirementsError("No Scan is accepted for pattern \(id)\(accepted.isEmpty ? "" : " (accepted for: \(accepted.joined(separator: ", ")))").")
        }
        return try changeDesign("Withdrew the Scan accepted for pattern \(id).") { $0.acceptedScans[String(id)] = nil }
    }

    // MARK: /show for the model

    func showDesign(_ what: String, _ arguments: [String]) throws(RequirementsError) -> String {
        let model = try designStageModel()
        switch what {
        case "model":
            return DesignReviewText.model(model, choices: state.designChoices)
        case "decisions":
            return DesignReviewText.decisions(model, choices: state.designChoices)
        default:
            let table: TableDesign
            if arguments.count >= 2 {
                table = try tableArgument(arguments[1], in: model)
            } else if case .designReview(let id) = state.step, let current = model.table(id: id) {
                table = current
            } else {
                throw RequirementsError("Name the table: /show table NAME (tables: \(model.tables.map(\.name).joined(separator: ", "))).")
            }
            let position = model.tables.firstIndex { $0.id == table.id }! + 1
            return DesignReviewText.table(table, position: position, of: model.tables.count, model: model, state: state)
        }
    }
}
