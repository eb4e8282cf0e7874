import Requirements
import TrafficPatterns

/// The review of patterns proposed from measured traffic, one at a time, like imported
/// entities: accept as shown, edit fields first, merge into another proposal or pattern, or drop.
extension Conversation {
    public static let proposalUsage = "Press Enter to accept, or: edit FIELD=VALUE... (the /pattern fields, such as edit description=\"Get a customer's orders\" consistency=strong), merge N (into proposal N), merge pattern N (into pattern N), drop, accept all."

    mutating func answerPatternProposal(_ text: String) throws(RequirementsError) -> [String] {
        guard let proposal = state.pendingProposals?.first else {
            continueImport(orElse: .patternDescription)
            return []
        }
        let words = try CommandLineTokenizer.tokens(text)
        switch words.first?.lowercased() ?? "" {
        case "", "ok", "yes", "accept", "keep", "next":
            if words.count == 2, words[1].lowercased() == "all" { return try acceptAllProposals() }
            guard words.count <= 1 else { throw RequirementsError(Self.proposalUsage) }
            let message = try accept(proposal)
            finishProposal()
            return [message]
        case "edit":
            guard words.count >= 2 else { throw RequirementsError("Usage: edit FIELD=VALUE..., such as edit peak=120 consistency=strong.") }
            var pattern = proposal.pattern
            try PatternFieldParser.apply(try CommandLineTokenizer.keyValues(Array(words.dropFirst())), to: &pattern)
            // Checked now, so a mistake shows while the proposal is on screen.
            _ = try state.requirements.checkedPattern(pattern)
            state.pendingProposals?[0].pattern = pattern
            return ["Proposal \(proposal.number) changed; press Enter to accept it as shown."]
        case "merge":
            let message = try mergeProposal(proposal, Array(words.dropFirst()))
            finishProposal()
            return [message]
        case "drop", "skip":
            guard words.count == 1 else { throw RequirementsError(Self.proposalUsage) }
            recordUnplaced(proposal.pattern.measured.map { measured in
                measured.statements.map { UnplacedStatement(statement: $0, calls: measured.calls, reason: "dropped at the review") }
            } ?? [])
            finishProposal()
            return ["Proposal \(proposal.number) dropped; its statements are listed as not turned into patterns."]
        default:
            throw RequirementsError(Self.proposalUsage)
        }
    }

    /// Adds the proposal as a pattern, or updates the measured pattern it measures again.
    mutating func accept(_ proposal: PatternProposal) throws(RequirementsError) -> String {
        if let id = proposal.remeasures, var existing = state.requirements.pattern(id) {
            existing.peakRPS = proposal.pattern.peakRPS
            existing.averageRPS = proposal.pattern.averageRPS
            existing.measured = proposal.pattern.measured
            try state.requirements.updatePattern(existing)
            return "Pattern \(id) (\(existing.description)) now has the new measurement: \(proposal.pattern.peakRPS?.description ?? "?")/\(proposal.pattern.averageRPS?.description ?? "?") RPS peak/average."
        }
        let id = try state.requirements.addPattern(proposal.pattern)
        return "Added pattern \(id): \(proposal.pattern.description)."
    }

    mutating func acceptAllProposals() throws(RequirementsError) -> [String] {
        var messages: [String] = []
        while let proposal = state.pendingProposals?.first {
            do throws(RequirementsError) {
                messages.append(try accept(proposal))
            } catch {
                // Stops at the first that needs an edit, which stays on screen.
                messages.append("Proposal \(proposal.number) needs an edit first: \(error.message)")
                return messages
            }
            state.pendingProposals?.removeFirst()
        }
        continueImport(orElse: .patternDescription)
        return messages
    }

    /// `merge N` adds the proposal's traffic to proposal N; `merge pattern N` to pattern N.
    mutating func mergeProposal(_ proposal: PatternProposal, _ arguments: [String]) throws(RequirementsError) -> String {
        let usage = "Usage: merge N (another proposal's number) or merge pattern N."
        if arguments.count == 2, arguments[0].lowercased() == "pattern" {
            guard let id = Int(arguments[1]), var pattern = state.requirements.pattern(id) else {
                throw RequirementsError("There is no pattern \(arguments[1]); /show requirements lists them.")
            }
            let added = pattern.measured != nil && pattern.measured?.windowEnd == proposal.pattern.measured?.windowEnd
            pattern = ProposalMerging.addTraffic(of: proposal, to: pattern)
            try state.requirements.updatePattern(pattern)
            let figures = "\(pattern.peakRPS?.description ?? "?")/\(pattern.averageRPS?.description ?? "?") RPS peak/average"
            return added
                ? "Proposal \(proposal.number)'s traffic is added to pattern \(id): \(figures) (the peak is the sum of both peaks, an upper bound)."
                : "Pattern \(id) now has proposal \(proposal.number)'s measurement: \(figures)."
        }
        guard arguments.count == 1, let number = Int(arguments[0]) else { throw RequirementsError(usage) }
        guard number != proposal.number else { throw RequirementsError("A proposal cannot be merged into itself; name another proposal's number.") }
        guard let index = state.pendingProposals?.firstIndex(where: { $0.number == number }), let target = state.pendingProposals?[index] else {
            let waiting = (state.pendingProposals ?? []).map { String($0.number) }.filter { $0 != String(proposal.number) }
            throw RequirementsError("There is no proposal \(number) waiting\(waiting.isEmpty ? "" : " (waiting: \(waiting.joined(separator: ", ")))").")
        }
        state.pendingProposals?[index] = ProposalMerging.merge(target, with: proposal)
        return "Proposal \(proposal.number) is merged into proposal \(number), which now counts both."
    }

    /// The proposal on screen is dealt with: on to the next one, or back to where the import began.
    mutating func finishProposal() {
        if state.pendingProposals?.isEmpty == false { state.pendingProposals?.removeFirst() }
        if state.pendingProposals?.isEmpty == false {
            // The next proposal is asked at the same step.
            return
        }
        continueImport(orElse: .patternDescription)
    }
}
