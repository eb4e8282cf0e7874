import DesignEngine
import Foundation
import InMemoryDynamoDB
import ModelExecution
import Requirements
import RequirementsYAML
import Testing

/// Writes with effects on the other entities they list (docs/design-engine.md, "Writes that do
/// what the business rule says"), designed and then executed on the in-memory DynamoDB.
@Suite struct WriteEffectsProofTests {
    /// A shop checkout: the order is put with its lines, each line's product loses stock (ADD a
    /// negative quantity, on condition the stock covers it), the user must exist, the cart lines
    /// passed are consumed.
    static func checkout(effects: String = """
            effects:
              OrderLine: put
              Product: {update: inventory_quantity, add: -quantity, condition: ">= quantity"}
              User: check
              CartLine: delete
        """) -> String {
        """
        entities:
          - name: User
            identifier: user_id
            attributes: [user_id:string:36, name:string:30]
          - name: Product
            identifier: product_id
            attributes: [product_id:string:36, title:string:40, inventory_quantity:number]
          - name: Order
            identifier: order_id
            attributes: [order_id:string:36, user_id:string:36, created_at:datetime]
          - name: OrderLine
            identifier: [order_id, line_no]
            attributes: [order_id:string:36, line_no:number, product_id:string:36, quantity:number]
          - name: CartLine
            identifier: [user_id, product_id]
            attributes: [user_id:string:36, product_id:string:36, quantity:number]
        relationships:
          - {parent: User, child: Order, cardinality: avg 5 max 100, child_exists_without_parent: false}
          - {parent: Order, child: OrderLine, cardinality: avg 3 max 20, child_exists_without_parent: false}
          - {parent: Product, child: OrderLine, cardinality: avg 50 max 5000, child_exists_without_parent: false}
          - {parent: User, child: CartLine, cardinality: avg 3 max 20, child_exists_without_parent: false}
        access_patterns:
          - {description: Get user, entities: [User], type: read, equality: [user_id], sort: none, filter: [], items: 1, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Create user, entities: [User], type: write, equality: [], items: 1, peak_rps: 5, average_rps: 1, attributes: all}
          - {description: Get product, entities: [Product], type: read, equality: [product_id], sort: none, filter: [], items: 1, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Create product, entities: [Product], type: write, equality: [], items: 1, peak_rps: 5, average_rps: 1, attributes: all}
          - {description: Get order lines, entities: [OrderLine], type: read, equality: [order_id], sort: none, filter: [], items: avg 3 max 20, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Get order, entities: [Order], type: read, equality: [order_id], sort: none, filter: [], items: 1, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Cart of user, entities: [CartLine], type: read, equality: [user_id], sort: none, filter: [], items: avg 3 max 20, peak_rps: 50, average_rps: 10, consistency: eventual, latency: none, attributes: all}
          - {description: Add to cart, entities: [CartLine], type: write, equality: [], items: 1, peak_rps: 20, average_rps: 5, attributes: all}
          - description: Check out
            entities: [Order, OrderLine, Product, User, CartLine]
            type: write
            equality: []
            items: 1
            peak_rps: 20
            average_rps: 5
            attributes: all
        \(effects)
        """
    }

    static func exercise(_ model: DataModel, _ requirements: Requirements) throws -> [Int: ExecutionReport.PatternResult] {
        let memory = InMemoryDynamoDB()
        var names: [String: String] = [:]
        for table in model.tables {
            names[table.id] = table.name
            _ = try memory.createTable(TableCreation.input(for: table, named: table.name))
        }
        let results = ModelExercise(model: model, requirements: requirements, service: memory, tableNames: names).run()
        return Dictionary(results.map { ($0.patternID, $0) }, uniquingKeysWith: { first, _ in first })
    }

    static func checkoutID(_ requirements: Requirements) throws -> Int {
        try #require(requirements.accessPatterns.first { $0.description == "Check out" }?.id)
    }

