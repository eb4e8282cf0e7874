import DesignEngine
import Foundation
import ModelExecution
import Requirements
import Testing
import TestSupport

/// The worked scenarios from public MySQL schema shapes (docs/worked-scenarios.md), checked
/// against the model a DynamoDB reviewer signed for each: the rule each scenario shows holds in
/// its proven model. The whole documents are golden files (`Golden/`), and every scenario runs on
/// the in-memory DynamoDB (the proof) and on moto (ModelValidationTests, the boto3 replay).
@Suite struct PublicSchemaScenarioTests {
    static func model(_ name: String) throws -> (Requirements, DataModel) {
        let (requirements, model) = try WorkedScenarios.provenModel(name)
        #expect(model.proof?.failures.isEmpty == true, "\(name): \(model.proof?.failures ?? [])")
        return (requirements, model)
    }

    static func keys(_ table: TableDesign) -> [String] {
        [table.partitionKey.name] + (table.sortKey.map { [$0.name] } ?? [])
    }

    static func plan(_ model: DataModel, _ id: Int) throws -> PatternPlan {
        try #require(model.mapping(for: id)?.plan, "pattern #\(id) has no plan: \(String(describing: model.mapping(for: id)?.status))")
    }

    static func actions(_ plan: PatternPlan) -> [TransactAction] {
        plan.steps.flatMap { step -> [TransactAction] in
            if case .transactWriteItems(let actions) = step.request { return actions }
            return []
        }
    }

    /// Sakila's join tables: one table keyed by both parents and one inverted index.
    @Test func dvdRentalJoinTableIsKeyedByBothFilmAndActorWithOneInvertedIndex() throws {
        let (_, model) = try Self.model("dvdrental")
        let filmActors = try #require(model.entityTable(of: "FilmActor"))
        #expect(Self.keys(filmActors) == ["film_id", "actor_id"])
        #expect(filmActors.indexes.map { $0.partitionKey.map(\.name) + $0.sortKey.map(\.name) } == [["actor_id", "film_id"]])
        // Rentals still out (3% of them) come from a sparse index only those rentals are in.
        let rentals = try #require(model.entityTable(of: "Rental"))
        let out = try #require(rentals.indexes.first { $0.sparse != nil })
        #expect(out.partitionKey.map(\.name) == ["store_id"])
        // A store's monthly revenue sums about 250,000 payments (30M over 120 stores), though
        // the pattern returns one row: a totals item per store and month, not a client-side sum.
        let requirements = try WorkedScenarios.requirements("dvdrental")
        let revenue = try #require(requirements.accessPatterns.first { $0.description == "A store's revenue per month" })
        #expect(model.mapping(for: revenue.id)?.operation == .getItem)
        #expect(model.tables.contains { $0.totals?.entity == "Payment" })
    }

