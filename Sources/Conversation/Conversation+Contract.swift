import Digests
import DesignEngine
import MigrationContract
import Requirements

/// The contract stage: `migrationContract.json` built from the approved model, validated, and
/// approved with `yes`, which records the time and the SHA-256 of the exact contract bytes.
extension Conversation {
    /// The exact bytes `migrationContract.json` holds for the current model.
    public var contractBytes: [UInt8] {
        designCache.contract(for: state.requirements, choices: state.designChoices)
    }

    /// Every problem the validator finds in the contract, with the session's requirements and
    /// MySQL schema as context (every table and column mapped or excluded, every pattern satisfied).
    var contractProblems: [ContractProblem] {
        ContractValidator.validate(contractBytes, context: ContractContext(requirements: state.requirements, sourceSchema: state.sourceSchema))
    }

    mutating func answerContractGate(_ text: String) throws(RequirementsError) -> [String] {
        switch text.lowercased() {
        case "yes":
            let bytes = contractBytes
            let problems = contractProblems
            guard problems.isEmpty else {
                let lines = ["The contract cannot be approved while validation reports \(DesignReviewText.counted(problems.count, "problem")):"]
                    + problems.map { "  \($0.path): \($0.message)" }
                throw RequirementsError(lines.joined(separator: "\n"))
            }
            let passedAt = clock()
            let digest = SHA256.hex(bytes)
            state.gates.contract = GateRecord(passedAt: passedAt, sha256: digest, designChoicesSHA256: state.designChoices.digest)
            advance(to: .contractApproved)
            return ["Contract approved and recorded at \(passedAt) in session.json (SHA-256 \(digest)). Export it with: \(ContractGateText.exportCommand(sessionPath: sessionPath)) (see docs/export.md)."]
        case "no":
            throw RequirementsError("Not approved: the contract gate stays open. Change the model with a design command (that re-opens the design gate) or review it with /show model, then type yes.")
        default:
            throw RequirementsError("Type yes in full to approve the migration contract; anything else keeps the gate open.")
        }
    }
}
