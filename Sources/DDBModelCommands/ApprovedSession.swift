import Conversation
import DesignEngine
import Digests
import Foundation
import MigrationContract
import ModelExecution
import Requirements
import SessionStore
import ShellQuoting

/// A session `ddbmodel export` may export: every gate re-checked and the approved contract proved
/// to be the one the session's model gives, with that model and the contract's bytes.
///
/// `session.json` is a file anyone can edit, so its gate records are claims, not proof: gates
/// marked passed by hand with the digest of a contract holding `[]` would otherwise export, and a
/// design choice edited after approval would change the CloudFormation template while the
/// contract's digest still matched. So the model is designed again from the session exactly as
/// the tool designs it, each gate's condition is checked on it, and the contract built from it
/// must equal the approved file byte for byte (docs/export.md).
struct ApprovedSession {
    let model: DataModel
    let contract: [UInt8]

    /// Checks `state` (loaded from `folder`); `sessionPath` is the path as the user typed it, for
    /// the commands the messages suggest.
    init(_ state: SessionState, folder: SessionFolder, sessionPath: String) throws(CommandFailure) {
        let resume = ShellQuoting.command(["ddbmodel", "resume", sessionPath])
        guard state.gates.requirements.isPassed else {
            throw CommandFailure("Nothing to export: the requirements gate is open. Finish the requirements and pass their gate (\(resume)).")
        }
        guard state.gates.design.isPassed else {
            throw CommandFailure("Nothing to export: the design gate is open. Review and approve the data model (\(resume)).")
        }
        guard state.gates.contract.isPassed, let approved = state.gates.contract.sha256 else {
            throw CommandFailure("Nothing to export: the contract gate is open. Review and approve migrationContract.json (\(resume)).")
        }
        let checklist = RequirementsChecklist(state.requirements)
        guard checklist.passes else {
            let failures = checklist.failures
            throw CommandFailure("session.json records the requirements gate as passed, but its checklist fails (\(failures.count == 1 ? "1 item" : "\(failures.count) items"), first: \(Self.clause(failures[0].message))); nothing was written. Fix the requirements and pass the gates again (\(resume)).")
        }
        let model = ProvenDesign.design(state.requirements, choices: state.designChoices)
        let broken = model.brokenPatterns
        guard broken.isEmpty else {
            let named = broken.prefix(3).map { "#\($0.patternID) \($0.description)" }.joined(separator: "; ")
            throw CommandFailure("session.json records the design gate as passed, but the model it describes breaks \(broken.count == 1 ? "1 access pattern" : "\(broken.count) access patterns") (\(named)), which the design gate never approves; nothing was written. Fix the model and approve it again (\(resume)).")
        }
        guard model.blockers.isEmpty else {
            throw CommandFailure("session.json records the design gate as passed, but the model it describes breaks \(model.blockers.count == 1 ? "a DynamoDB limit" : "\(model.blockers.count) DynamoDB limits") (\(Self.clause(model.blockers[0].reason))), which the design gate never approves; nothing was written. Fix the model and approve it again (\(resume)).")
        }
        guard let data = FileManager.default.contents(atPath: folder.contractFile.path) else {
            throw CommandFailure("\(folder.contractFile.path) is missing; \(resume) writes it again, then approve it at the contract gate.")
        }
        let bytes = [UInt8](data)
        let digest = SHA256.hex(bytes)
        guard digest == approved else {
            throw CommandFailure("migrationContract.json changed after it was approved (SHA-256 \(digest), approved \(approved)). Restore the approved file, or re-open the design (\(resume)) and approve the contract again.")
        }
        let rebuilt = ContractBuilder.bytes(model, requirements: state.requirements)
        if let difference = ContractDifference.describe(file: bytes, expected: rebuilt) {
            throw CommandFailure("The approved migrationContract.json is not the contract the model in session.json gives: \(difference). session.json or the contract was changed after approval (or the contract was approved by another version of ddbmodel); nothing was written. Re-open the design (\(resume)) and approve the model and the contract again.")
        }
        // The choices also decide what the contract does not hold (capacity modes, table
        // classes, local indexes). Sessions approved before the digest was recorded have none.
        if let approvedChoices = state.gates.contract.designChoicesSHA256, approvedChoices != state.designChoices.digest {
            throw CommandFailure("The design choices in session.json changed after the contract was approved (they also set what the contract does not hold, such as capacity modes, table classes and local indexes); nothing was written. Undo the edit, or make the change with the design commands (\(resume)) and approve the model and the contract again.")
        }
        let problems = ContractValidator.validate(rebuilt, context: ContractContext(requirements: state.requirements, sourceSchema: state.sourceSchema))
        if let first = problems.first {
            throw CommandFailure("The approved migrationContract.json fails validation against the session (\(problems.count == 1 ? "1 problem" : "\(problems.count) problems"), first: \(Self.clause(first.description))), which the contract gate never approves; nothing was written. Fix the model and approve the contract again (\(resume)).")
        }
        self.model = model
        self.contract = bytes
    }

    /// A message quoted inside another sentence, without its final full stop.
    static func clause(_ message: String) -> String {
        message.hasSuffix(".") ? String(message.dropLast()) : message
    }
}
