import DesignEngine
import Requirements

/// The design stage: the walk-through of the tables, the design gate, and a pending change that
/// would break patterns.
extension Conversation {
    /// The model the engine designs from the session's requirements and the user's choices.
    public var dataModel: DataModel {
        designCache.model(for: state.requirements, choices: state.designChoices)
    }

    var isAtDesignStep: Bool { state.step.isDesignStep }

    /// The next design question: the first table after `tableID` (in model order, wrapping
    /// around) not yet confirmed, else the gate; once the gate is passed, the approved state.
    func nextDesignStep(after tableID: String? = nil, in model: DataModel) -> Step {
        if state.gates.design.isPassed { return state.gates.contract.isPassed ? .contractApproved : .contractGate }
        let confirmed = Set(state.designChoices.confirmedTables)
        let tables = model.tables
        let start = tableID.flatMap { id in tables.firstIndex { $0.id == id }.map { $0 + 1 } } ?? 0
        let ordered = Array(tables[min(start, tables.count)...]) + Array(tables[..<min(start, tables.count)])
        if let next = ordered.first(where: { !confirmed.contains($0.id) }) { return .designReview(table: next.id) }
        return .designGate
    }

    /// Moves on from the passed requirements gate into the design review.
    mutating func enterDesignStage() -> [String] {
        let model = dataModel
        advance(to: nextDesignStep(in: model))
        let lookups = model.tables.filter { $0.lookup != nil }.count
        let indexes = model.tables.reduce(0) { $0 + $1.indexes.count }
        // What the proof found, so the first thing said about the model is whether its plans ran.
        let proofText = model.proof.map { proof in
            proof.failures.isEmpty
                ? " All \(proof.executed) served patterns were executed on an in-memory DynamoDB with sample items and passed."
                : " \(proof.executed) served patterns were executed on an in-memory DynamoDB with sample items: \(proof.passed) passed, \(proof.failures.count) failed (shown as broken, with what went wrong)."
        } ?? ""
        return ["The design engine turned the requirements into \(DesignReviewText.counted(model.tables.count, "table")) (\(DesignReviewText.counted(lookups, "lookup table")) for unique constraints) and \(DesignReviewText.counted(indexes, "secondary index", plural: "secondary indexes")).\(proofText) dynamodb_data_model.md holds the whole model with its reasoning. Review the tables one at a time: confirm each with yes, or change it with a command (/help lists them; /gate goes straight to the approval)."]
    }

    // MARK: Answers

    mutating func answerDesignReview(_ tableID: String, _ text: String) throws(RequirementsError) -> [String] {
        let model = dataModel
        guard let table = model.table(id: tableID) else {
            advance(to: nextDesignStep(in: model))
            return []
        }
        switch text.lowercased() {
        case "yes", "y", "ok", "confirm", "confirmed":
            if !state.designChoices.confirmedTables.contains(tableID) { state.designChoices.confirmedTables.append(tableID) }
            let confirmed = Set(state.designChoices.confirmedTables)
            let count = model.tables.filter { confirmed.contains($0.id) }.count
            advance(to: nextDesignStep(after: tableID, in: model))
            return ["Confirmed \(table.name) (\(count) of \(model.tables.count) tables)."]
        case "no":
            throw RequirementsError("Change \(table.name) with a command (/rename, /keys, /index-keys, /projection, /capacity, /class, /accept or /reject a proposal, /merge, /split: /help shows how), then type yes to confirm it.")
        default:
            throw RequirementsError("Type yes to confirm \(table.name), or change it with a command (/help lists them).")
        }
    }

    mutating func answerDesignGate(_ text: String) throws(RequirementsError) -> [String] {
        switch text.lowercased() {
        case "yes":
            let model = dataModel
            let broken = model.brokenPatterns
            guard broken.isEmpty else {
                let lines = ["The data model cannot be approved while \(DesignReviewText.counted(broken.count, "pattern")) \(broken.count == 1 ? "is" : "are") broken:"]
                    + DesignGateText.brokenLines(state, model: model) + DesignGateText.blockerLines(model)
                throw RequirementsError(lines.joined(separator: "\n"))
            }
            guard model.blockers.isEmpty else {
                let lines = ["The data model cannot be approved while it breaks \(model.blockers.count == 1 ? "a DynamoDB limit" : "\(model.blockers.count) DynamoDB limits"):"]
                    + DesignGateText.blockerLines(model)
                throw RequirementsError(lines.joined(separator: "\n"))
            }
            let passedAt = clock()
            state.gates.design.passedAt = passedAt
            advance(to: .contractGate)
            return ["Data model approved and recorded at \(passedAt) in session.json. dynamodb_data_model.md holds the approved model (\(DesignReviewText.counted(model.tables.count, "table")), \(DesignReviewText.counted(model.mappings.count, "access pattern")) mapped), and migrationContract.json the contract built from it."]
        case "no":
            throw RequirementsError("Not approved: the gate stays open. Change the model with a command (/help lists them) or review a table with /show table NAME, then type yes.")
        default:
            throw RequirementsError("Type yes in full to approve the data model; anything else keeps the gate open.")
        }
    }

    /// `yes` keeps a change that breaks patterns; anything else reverts it.
    mutating func answerDesignChange(_ text: String) -> [String] {
        guard let pending = state.pendingDesignChange else {
            state.step = nextDesignStep(in: dataModel)
            return []
        }
        state.pendingDesignChange = nil
        state.step = pending.returnStep
        guard text.lowercased() == "yes" else {
            return ["Reverted: the model is as it was before the change."]
        }
        state.designChoices = pending.choices
        let count = pending.brokenPatterns.count
        return ["Kept the change. \(count == 1 ? "The pattern stays" : "The \(count) patterns stay") broken until fixed: the design gate refuses approval until then and lists the fixes."]
    }

    // MARK: Keeping the step valid

    /// Moves off design steps that no longer make sense; returns false when the step is fine.
    mutating func settleDesignStep() -> Bool {
        if state.step.isDesignStep, !state.gates.requirements.isPassed {
            state.pendingDesignChange = nil
            state.step = .requirementsGate
            return true
        }
        switch state.step {
        case .requirementsConfirmed:
            state.step = state.gates.requirements.isPassed ? nextDesignStep(in: dataModel) : .requirementsGate
        case .designChangeConfirmation where state.pendingDesignChange == nil:
            state.step = nextDesignStep(in: dataModel)
        case .designReview(let tableID):
            if state.gates.design.isPassed {
                state.step = nextDesignStep(in: dataModel)
            } else {
                let model = dataModel
                guard model.table(id: tableID) == nil else { return false }
                state.step = nextDesignStep(in: model)
            }
        case .designGate where state.gates.design.isPassed, .designConfirmed:
            state.step = nextDesignStep(in: dataModel)
        case .contractGate where !state.gates.design.isPassed || state.gates.contract.isPassed:
            state.step = nextDesignStep(in: dataModel)
        case .contractApproved where !state.gates.contract.isPassed:
            state.step = nextDesignStep(in: dataModel)
        default:
            return false
        }
        return true
    }
}

extension Step {
    /// Whether the step belongs to the design stage.
    public var isDesignStep: Bool {
        switch self {
        case .designReview, .designGate, .designConfirmed, .designChangeConfirmation, .contractGate, .contractApproved: return true
        default: return false
        }
    }
}
