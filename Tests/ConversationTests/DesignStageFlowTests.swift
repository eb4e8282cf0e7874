import Conversation
import DesignEngine
import Foundation
import Requirements
import Testing
import TestSupport

/// The design stage driven line by line: the walk-through of the tables, the design gate, a
/// change that breaks patterns, and the gates re-opening.
@Suite struct DesignStageFlowTests {
    @Test func passingTheRequirementsGateOpensTheReviewAtTheFirstTable() throws {
        var conversation = try DesignStageFixture.loaded()
        _ = conversation.handle(DesignStageFixture.openingLines[0])
        let reply = conversation.handle("yes")
        #expect(reply.messages.count == 2)
        #expect(reply.messages[1].hasPrefix("The design engine turned the requirements into 6 tables (2 lookup tables for unique constraints) and 2 secondary indexes. All 10 served patterns were executed on an in-memory DynamoDB with sample items and passed."))
        #expect(conversation.state.step == .designReview(table: "User"))
        #expect(conversation.state.step.section == "design review")
        let question = conversation.question
        #expect(question.text.hasPrefix("Table 1 of 6: Users (entity table for User)\n  Purpose: Stores one item per User."))
        #expect(question.text.contains("  Partition key: user_id (S)\n  Sort key: none\n  Why these keys: user_id identifies one User"))
        #expect(question.text.contains("    #1 Get user by ID: GetItem on Users"))
        #expect(question.currentAnswer == "yes", "Enter confirms the table")
    }

    @Test func theWalkThroughConfirmsEveryTableInModelOrderThenShowsTheGate() throws {
        var conversation = try DesignStageFixture.start()
        var shown: [String] = []
        for (position, answer) in ["yes", "", "ok", "y", "yes", ""].enumerated() {
            guard case .designReview(let table) = conversation.state.step else { Issue.record("not reviewing a table"); return }
            shown.append(table)
            let name = DesignStageFixture.tableNames[position]
            #expect(conversation.question.text.hasPrefix("Table \(position + 1) of 6: \(name) ("))
            let reply = conversation.handle(answer)
            #expect(reply.messages == ["Confirmed \(name) (\(position + 1) of 6 tables)."])
            #expect(reply.changed)
        }
        #expect(shown == DesignStageFixture.tableIDs)
        #expect(conversation.state.designChoices.confirmedTables == DesignStageFixture.tableIDs)
        #expect(conversation.state.step == .designGate)
        let gate = conversation.question.text
        #expect(gate.hasPrefix("Design gate. Data model: 6 tables (4 for entities, 2 lookup tables), 2 GSIs, 0 LSIs.\n  Users: user_id; no indexes\n"))
        #expect(gate.contains("  Products: product_id; GSI ProductsByCategory\n"))
        #expect(gate.contains("Access patterns: 11: 10 ✅ served, 1 ❌ need a search service, 0 ⚠️ broken.\n  ❌ #11 Search products by keyword: Needs full-text"))
        #expect(gate.contains("\nEstimated cost: $294.91 per month on demand (average RPS; us-east-1 prices of 2024-11-01).\n"))
        #expect(gate.contains("\nWalk-through: 6 of 6 tables confirmed.\n"))
        #expect(gate.hasSuffix("Approve the whole data model? Type yes in full to approve it (anything else keeps the gate open)."))
    }

    @Test func aTableAnswerOtherThanYesExplainsAndChangesNothing() throws {
        var conversation = try DesignStageFixture.start()
        let before = conversation.state
        let no = conversation.handle("no")
        #expect(no.messages == ["Change Users with a command (/rename, /keys, /index-keys, /projection, /capacity, /class, /accept or /reject a proposal, /merge, /split: /help shows how), then type yes to confirm it."])
        let other = conversation.handle("looks fine I guess")
        #expect(other.messages == ["Type yes to confirm Users, or change it with a command (/help lists them)."])
        #expect(!no.changed && !other.changed)
        #expect(conversation.state == before)
    }

    @Test func theGatePassesOnlyOnYesInFull() throws {
        var conversation = try DesignStageFixture.atGate()
        for answer in ["y", "ok", "approve", "no", ""] {
            let reply = conversation.handle(answer)
            #expect(!reply.changed)
            #expect(reply.messages.count == 1)
            #expect(!conversation.state.gates.design.isPassed)
            #expect(conversation.state.step == .designGate)
        }
        #expect(conversation.handle("y").messages == ["Type yes in full to approve the data model; anything else keeps the gate open."])
        let reply = conversation.handle("yes")
        #expect(conversation.state.gates.design.passedAt == FixedClock.time)
        #expect(conversation.state.step == .contractGate)
        #expect(reply.messages == ["Data model approved and recorded at \(FixedClock.time) in session.json. dynamodb_data_model.md holds the approved model (6 tables, 11 access patterns mapped), and migrationContract.json the contract built from it."])
        #expect(conversation.state.stage == "contract")
    }