    /// A cart line unique on (customer, product) is keyed by it: no lookup table, single-item
    /// writes; the checkout consumes the cart and decrements stock under a condition.
    @Test func shopCartLinesAreKeyedByTheirUniqueGroupAndCheckoutDoesWhatTheRuleSays() throws {
        let (requirements, model) = try Self.model("shop")
        let cartLines = try #require(model.entityTable(of: "CartLine"))
        #expect(Self.keys(cartLines) == ["customer_id", "sku"])
        #expect(!model.tables.contains { $0.lookup?.entity == "CartLine" })
        let put = try #require(requirements.accessPatterns.first { $0.description == "Put a product in the cart" })
        #expect(model.mapping(for: put.id)?.operation == .putItem)
        let checkout = try #require(requirements.accessPatterns.first { $0.description.hasPrefix("Check out") })
        let actions = Self.actions(try Self.plan(model, checkout.id))
        #expect(actions.contains { action in
            if case .delete = action.operation { return action.entity == "CartLine" } else { return false }
        })
        #expect(actions.contains { action in
            guard case .update(let update) = action.operation, action.entity == "Product" else { return false }
            return update.condition.map { "\($0)" }?.contains("inventory_quantity") == true
        })
        // Orders waiting to ship (2%) are read from a sparse index, not a GSI on a 5-value status.
        #expect(model.entityTable(of: "Order")?.indexes.contains { $0.sparse != nil } == true)
    }

    /// Postings have two parents: kept under the account (the statement's key, in time order),
    /// found by transfer through one GSI; a transfer moves the accounts' balances in its transaction.
    @Test func ledgerPostingsLiveUnderTheirAccountInTimeOrder() throws {
        let (requirements, model) = try Self.model("ledger")
        let postings = try #require(model.entityTable(of: "Posting"))
        #expect(postings.partitionKey.name == "account_id")
        #expect(postings.sortKey?.name.hasPrefix("posted_at") == true)
        #expect(postings.indexes.map { $0.partitionKey.map(\.name) } == [["transfer_id"]])
        let post = try #require(requirements.accessPatterns.first { $0.description.hasPrefix("Post a transfer") })
        #expect(Self.actions(try Self.plan(model, post.id)).contains { $0.entity == "Account" })
        // The balance is in AccountsByCustomer's projection: each account the transfer updates
        // also writes that index entry, and the pattern's units count it.
        let accounts = try #require(model.entityTable(of: "Account"))
        let indexWrites = model.mapping(for: post.id)?.indexWriteUnits.filter { $0.tableID == accounts.id && $0.indexID != nil } ?? []
        #expect(indexWrites.map(\.indexID) == accounts.indexes.map(\.id))
        #expect(indexWrites.allSatisfy { ($0.writeUnits ?? 0) > 0 })
        let withPostings = try #require(requirements.accessPatterns.first { $0.description == "Get a transfer with its postings" })
        #expect(try Self.plan(model, withPostings.id).steps.contains { $0.entity == "Posting" && $0.purpose == .related })
    }

    /// A self-referencing many-to-many: the follow table keyed by both users, ordered reads of
    /// one follower from an LSI, the followers through one GSI; a like is unique by its key.
    @Test func socialFollowsAreOneTableWithAnLSIAndOneInvertedIndex() throws {
        let (_, model) = try Self.model("social")
        let follows = try #require(model.entityTable(of: "Follow"))
        #expect(Self.keys(follows) == ["follower_id", "followee_id"])
        #expect(follows.indexes.filter { $0.kind == .local }.map { $0.sortKey.map(\.name) } == [["created_at"]])
        #expect(follows.indexes.filter { $0.kind == .global }.map { $0.partitionKey.map(\.name) } == [["followee_id"]])
        #expect(Self.keys(try #require(model.entityTable(of: "Like"))) == ["post_id", "user_id"])
    }

    /// Issues keyed by project and number, open issues (6%) from a sparse LSI, the dashboard
    /// count from a totals item, and the busiest tenant's stated share in the hot partitions.
    @Test func trackerIssuesOpenIssuesCountsAndTheBusiestTenant() throws {
        let (requirements, model) = try Self.model("tracker")
        let issues = try #require(model.entityTable(of: "Issue"))
        #expect(Self.keys(issues) == ["project_id", "issue_number"])
        #expect(issues.indexes.contains { $0.kind == .local && $0.sparse != nil })
        #expect(!issues.indexes.contains { $0.kind == .global && $0.partitionKey.map(\.name) == ["project_id"] })
        let count = try #require(requirements.accessPatterns.first { $0.description.hasPrefix("Count a project's issues") })
        #expect(model.mapping(for: count.id)?.operation == .getItem)
        #expect(model.tables.contains { $0.totals?.entity == "Issue" })
        // Comments live under their issue, whose identifier is a pair: a concatenated partition
        // key (`project_id#issue_number`), in time order, with no index.
        let comments = try #require(model.entityTable(of: "Comment"))
        #expect(comments.partitionKey.name == "project_id#issue_number")
        #expect(comments.sortKey?.name.hasPrefix("created_at") == true)
        #expect(comments.indexes.isEmpty)
        let file = try #require(requirements.accessPatterns.first { $0.description.hasPrefix("File an issue") })
        #expect(Self.actions(try Self.plan(model, file.id)).contains { $0.entity == "Project" })
    }

    /// Available drivers (5%) from a sparse index; assigning a trip takes the driver only while
    /// the driver has no active trip.
    @Test func ridesAvailableDriversAndAnAssignmentThatCannotDoubleBook() throws {
        let (requirements, model) = try Self.model("rides")
        let drivers = try #require(model.entityTable(of: "Driver"))
        #expect(drivers.indexes.count == 1)
        #expect(drivers.indexes.first?.sparse != nil)
        let assign = try #require(requirements.accessPatterns.first { $0.description == "Assign a driver to a trip" })
        let driverUpdate = Self.actions(try Self.plan(model, assign.id)).first { $0.entity == "Driver" }
        guard case .update(let update)? = driverUpdate?.operation else {
            Issue.record("the assignment does not update the driver")
            return
        }
        #expect(update.condition.map { "\($0)" }?.contains("active_trip_count") == true)
    }
}
