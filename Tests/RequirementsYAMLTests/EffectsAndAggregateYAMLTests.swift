import Requirements
import RequirementsYAML
import Testing

/// The `effects`, `aggregate` and `analytics_only` keys of an access pattern.
@Suite struct EffectsAndAggregateYAMLTests {
    static func shop(_ checkout: String, read: String = "") -> String {
        """
        entities:
          - name: Order
            identifier: order_id
            attributes: [order_id:string, user_id:string, amount:number, created_at:datetime]
          - name: Product
            identifier: product_id
            attributes: [product_id:string, title:string, inventory_quantity:number, quantity:number]
          - name: User
            identifier: user_id
            attributes: [user_id:string]
        access_patterns:
          - description: Check out
            entities: [Order, Product, User]
            type: write
            peak_rps: 10
            average_rps: 5
        \(checkout)
        \(read)
        """
    }

    @Test func effectsInBothFormsAreRead() throws {
        let requirements = try loadYAML(Self.shop("""
                effects:
                  Product: {update: inventory_quantity, add: -quantity, condition: ">= quantity"}
                  User: check
            """))
        let pattern = try #require(requirements.accessPatterns.first)
        #expect(pattern.effects == [
            EntityWriteEffect(entity: "Product", effect: .update(CounterUpdate(attribute: "inventory_quantity", amount: .attribute("quantity", negated: true),
                                                                             condition: CounterCondition(comparison: .greaterOrEqual, operand: .attribute("quantity", negated: false))))),
            EntityWriteEffect(entity: "User", effect: .check),
        ])
        let text = try loadYAML(Self.shop("""
                effects: {Product: "update inventory_quantity add 1", User: check}
            """))
        #expect(text.accessPatterns.first?.effect(on: "Product") == .update(CounterUpdate(attribute: "inventory_quantity", amount: .number(1))))
    }

    @Test(arguments: [
        ("effects: [Product]", "'effects' in access pattern 1 must be a mapping from entity names to put, delete, check or {update, add, condition}, found a list"),
        ("effects: {Product: remove}", "\"remove\" is not a write effect"),
        ("effects: {Product: {update: inventory_quantity}}", "needs update (the number attribute) and add"),
        ("effects: {Product: {update: inventory_quantity, add: 1, condition: \"~ 3\"}}", "\"~ 3\" is not a condition"),
        ("effects: {Product: {update: title, add: 1}}", "Product.title is string; an effect adds to a number attribute."),
        ("effects: {Order: check}", "An effect on Order needs Order among the pattern's entities after the first"),
        ("effects: {Product: {update: inventory_quantity, add: -nothing}}", "nothing is not an attribute of Order, Product, User"),
    ])
    func badEffectsAreReportedWhereTheyAre(_ yaml: String, _ expected: String) {
        let found = problems(in: Self.shop("    " + yaml)).joined(separator: "\n")
        #expect(found.contains(expected), "\(found)")
    }

    @Test func anAggregateInBothFormsAndTheAnalyticsFlagAreRead() throws {
        let read = """
              - {description: Revenue per day, entities: [Order], type: read, equality: [user_id], items: 1, peak_rps: 10, average_rps: 5, aggregate: sum amount per day, analytics_only: true}
              - {description: Orders count, entities: [Order], type: read, equality: [user_id], items: 1, peak_rps: 10, average_rps: 5, aggregate: {function: count}}
              - {description: Order totals listing, entities: [Order], type: read, equality: [user_id], items: 1, peak_rps: 10, average_rps: 5, aggregate: none}
            """
        let requirements = try loadYAML(Self.shop("    effects: {Product: check, User: check}", read: read))
        #expect(requirements.accessPatterns[1].aggregate == .aggregate(Aggregation(function: .sum, attribute: "amount", period: .day)))
        #expect(requirements.accessPatterns[1].analyticsOnly == true)
        #expect(requirements.accessPatterns[2].aggregate == .aggregate(Aggregation(function: .count)))
        #expect(requirements.accessPatterns[3].aggregate == AggregateAnswer.none)
        // Answered, so none of them is asked about again.
        #expect(!GapFinder.gaps(in: requirements).contains { $0.kind == .aggregationNotStated })
    }

    @Test(arguments: [
        ("aggregate: median amount", "\"median amount\" is not an aggregation"),
        ("aggregate: sum", "sum needs the number attribute it aggregates"),
        ("aggregate: {function: sum, attribute: amount, period: week}", "'week' is not a period; use none, hour, day or month"),
        ("aggregate: {function: avg, attribute: created_at}", "Order.created_at is datetime; avg needs a number attribute."),
        ("aggregate: {attribute: amount}", "needs a function (count, sum, avg, min or max)"),
        ("analytics_only: maybe", "'analytics_only' in access pattern 2 must be true or false"),
    ])
    func badAggregatesAreReported(_ yaml: String, _ expected: String) {
        let read = """
              - description: Revenue
                entities: [Order]
                type: read
                equality: [user_id]
                peak_rps: 10
                average_rps: 5
                \(yaml)
            """
        let found = problems(in: Self.shop("    effects: {Product: check, User: check}", read: read)).joined(separator: "\n")
        #expect(found.contains(expected), "\(found)")
    }
}
