import DesignEngine
import MySQLSchema
import Requirements
import TrafficPatterns

/// When a confirmation gate was passed; `passedAt` is nil while the gate is open.
public struct GateRecord: Codable, Sendable, Equatable {
    /// ISO-8601 UTC time of the confirmation.
    public var passedAt: String?
    /// For the contract gate: the SHA-256 of the exact `migrationContract.json` bytes approved,
    /// so an export can refuse a contract edited after approval.
    public var sha256: String?
    /// For the contract gate: the SHA-256 of the design choices in force at approval. They also
    /// decide what the contract does not hold (capacity modes, table classes, local indexes in the
    /// CloudFormation template), so an export refuses choices edited after approval.
    public var designChoicesSHA256: String?

    public init(passedAt: String? = nil, sha256: String? = nil, designChoicesSHA256: String? = nil) {
        self.passedAt = passedAt
        self.sha256 = sha256
        self.designChoicesSHA256 = designChoicesSHA256
    }

    public var isPassed: Bool { passedAt != nil }

    enum CodingKeys: String, CodingKey {
        case passedAt = "passed_at"
        case sha256
        case designChoicesSHA256 = "design_choices_sha256"
    }
}

/// The three confirmation gates, in order. Passing one needs the ones before it.
public struct Gates: Codable, Sendable, Equatable {
    public var requirements = GateRecord()
    public var design = GateRecord()
    public var contract = GateRecord()

    public init() {}

    /// Re-opens the requirements gate and every gate after it.
    public mutating func reopenFromRequirements() {
        requirements = GateRecord()
        design = GateRecord()
        contract = GateRecord()
    }

    /// Re-opens the design gate and the contract gate after it (a design change).
    public mutating func reopenFromDesign() {
        design = GateRecord()
        contract = GateRecord()
    }
}

/// The complete state of a session: everything `session.json` holds.
public struct SessionState: Codable, Sendable, Equatable {
    /// The session file format this version writes; older files are read, newer ones refused.
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var name: String
    public var requirements: Requirements
    /// The pending question.
    public var step: Step
    /// Earlier steps, most recent last, for `/back`.
    public var previousSteps: [Step]
    /// Where a walk started by `/edit` or by the gap review returns to when it ends.
    public var returnStep: Step?
    /// Gaps the user postponed ("later") in the current gap review.
    public var postponedGaps: [String]
    public var gates: Gates
    /// The MySQL schema of the last import, kept to show what a re-import changes and to map
    /// every table and column later.
    public var sourceSchema: ParsedSchema?
    /// Imported entities still to review, in order.
    public var pendingReviews: [String]?
    /// What the user decided at the design stage (renames, keys, projections, accepted proposals,
    /// merges, capacity, accepted Scans, confirmed tables). The engine re-applies them every time
    /// it designs, so they survive requirements edits. Files written before the design stage
    /// existed have none: they read as the defaults.
    public var designChoices: DesignChoices
    /// A design change that breaks access patterns, waiting for the user's `yes` at
    /// `Step.designChangeConfirmation`; nil otherwise.
    public var pendingDesignChange: PendingDesignChange?
    /// Patterns proposed from measured traffic still to review, in order (the first is the one
    /// asked about); nil when none were ever proposed.
    public var pendingProposals: [PatternProposal]?

    public init(name: String, requirements: Requirements = Requirements(), step: Step = .overviewDomain) {
        self.formatVersion = Self.currentFormatVersion
        self.name = name
        self.requirements = requirements
        self.step = step
        self.previousSteps = []
        self.returnStep = nil
        self.postponedGaps = []
        self.gates = Gates()
        self.designChoices = DesignChoices()
    }

    /// Reads `session.json`; keys added after format version 1 was first written are optional.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        name = try container.decode(String.self, forKey: .name)
        requirements = try container.decode(Requirements.self, forKey: .requirements)
        step = try container.decode(Step.self, forKey: .step)
        previousSteps = try container.decode([Step].self, forKey: .previousSteps)
        returnStep = try container.decodeIfPresent(Step.self, forKey: .returnStep)
        postponedGaps = try container.decode([String].self, forKey: .postponedGaps)
        gates = try container.decode(Gates.self, forKey: .gates)
        sourceSchema = try container.decodeIfPresent(ParsedSchema.self, forKey: .sourceSchema)
        pendingReviews = try container.decodeIfPresent([String].self, forKey: .pendingReviews)
        designChoices = try container.decodeIfPresent(DesignChoices.self, forKey: .designChoices) ?? DesignChoices()
        pendingDesignChange = try container.decodeIfPresent(PendingDesignChange.self, forKey: .pendingDesignChange)
        pendingProposals = try container.decodeIfPresent([PatternProposal].self, forKey: .pendingProposals)
    }

    /// The stage the session is in, named after the next gate to pass.
    public var stage: String {
        if !gates.requirements.isPassed { return "requirements" }
        if !gates.design.isPassed { return "design" }
        if !gates.contract.isPassed { return "contract" }
        return "approved"
    }

    /// The gate line of the requirements document.
    public var requirementsGateStatus: String {
        gates.requirements.passedAt.map { "passed \($0)" } ?? "open"
    }

    enum CodingKeys: String, CodingKey {
        case name, requirements, step, gates
        case formatVersion = "format_version"
        case previousSteps = "previous_steps"
        case returnStep = "return_step"
        case postponedGaps = "postponed_gaps"
        case sourceSchema = "source_schema"
        case pendingReviews = "pending_reviews"
        case designChoices = "design_choices"
        case pendingDesignChange = "pending_design_change"
        case pendingProposals = "pending_proposals"
    }
}