    @Test func gateJumpsThereFromAnyTableAndListsWhatIsUnreviewed() throws {
        var conversation = try DesignStageFixture.start()
        _ = conversation.handle("yes")
        _ = conversation.handle("/gate")
        #expect(conversation.state.step == .designGate)
        #expect(conversation.question.text.contains("Walk-through: 1 of 6 tables confirmed (not yet: Products, Orders, OrderItems, UserUsernames, UserEmails; /show table NAME reviews one)."))
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.design.isPassed, "approving the whole model does not need every table confirmed")
    }

    @Test func theGateRefusesABrokenPatternAndNamesTheFix() throws {
        var conversation = try DesignStageFixture.start()
        _ = conversation.handle("/edit pattern 6 eq=none")
        #expect(conversation.state.step == .requirementsGate)
        _ = conversation.handle("yes")
        _ = conversation.handle("/gate")
        let gate = conversation.question.text
        #expect(gate.contains("⚠️ #6 List products in a category by price: Has no equality attribute, so only a Scan of every Product item can serve it."))
        #expect(gate.contains("      fix: /accept-scan 6 REASON (if reading every item is acceptable: a small table or an offline job)"))
        #expect(gate.hasSuffix("The model cannot be approved while 1 pattern is broken: fix it with a command shown, then type yes."))
        let refused = conversation.handle("yes")
        #expect(refused.messages.first?.hasPrefix("The data model cannot be approved while 1 pattern is broken:\n  ⚠️ #6 List products in a category by price:") == true)
        #expect(refused.messages.first?.hasSuffix("fix: /accept-scan 6 REASON (if reading every item is acceptable: a small table or an offline job)") == true)
        #expect(!conversation.state.gates.design.isPassed)
        let accepted = conversation.handle("/accept-scan 6 the catalog has 20k products and is cached")
        #expect(accepted.messages.first == "Accepted a Scan for pattern 6 (List products in a category by price): the catalog has 20k products and is cached.")
        #expect(accepted.messages.contains("  #6 List products in a category by price: ⚠️ broken → Scan on Products (accepted Scan)"))
        #expect(conversation.state.designChoices.acceptedScans == ["6": "the catalog has 20k products and is cached"])
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.design.isPassed)
    }

    @Test func aChangeThatBreaksAPatternWaitsForYes() throws {
        var conversation = try DesignStageFixture.withStrongReadByID()
        #expect(conversation.state.step == .designReview(table: "User"))
        let before = conversation.state
        let reply = conversation.handle("/keys Users email")
        #expect(reply.messages.isEmpty, "the question shows the change and what it breaks")
        #expect(conversation.state.step == .designChangeConfirmation)
        #expect(conversation.state.designChoices == before.designChoices, "nothing is applied before the answer")
        let question = conversation.question.text
        #expect(question.hasPrefix("Keys of Users set: partition email, no sort key.\nTable Users: keys now email (were user_id)."))
        // user_id is no longer the key, so it gets a lookup table of its own (uniqueness kept,
        // and #1's strong read served through it); the email change would now change the key.
        #expect(question.contains("Table UserUserIds added: keys user_id."))
        #expect(question.contains("  #1 Get user by ID: key condition now email = step 1 → email"))
        #expect(question.contains("This change breaks a pattern that the model serves now:\n  ⚠️ #4 Change a user's email: Changes email, part of Users's key; DynamoDB cannot change a key in place."))
        #expect(question.hasSuffix("Keep the change anyway? Type yes to keep it (the design gate will refuse approval until the pattern is fixed); anything else reverts it."))

        // Only looking is allowed until the answer.
        #expect(conversation.handle("/rename table Users People").messages == ["Answer the pending change first: type yes to keep it, or anything else to revert it."])
        #expect(conversation.handle("/show model").messages.first?.hasPrefix("Data model: 6 tables") == true)

        let reverted = conversation.handle("no")
        #expect(reverted.messages == ["Reverted: the model is as it was before the change."])
        #expect(conversation.state.step == .designReview(table: "User"))
        #expect(conversation.state.designChoices == before.designChoices)
        #expect(conversation.state.pendingDesignChange == nil)

        _ = conversation.handle("/keys Users email")
        let kept = conversation.handle("yes")
        #expect(kept.messages == ["Kept the change. The pattern stays broken until fixed: the design gate refuses approval until then and lists the fixes."])
        #expect(conversation.state.designChoices.tableKeys["User"] == KeyChoice(partition: ["email"], sort: []))
        _ = conversation.handle("/gate")
        let gate = conversation.question.text
        #expect(gate.contains("⚠️ #4 Change a user's email: Changes email, part of Users's key"))
        #expect(gate.contains("fix: /keys Users reset (back to the engine's keys)"))
        _ = conversation.handle("/keys Users reset")
        #expect(conversation.dataModel.brokenPatterns.isEmpty)
    }

    @Test func withdrawingAnAcceptedScanAsksFirst() throws {
        var conversation = try DesignStageFixture.start()
        _ = conversation.handle("/edit pattern 6 eq=none")
        _ = conversation.handle("yes")
        _ = conversation.handle("/accept-scan 6 small catalog")
        _ = conversation.handle("/reject-scan 6")
        #expect(conversation.state.step == .designChangeConfirmation)
        #expect(conversation.question.text.contains("⚠️ #6 List products in a category by price: Has no equality attribute"))
        _ = conversation.handle("yes")
        #expect(conversation.state.designChoices.acceptedScans.isEmpty)
        #expect(conversation.state.step == .designReview(table: "User"))
    }

    @Test func aRequirementsEditReopensBothGatesAndKeepsTheDesignChoices() throws {
        var conversation = try DesignStageFixture.start()
        _ = conversation.handle("/rename table Users Customers")
        for _ in DesignStageFixture.tableIDs { _ = conversation.handle("yes") }
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.design.isPassed)
        let reply = conversation.handle("/edit pattern 5 peak=1000")
        #expect(reply.messages == [
            "Pattern 5 updated (✅).",
            "The requirements changed, so the requirements gate is open again (and the design and contract gates after it). Your design choices are kept: they apply again when the model is redesigned after the gate.",
        ])
        #expect(!conversation.state.gates.requirements.isPassed)
        #expect(!conversation.state.gates.design.isPassed)
        #expect(conversation.state.step == .requirementsGate)
        #expect(conversation.state.designChoices.tableNames == ["User": "Customers"])
        #expect(conversation.handle("/show model").messages == ["The data model is designed once the requirements gate is passed; /gate shows what it still needs."])
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.requirements.isPassed)
        #expect(conversation.state.step == .designGate, "every table was confirmed before, so the review goes to the gate")
        #expect(conversation.dataModel.table(id: "User")?.name == "Customers")
    }

    @Test func aDesignChangeAfterApprovalReopensTheDesignGate() throws {
        var conversation = try DesignStageFixture.approved()
        let reply = conversation.handle("/rename table Users Customers")
        #expect(reply.messages == [
            "Renamed table Users to Customers.",
            "Table Users: renamed to Customers.",
            "Patterns affected:",
            "  #1 Get user by ID: GetItem on Users → GetItem on Customers",
            "  #2 Get user by email at sign-in: GetItem on Users → GetItem on Customers",
            "  #3 Register user: TransactWriteItems on Users → TransactWriteItems on Customers",
            "  #4 Change a user's email: TransactWriteItems on Users → TransactWriteItems on Customers",
            "The data model changed after its approval, so the design gate is open again (and the contract gate after it).",
        ])
        #expect(!conversation.state.gates.design.isPassed)
        #expect(conversation.state.gates.requirements.isPassed)
        #expect(conversation.state.step == .designGate)
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.design.isPassed)
    }

    @Test func aRefusedOrRevertedChangeLeavesTheApprovalAlone() throws {
        var conversation = try DesignStageFixture.approved()
        _ = conversation.handle("/rename table Users x")
        _ = conversation.handle("/capacity Users on-demand")
        #expect(conversation.state.gates.design.isPassed)
        #expect(conversation.state.step == .contractGate)
    }

    @Test func backMovesBetweenTablesButNotOutOfTheDesignStage() throws {
        var conversation = try DesignStageFixture.start()
        #expect(conversation.handle("/back").messages == ["This is the start of the design review: the requirements are confirmed. Change them with /edit (that re-opens the requirements gate), or review them with /show requirements."])
        #expect(conversation.state.step == .designReview(table: "User"))
        _ = conversation.handle("yes")
        _ = conversation.handle("/back")
        #expect(conversation.state.step == .designReview(table: "User"))
    }

    @Test func aTableThatDisappearsMovesTheReviewOn() throws {
        var conversation = try DesignStageFixture.start()
        _ = conversation.handle("yes")
        _ = conversation.handle("yes")
        _ = conversation.handle("yes")
        #expect(conversation.state.step == .designReview(table: "OrderItem"))
        _ = conversation.handle("/merge Order OrderItem")
        #expect(conversation.state.step == .designReview(table: "User.username"), "OrderItems is gone; the next unconfirmed table is shown")
    }

    @Test func statusShowsTheDesignStage() throws {
        var conversation = try DesignStageFixture.start()
        _ = conversation.handle("yes")
        let status = conversation.handle("/status").messages.first ?? ""
        #expect(status.contains("Stage: design (current question: design review)"))
        #expect(status.hasSuffix("Data model: 6 tables (2 lookup tables), 2 secondary indexes, 0 broken patterns\nTables confirmed: 1 of 6"))
        let before = try DesignStageFixture.loaded()
        #expect(!SessionSummary.status(before.state, model: before.snapshot.model).contains("Data model"), "no model before the requirements gate")
    }

    @Test func helpListsTheDesignCommands() throws {
        var conversation = try DesignStageFixture.start()
        let help = conversation.handle("/help").messages.first ?? ""
        for command in Conversation.designCommands {
            #expect(help.contains("  \(command.usage)\n      \(command.summary)"))
        }
        #expect(help.contains("/accept GAP-ID REASON | /accept DECISION-ID"))
    }
}
