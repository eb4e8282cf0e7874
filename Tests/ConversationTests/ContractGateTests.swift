import Conversation
import DesignEngine
import Digests
import Foundation
import MigrationContract
import ModelExecution
import Requirements
import TestSupport
import Testing

/// The contract gate: summary and validation shown, approval with `yes` in full recording the
/// time and the SHA-256 of the exact contract bytes, re-opened by any change upstream.
@Suite struct ContractGateTests {
    static func contractBytes(_ conversation: Conversation) -> [UInt8] {
        let model = ProvenDesign.design(conversation.state.requirements, choices: conversation.state.designChoices)
        return ContractBuilder.bytes(model, requirements: conversation.state.requirements)
    }

    @Test func approvingTheModelOpensTheContractGateWithItsSummaryAndValidation() throws {
        let conversation = try DesignStageFixture.approved()
        #expect(conversation.state.step == .contractGate)
        let text = conversation.question.text
        #expect(text.hasPrefix("Migration contract (migrationContract.json): 6 tables (2 lookup tables), 2 GSIs,"))
        #expect(text.contains("  Users: 5 attributes, 0 indexes, entered by hand"))
        #expect(text.contains("Excluded MySQL columns: none."))
        #expect(text.contains("Validation: no problems"))
        #expect(text.hasSuffix("Approve migrationContract.json? Type yes in full to approve it; anything else keeps the gate open."))
    }

    @Test func onlyYesInFullApprovesAndRecordsTheDigestOfTheExactBytes() throws {
        // The session's folder as the runner hands it over: the hint names it, quoted for the shell.
        var conversation = Conversation(state: try DesignStageFixture.approved().state, clock: FixedClock.now, sessionPath: "/srv/it's mine/shop")
        for answer in ["y", "ok", "no", ""] {
            let reply = conversation.handle(answer)
            #expect(!reply.changed)
            #expect(!conversation.state.gates.contract.isPassed)
        }
        let reply = conversation.handle("yes")
        let digest = SHA256.hex(Self.contractBytes(conversation))
        #expect(conversation.state.gates.contract == GateRecord(passedAt: FixedClock.time, sha256: digest, designChoicesSHA256: conversation.state.designChoices.digest))
        #expect(conversation.state.step == .contractApproved)
        #expect(conversation.state.stage == "approved")
        #expect(reply.messages == ["Contract approved and recorded at \(FixedClock.time) in session.json (SHA-256 \(digest)). Export it with: ddbmodel export '/srv/it'\\''s mine/shop' --out DIR (see docs/export.md)."])
        #expect(conversation.question.text.contains("Export it with ddbmodel export '/srv/it'\\''s mine/shop' --out DIR, review"))
        #expect(conversation.handle("yes").messages.first?.hasPrefix("All three gates are passed") == true)
    }

    @Test func aDesignChangeAfterApprovalReopensTheDesignAndContractGates() throws {
        var conversation = try DesignStageFixture.approved()
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.contract.isPassed)
        let reply = conversation.handle("/rename table Users Customers")
        #expect(!conversation.state.gates.design.isPassed)
        #expect(!conversation.state.gates.contract.isPassed)
        #expect(conversation.state.gates.contract.sha256 == nil)
        #expect(reply.messages.contains { $0.contains("the design gate is open again (and the contract gate after it)") })
    }

    @Test func aRequirementsEditReopensEveryGate() throws {
        var conversation = try DesignStageFixture.approved()
        _ = conversation.handle("yes")
        _ = conversation.handle("/edit pattern 1 peak=450")
        #expect(!conversation.state.gates.requirements.isPassed)
        #expect(!conversation.state.gates.contract.isPassed)
        #expect(conversation.state.step == .requirementsGate)
    }

    @Test func contractStepsRoundTripThroughSessionJSON() throws {
        var conversation = try DesignStageFixture.approved()
        for line in ["/status", "yes"] {
            _ = conversation.handle(line)
            let data = try JSONEncoder().encode(conversation.state)
            let resumed = Conversation(state: try JSONDecoder().decode(SessionState.self, from: data), clock: FixedClock.now)
            #expect(resumed.state == conversation.state)
        }
        #expect(conversation.state.step == .contractApproved)
    }

    @Test func aSessionSavedAtTheOldDesignConfirmedStepResumesAtTheContractGate() throws {
        var state = try DesignStageFixture.approved().state
        state.step = .designConfirmed
        let resumed = Conversation(state: state, clock: FixedClock.now)
        #expect(resumed.state.step == .contractGate)
    }
}