    @Test func theCheckoutTransactionCarriesEveryEffect() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.checkout(), fileName: "checkout.yaml")
        let model = DesignEngine.design(requirements)
        let mapping = try #require(model.mappings.first { $0.patternID == (try? Self.checkoutID(requirements)) })
        #expect(mapping.isServedByDynamoDB, "\(mapping.status)")
        guard case .transactWriteItems(let actions)? = mapping.plan?.mainStep?.request else {
            Issue.record("the checkout is not one transaction")
            return
        }
        let byEntity = Dictionary(grouping: actions, by: \.entity)
        #expect(byEntity["Order"]?.map(\.name) == ["Put"])
        #expect(byEntity["OrderLine"]?.map(\.name) == ["Put"])
        #expect(byEntity["User"]?.map(\.name) == ["ConditionCheck"])
        #expect(byEntity["CartLine"]?.map(\.name) == ["Delete"])
        let update = try #require(byEntity["Product"]?.first)
        guard case .update(let request) = update.operation else {
            Issue.record("the product is not updated")
            return
        }
        // One stock decrement per order line, keyed by the line's product.
        #expect(update.repeatedPerInputOf == "OrderLine")
        #expect(request.actions == [.add("inventory_quantity", .negated(.input(entity: "OrderLine", attribute: "quantity")))])
        #expect(request.condition?.attributes.contains("inventory_quantity") == true)
        #expect(request.key.parts.flatMap(\.value.inputs).allSatisfy { $0.entity == "OrderLine" })
    }

    @Test func theCheckoutPassesWhenExecuted() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.checkout(), fileName: "checkout.yaml")
        let model = DesignEngine.design(requirements)
        let results = try Self.exercise(model, requirements)
        for mapping in model.mappings where mapping.isServedByDynamoDB {
            let result = try #require(results[mapping.patternID])
            #expect(result.outcome == .pass, "#\(mapping.patternID) \(mapping.description): \(result.reason ?? "")")
        }
        #expect(results[try Self.checkoutID(requirements)]?.outcome == .pass)
    }

    @Test func anUnstatedEffectOnAnEntityThatIsNotAChildIsNotGuessed() throws {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.checkout(effects: ""), fileName: "checkout.yaml")
        let model = DesignEngine.design(requirements)
        let mapping = try #require(model.mappings.first { $0.patternID == (try? Self.checkoutID(requirements)) })
        guard case .unserved(let reason) = mapping.status else {
            Issue.record("served without knowing what it does to Product, User and CartLine")
            return
        }
        #expect(reason.contains("Product") && reason.contains("not stated"))
        let questions = OpenQuestions.questions(in: requirements).map(\.text)
        for name in ["Product", "User", "CartLine"] {
            #expect(questions.contains { $0.contains("do to \(name)?") }, "no question about \(name)")
        }
        #expect(!questions.contains { $0.contains("do to OrderLine?") }, "a child created with the order is put by default")
    }

    /// The checkout's result after one action of its transaction, the one on `entity`, is
    /// replaced by what `breaking` returns (nil when the plan has no such action).
    static func checkoutResult(breaking entity: String, _ breaking: (TransactAction.Operation) -> TransactAction.Operation?) throws -> ExecutionReport.PatternResult? {
        let requirements = try RequirementsYAMLLoader.load(yaml: Self.checkout(), fileName: "checkout.yaml")
        var model = DesignEngine.design(requirements)
        let id = try Self.checkoutID(requirements)
        let index = try #require(model.mappings.firstIndex { $0.patternID == id })
        var plan = try #require(model.mappings[index].plan)
        let step = try #require(plan.mainStepIndex)
        guard case .transactWriteItems(var actions) = plan.steps[step].request, let position = actions.firstIndex(where: { $0.entity == entity }),
              let broken = breaking(actions[position].operation) else { return nil }
        actions[position].operation = broken
        plan.steps[step].request = .transactWriteItems(actions)
        model.mappings[index].plan = plan
        return try Self.exercise(model, requirements)[id]
    }

    /// A counter broken on purpose (adds the quantity instead of subtracting it) is caught.
    @Test func aCounterMovedTheWrongWayIsCaught() throws {
        let result = try #require(try Self.checkoutResult(breaking: "Product") { operation in
            guard case .update(var update) = operation else { return nil }
            update.actions = [.add("inventory_quantity", .input(entity: "OrderLine", attribute: "quantity"))]
            return .update(update)
        }, "no product update")
        #expect(result.outcome == .fail)
        #expect(result.reason?.contains("inventory_quantity") == true, "\(result.reason ?? "")")
    }

    /// A check dropped from the plan lets a checkout for a user who does not exist through.
    @Test func aMissingConditionCheckIsCaught() throws {
        let result = try #require(try Self.checkoutResult(breaking: "User") { operation in
            guard case .conditionCheck(var check) = operation else { return nil }
            check.condition = .attributeNotExists("no_such_attribute")
            return .conditionCheck(check)
        }, "no user check")
        #expect(result.outcome == .fail)
    }

    /// A check that writes: the user is updated instead of checked. A missing user is still
    /// refused (the update keeps the condition), so only the check that the item is left
    /// unchanged catches it.
    @Test func aCheckThatChangesTheItemIsCaught() throws {
        let result = try #require(try Self.checkoutResult(breaking: "User") { operation in
            guard case .conditionCheck(let check) = operation else { return nil }
            return .update(UpdateRequest(tableID: check.tableID, key: check.key, actions: [.set("name", .literal("renamed by a check"))], condition: check.condition))
        }, "no user check")
        #expect(result.outcome == .fail)
        #expect(result.reason?.contains("changed, though the write only checks it") == true, "\(result.reason ?? "")")
    }
}
