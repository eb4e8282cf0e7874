import Conversation
import Requirements
import RequirementsYAML
import Testing
import TestSupport

/// The requirements ask what a write does to each other entity it lists, and whether a read that
/// sounds like an aggregation is one; the answers are recorded and shown.
@Suite struct EffectsAndAggregateQuestionTests {
    static let yaml = """
    overview:
      domain: shop
      business_context: Users check out carts.
      expected_users: 1k
      peak_rps: 50
    entities:
      - name: Order
        identifier: order_id
        item_count: 10k
        attributes: [order_id:string:36, user_id:string:36, amount:number]
      - name: Product
        identifier: product_id
        item_count: 1k
        attributes: [product_id:string:36, inventory_quantity:number, quantity:number]
    access_patterns:
      - {description: Check out, entities: [Order, Product], type: write, equality: [], items: 1, peak_rps: 5, average_rps: 1, consistency: strong, latency: none, attributes: all}
      - {description: Revenue dashboard of a user, entities: [Order], type: read, equality: [user_id], sort: none, filter: [], items: 1, peak_rps: 5, average_rps: 1, consistency: eventual, latency: none, attributes: all}
      - {description: Get product, entities: [Product], type: read, equality: [product_id], sort: none, filter: [], items: 1, peak_rps: 5, average_rps: 1, consistency: eventual, latency: none, attributes: all}
      - {description: Get order, entities: [Order], type: read, equality: [order_id], sort: none, filter: [], items: 1, peak_rps: 5, average_rps: 1, consistency: eventual, latency: none, attributes: all}
    """

    static func loaded() throws -> Conversation {
        var state = SessionState(name: "shop")
        state.requirements = try RequirementsYAMLLoader.load(yaml: yaml, fileName: "shop.yaml")
        var conversation = Conversation(state: state, clock: FixedClock.now)
        conversation.beginReview()
        return conversation
    }

    @Test func theEffectQuestionIsAskedAndItsCommandAnswersIt() throws {
        var conversation = try Self.loaded()
        let question = try #require(OpenQuestions.questions(in: conversation.state.requirements).first { $0.text.contains("do to Product?") })
        #expect(question.fix.hasPrefix("/edit pattern 1 effects="))
        let reply = conversation.handle("/edit pattern 1 effects=\"Product: update inventory_quantity add -quantity if >= quantity\"").messages.joined(separator: "\n")
        let pattern = try #require(conversation.state.requirements.pattern(1))
        #expect(pattern.effect(on: "Product") == .update(CounterUpdate(attribute: "inventory_quantity", amount: .attribute("quantity", negated: true),
                                                                     condition: CounterCondition(comparison: .greaterOrEqual, operand: .attribute("quantity", negated: false)))), "\(reply)")
        #expect(!OpenQuestions.questions(in: conversation.state.requirements).contains { $0.text.contains("do to Product?") })
        let document = RequirementsDocument.render(conversation.state.requirements, gateStatus: "open")
        #expect(document.contains("Effect on Product: update inventory_quantity add -quantity if >= quantity"), "\(document)")
    }

    @Test func aWrongEffectAnswerSaysWhatIsExpected() throws {
        var conversation = try Self.loaded()
        let before = conversation.state.requirements
        let reply = conversation.handle("/edit pattern 1 effects=\"Product: remove\"").messages.joined(separator: "\n")
        #expect(reply.contains("is not a write effect; use put, delete, check, or update"), "\(reply)")
        #expect(conversation.state.requirements == before)
    }

    @Test func aReadThatSoundsLikeAnAggregationIsAskedAboutAndTheAnswerIsRecorded() throws {
        var conversation = try Self.loaded()
        // The review stops at the aggregation question of pattern 2.
        #expect(conversation.question.text.contains("Pattern 2 (Revenue dashboard of a user) says \"revenue\": does it aggregate"), "\(conversation.question.text)")
        _ = conversation.handle("sum amount per day, analytics only")
        let pattern = try #require(conversation.state.requirements.pattern(2))
        #expect(pattern.aggregate == .aggregate(Aggregation(function: .sum, attribute: "amount", period: .day)))
        #expect(pattern.analyticsOnly == true)
        #expect(!GapFinder.gaps(in: conversation.state.requirements).contains { $0.kind == .aggregationNotStated })
        let document = RequirementsDocument.render(conversation.state.requirements, gateStatus: "open")
        #expect(document.contains("Aggregates: sum amount per day"), "\(document)")
    }

    @Test func noAnswersThatItIsAPlainRead() throws {
        var conversation = try Self.loaded()
        _ = conversation.handle("no")
        #expect(conversation.state.requirements.pattern(2)?.aggregate == AggregateAnswer.none)
    }
}
