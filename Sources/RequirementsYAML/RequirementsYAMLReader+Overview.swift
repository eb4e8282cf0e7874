import Requirements
import Yams

extension RequirementsYAMLReader {
    /// `overview:` — what the application is and how big it gets.
    mutating func readOverview(_ node: Node) {
        let location = "in the overview"
        guard let fields = YAMLMapping<OverviewKey>(node, subject: "'overview'", location: location, problems: &problems)
        else { return }
        var overview = ApplicationOverview()
        overview.domain = optionalText(fields[.domain], key: OverviewKey.domain.rawValue, location: location)
        overview.businessContext = optionalText(fields[.businessContext], key: OverviewKey.businessContext.rawValue, location: location)
        if let users = fields[.expectedUsers] {
            overview.expectedUsers = estimate(users, what: "Expected users", key: OverviewKey.expectedUsers.rawValue, location: location)
        }
        if let peak = fields[.peakRPS] {
            overview.peakRequestsPerSecond = estimate(peak, what: "Peak RPS", key: OverviewKey.peakRPS.rawValue, location: location)
        }
        requirements.overview = overview
    }
}
