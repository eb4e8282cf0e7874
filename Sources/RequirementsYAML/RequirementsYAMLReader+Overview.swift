import Requirements
import Yams

extension RequirementsYAMLReader {
    /// `overview:` — what the application is and how big it gets.
    mutating func readOverview(_ node: Node) {
        let location = "in the overview"
        guard let fields = YAMLMapping<OverviewKey>(node, subject: "'overview'", location: location, problems: &problems)
        else { return }
        if let node = fields[.domain], let domain = optionalText(node, key: OverviewKey.domain.rawValue, location: location) {
            changeOverview(at: node) { $0.domain = domain }
        }
        if let node = fields[.businessContext],
            let context = optionalText(node, key: OverviewKey.businessContext.rawValue, location: location)
        {
            changeOverview(at: node) { $0.businessContext = context }
        }
        if let users = fields[.expectedUsers],
            let estimate = estimate(users, what: "Expected users", key: OverviewKey.expectedUsers.rawValue, location: location)
        {
            changeOverview(at: users) { $0.expectedUsers = estimate }
        }
        if let peak = fields[.peakRPS], let estimate = estimate(peak, what: "Peak RPS", key: OverviewKey.peakRPS.rawValue, location: location) {
            changeOverview(at: peak) { $0.peakRequestsPerSecond = estimate }
        }
    }

    /// One overview field through `Requirements.setOverview`, its refusal reported at `node`.
    private mutating func changeOverview(at node: Node, _ change: (inout ApplicationOverview) -> Void) {
        var overview = requirements.overview
        change(&overview)
        do {
            try requirements.setOverview(overview)
        } catch {
            problems.report(error.message, at: node)
        }
    }
}
