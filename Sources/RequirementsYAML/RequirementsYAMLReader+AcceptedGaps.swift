import Requirements
import Yams

extension RequirementsYAMLReader {
    /// One item of `accepted_gaps:`, recorded through `Requirements.acceptGap`.
    mutating func readAcceptedGap(_ node: Node, number: Int) {
        let subject = "accepted gap \(number)"
        let location = "in \(subject)"
        guard let fields = YAMLMapping<AcceptedGapKey>(node, subject: subject, location: location, problems: &problems) else { return }
        guard let gapNode = fields[.gap] else {
            problems.report("\(subject) needs 'gap': the id the requirements gate shows, such as no-create:Product", at: node)
            return
        }
        guard let gap = text(gapNode, key: AcceptedGapKey.gap.rawValue, location: location) else { return }
        guard !gap.isEmpty else {
            problems.report("'gap' \(location) must be the id the requirements gate shows, such as no-create:Product", at: gapNode)
            return
        }
        var reason = ""
        if let reasonNode = fields[.reason] {
            guard let text = text(reasonNode, key: AcceptedGapKey.reason.rawValue, location: location) else { return }
            reason = text
        }
        do {
            try requirements.acceptGap(gap, reason: reason)
        } catch {
            problems.report(error.message, at: fields[.reason] ?? node)
        }
    }
}
