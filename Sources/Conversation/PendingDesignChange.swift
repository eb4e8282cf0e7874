import DesignEngine

/// A design change that would break access patterns, held until the user answers: `yes` applies
/// `choices`, anything else drops them. Stored in `session.json`, so a session stopped at the
/// question resumes at it.
public struct PendingDesignChange: Codable, Sendable, Equatable {
    /// The design choices with the change applied.
    public var choices: DesignChoices
    /// What the change does, as its reply described it (command result and model differences).
    public var summary: [String]
    /// The patterns it breaks, each as `#N description: reason`.
    public var brokenPatterns: [String]
    /// The step to go back to once the user has answered.
    public var returnStep: Step

    public init(choices: DesignChoices, summary: [String], brokenPatterns: [String], returnStep: Step) {
        self.choices = choices
        self.summary = summary
        self.brokenPatterns = brokenPatterns
        self.returnStep = returnStep
    }

    enum CodingKeys: String, CodingKey {
        case choices, summary
        case brokenPatterns = "broken_patterns"
        case returnStep = "return_step"
    }
}
