import DesignEngine
import Foundation
import ModelExecution
import Requirements
import Testing

/// Each check of the model exercise catches the plan it exists for: a plan is broken on
/// purpose, executed on the in-memory DynamoDB, and the pattern must fail with that check's
/// finding. `scripts/mutation-check.sh` deletes each check's deciding line (`MUTATION:` in
/// `Sources/ModelExecution/Checks.swift`) in turn and proves these tests then fail.
@Suite struct BrokenPlanTests {
    static func shop() throws -> (Requirements, DataModel) {
        let requirements = try FailureClassTests.shop()
        return (requirements, DesignEngine.design(requirements))
    }

    /// The model with one pattern's plan changed by `change`.
    static func breaking(_ model: DataModel, _ id: Int, _ change: (inout PatternPlan) -> Void) throws -> DataModel {
        var broken = model
        let index = try #require(broken.mappings.firstIndex { $0.patternID == id })
        var plan = try #require(broken.mappings[index].plan)
        change(&plan)
        broken.mappings[index].plan = plan
        return broken
    }

    /// The transaction's actions of the plan's first transaction step, changed by `change`.
    static func changingTransaction(_ plan: inout PatternPlan, _ change: (inout [TransactAction]) -> Void) {
        for index in plan.steps.indices {
            guard case .transactWriteItems(var actions) = plan.steps[index].request else { continue }
            change(&actions)
            plan.steps[index].request = .transactWriteItems(actions)
            return
        }
    }

    /// Runs the model and returns the finding for pattern `description`, which must have failed.
    static func finding(_ model: DataModel, _ requirements: Requirements, _ description: String) throws -> String {
        let id = try FailureClassTests.id(requirements, description)
        let result = try #require(try FailureClassTests.exercise(model, requirements)[id])
        #expect(result.outcome == .fail, "\(description) passed with a broken plan")
        return result.reason ?? ""
    }

    @Test func theUnbrokenShopPassesEveryCheck() throws {
        let (requirements, model) = try Self.shop()
        let served = Set(model.mappings.filter(\.isServedByDynamoDB).map(\.patternID))
        for result in try FailureClassTests.exercise(model, requirements).values where served.contains(result.patternID) {
            #expect(result.outcome == .pass, "#\(result.patternID) \(result.description): \(result.reason ?? "")")
        }
    }

    /// Item identity: a GetItem with a key no item has returns nothing instead of the member.
    @Test func aReadOfTheWrongItemIsCaught() throws {
        let (requirements, model) = try Self.shop()
        let broken = try Self.breaking(model, try FailureClassTests.id(requirements, "Get member")) { plan in
            guard case .getItem(var get) = plan.steps[0].request else { return }
            get.key.parts[0].value = .literal("no-such-member")
            plan.steps[0].request = .getItem(get)
        }
        let finding = try Self.finding(broken, requirements, "Get member")
        #expect(finding.contains("GetItem returned nothing, expected [member_id="), "\(finding)")
    }

    /// Ordering: the largest-first Query read ascending.
    @Test func aQueryInTheWrongOrderIsCaught() throws {
        let (requirements, model) = try Self.shop()
        let description = "List a customer's orders, largest first"
        let broken = try Self.breaking(model, try FailureClassTests.id(requirements, description)) { plan in
            guard case .query(var query) = plan.steps[0].request else { return }
            query.scanForward.toggle()
            plan.steps[0].request = .query(query)
        }
        let finding = try Self.finding(broken, requirements, description)
        #expect(finding.contains("not ordered by total descending"), "\(finding)")
    }

    /// Duplicate rejection: the member's Put without its attribute_not_exists condition lets
    /// a second member with the same key overwrite the first.
    @Test func aCreateWithoutItsConditionIsCaught() throws {
        let (requirements, model) = try Self.shop()
        let broken = try Self.breaking(model, try FailureClassTests.id(requirements, "Add member")) { plan in
            Self.changingTransaction(&plan) { actions in
                for index in actions.indices where actions[index].entity == "Membership" {
                    if case .put(var put) = actions[index].operation, put.tableID == "Membership" {
                        put.condition = nil
                        actions[index].operation = .put(put)
                    }
                }
            }
        }
        let finding = try Self.finding(broken, requirements, "Add member")
        #expect(finding.contains("a second Membership with the key of an existing one was accepted (no condition rejects it)"), "\(finding)")
    }

    /// Absence after delete: the member's Delete aimed at a key no item has (and without its
    /// condition) leaves the member in place.
    @Test func aDeleteThatMissesItsItemIsCaught() throws {
        let (requirements, model) = try Self.shop()
        let broken = try Self.breaking(model, try FailureClassTests.id(requirements, "Remove member")) { plan in
            Self.changingTransaction(&plan) { actions in
                for index in actions.indices {
                    if case .delete(var delete) = actions[index].operation, delete.tableID == "Membership" {
                        delete.key.parts[0].value = .literal("no-such-member")
                        delete.condition = nil
                        actions[index].operation = .delete(delete)
                    }
                }
            }
        }
        let finding = try Self.finding(broken, requirements, "Remove member")
        #expect(finding.contains("is still there after the delete"), "\(finding)")
    }

    /// Release of an old unique value: removing a member without deleting its lookup item
    /// keeps the tenant and email reserved.
    @Test func aDeleteThatKeepsTheUniqueValueIsCaught() throws {
        let (requirements, model) = try Self.shop()
        let broken = try Self.breaking(model, try FailureClassTests.id(requirements, "Remove member")) { plan in
            Self.changingTransaction(&plan) { actions in actions.removeAll { $0.tableID != "Membership" } }
        }
        let finding = try Self.finding(broken, requirements, "Remove member")
        #expect(finding.contains("the old unique value is still reserved in"), "\(finding)")
    }

    /// Reservation of a new unique value: a create that does not write its lookup item.
    @Test func aCreateThatDoesNotReserveItsUniqueValueIsCaught() throws {
        let (requirements, model) = try Self.shop()
        let broken = try Self.breaking(model, try FailureClassTests.id(requirements, "Add member")) { plan in
            Self.changingTransaction(&plan) { actions in actions.removeAll { $0.tableID != "Membership" } }
        }
        let finding = try Self.finding(broken, requirements, "Add member")
        #expect(finding.contains("the lookup item for the new value is missing in"), "\(finding)")
    }

    /// Stored values: an update that writes a fixed value instead of the caller's.
    @Test func anUpdateThatStoresTheWrongValueIsCaught() throws {
        let (requirements, model) = try Self.shop()
        let description = "Change a customer's tier"
        let broken = try Self.breaking(model, try FailureClassTests.id(requirements, description)) { plan in
            for index in plan.steps.indices {
                guard case .updateItem(var update) = plan.steps[index].request else { continue }
                update.actions = update.actions.map { action in
                    if case .set(let name, _) = action { return .set(name, .literal("gold")) }
                    return action
                }
                plan.steps[index].request = .updateItem(update)
            }
        }
        let finding = try Self.finding(broken, requirements, description)
        #expect(finding.contains(": tier is {\"S\":\"gold\"}, expected"), "\(finding)")
    }
}
