import Conversation
import Requirements
import Testing
import TestSupport

/// Drives the guided flow line by line, as the terminal would, and checks state and replies.
@Suite struct ConversationFlowTests {
    static func fresh() -> Conversation {
        Conversation(state: SessionState(name: "shop"), clock: FixedClock.now)
    }

    static func play(_ lines: [String], on conversation: inout Conversation) -> [ConversationReply] {
        lines.map { conversation.handle($0) }
    }

    @Test func theShopTranscriptCapturesEverythingAndPassesTheGate() {
        var conversation = Self.fresh()
        let replies = Self.play(SampleTranscripts.shop, on: &conversation)
        let requirements = conversation.state.requirements
        #expect(requirements.overview.domain == "e-commerce")
        #expect(requirements.overview.expectedUsers == .known(50_000))
        #expect(requirements.entities.map(\.name) == ["User", "Order"])
        #expect(requirements.entity(named: "User")?.uniqueGroups == [["email"]])
        #expect(requirements.entity(named: "User")?.owner == "accounts")
        #expect(requirements.entity(named: "Order")?.owner == nil)
        #expect(requirements.entity(named: "User")?.retention == .forever, "forever is an answer")
        #expect(requirements.entity(named: "Order")?.retention == .forever, "Enter keeps the items until deleted")
        #expect(requirements.relationships == [Relationship(parent: "User", child: "Order", cardinality: .known(Cardinality(average: 5, maximum: 1000)), childExistsWithoutParent: false)])
        #expect(requirements.accessPatterns.count == 4)
        let orders = requirements.pattern(4)
        #expect(orders?.sort == .attribute(SortRequirement(attribute: "created_at", direction: .descending)))
        #expect(orders?.expectedItems == .known(ItemCount(average: 5, maximum: 1000)))
        #expect(orders?.attributes == .only(["order_id", "status", "total", "created_at"]))
        #expect(requirements.pattern(1)?.consistency == nil, "writes are not asked about read consistency")
        #expect(conversation.state.gates.requirements.passedAt == FixedClock.time)
        #expect(conversation.state.step == .designReview(table: "User"), "the design review starts with the first table")
        #expect(replies.allSatisfy { $0.changed }, "every accepted answer changes the session and is saved")
        #expect(replies.last?.messages.first == "Requirements confirmed and recorded at \(FixedClock.time).")
    }

    @Test(arguments: [
        (3, "lots", "The number of users must be a number such as 500, 1,200 or 2.5k, or \"unknown\"."),
        (6, "user_id", "\"user_id\" should be name:type or name:type:size, such as email:string:40."),
        (7, "id", "The identifier id is not an attribute of User; its attributes are user_id, email, name, created_at."),
        (10, "a while", "Give the retention of User as a number of days, such as 30 days from created_at, or forever."),
        (10, "30 days from name", "The retention of User counts from name, a string: it must be a date, datetime or number (epoch seconds) attribute that is migrated."),
        (18, "User => Order", "Write the relationship as Parent -> Child (such as User -> Order) or A <-> B for many-to-many, or type done."),
        (18, "User -> Invoice", "There is no entity named Invoice (entities: User, Order)."),
        (19, "about five", "Give the children per parent as \"avg 5 max 1000\" (or \"avg 5 max unbounded\"), or \"unknown\"."),
        (20, "maybe", "Answer yes or no."),
    ])
    func aBadAnswerGetsOneLineAndTheSameQuestionAgain(position: Int, badAnswer: String, message: String) {
        var conversation = Self.fresh()
        _ = Self.play(Array(SampleTranscripts.shop.prefix(position - 1)), on: &conversation)
        let before = conversation.state
        let question = conversation.question
        let reply = conversation.handle(badAnswer)
        #expect(reply.messages == [message])
        #expect(!reply.changed)
        #expect(conversation.state == before, "nothing captured is lost or changed")
        #expect(conversation.question == question)
    }

    @Test func unknownRPSKeepsThePatternPendingAndTheGateClosed() {
        var conversation = Self.fresh()
        var script = SampleTranscripts.shop
        let peakIndex = script.firstIndex(of: "500")!
        script[peakIndex] = "unknown"
        script.removeLast()  // the "yes"
        _ = Self.play(script, on: &conversation)
        #expect(conversation.state.requirements.pattern(2)?.peakRPS == .unknown)
        #expect(conversation.state.requirements.pattern(2)?.status == .pending)
        // The review asks for the number; "later" postpones it and the gate lists it.
        #expect(conversation.state.step == .gapReview(gap: "pattern-2:rps"))
        #expect(conversation.question.text.contains("Peak requests per second for pattern 2?"))
        _ = conversation.handle("later")
        #expect(conversation.state.step == .requirementsGate)
        #expect(conversation.question.text.contains("fix: /edit pattern 2 peak=N avg=N"))
        let refused = conversation.handle("yes")
        #expect(refused.messages == ["The gate cannot pass while 1 checklist item fails: fix them with the commands shown."])
        #expect(!conversation.state.gates.requirements.isPassed)
        _ = conversation.handle("/edit pattern 2 peak=500")
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.requirements.isPassed)
    }

    @Test func theGateNeedsYesInFull() {
        var conversation = Self.fresh()
        _ = Self.play(Array(SampleTranscripts.shop.dropLast()), on: &conversation)
        #expect(conversation.state.step == .requirementsGate)
        let reply = conversation.handle("y")
        #expect(reply.messages == ["Type yes in full to pass the gate, or no to keep adding patterns."])
        #expect(!conversation.state.gates.requirements.isPassed)
        _ = conversation.handle("no")
        #expect(conversation.state.step == .patternDescription)
    }

    @Test func editingAfterTheGateReopensIt() {
        var conversation = Self.fresh()
        _ = Self.play(SampleTranscripts.shop, on: &conversation)
        let reply = conversation.handle("/edit pattern 2 peak=800")
        #expect(reply.messages.last == "The requirements changed, so the requirements gate is open again (and the design and contract gates after it).")
        #expect(!conversation.state.gates.requirements.isPassed)
        #expect(conversation.state.step == .requirementsGate)
        #expect(conversation.state.requirements.pattern(2)?.peakRPS == .known(800))
    }

    @Test func readOnlyCommandsDoNotReopenTheGate() {
        var conversation = Self.fresh()
        _ = Self.play(SampleTranscripts.shop, on: &conversation)
        for command in ["/show", "/show pattern 2", "/status", "/help", "/show requirements"] {
            let reply = conversation.handle(command)
            #expect(!reply.changed, "\(command) changed the session")
        }
        #expect(conversation.state.gates.requirements.isPassed)
    }

    @Test func backReturnsToThePreviousQuestionAndTheNewAnswerWins() {
        var conversation = Self.fresh()
        _ = Self.play(["retail", "context"], on: &conversation)
        #expect(conversation.state.step == .overviewUsers)
        _ = conversation.handle("/back")
        #expect(conversation.state.step == .overviewContext)
        #expect(conversation.question.currentAnswer == "context")
        _ = conversation.handle("Stock never goes negative.")
        #expect(conversation.state.requirements.overview.businessContext == "Stock never goes negative.")
        #expect(conversation.state.step == .overviewUsers)
    }

    @Test func anEditWalkKeepsValuesOnEnterAndReturnsWhereItStarted() {
        var conversation = Self.fresh()
        _ = Self.play(SampleTranscripts.shop, on: &conversation)
        _ = conversation.handle("/edit pattern 2")
        #expect(conversation.state.step == .patternField(pattern: 2, field: .entities))
        #expect(conversation.question.currentAnswer == "User")
        // Keep everything but the peak.
        for _ in 0..<6 { _ = conversation.handle("") }
        #expect(conversation.state.step == .patternField(pattern: 2, field: .peak))
        _ = conversation.handle("900")
        for _ in 0..<4 { _ = conversation.handle("") }
        let pattern = conversation.state.requirements.pattern(2)
        #expect(pattern?.peakRPS == .known(900))
        #expect(pattern?.averageRPS == .known(200))
        #expect(pattern?.latency == "<50ms")
        #expect(conversation.state.step == .requirementsGate, "returns to the (re-opened) gate")
    }

    @Test func oneLineCommandsCaptureWholeItems() {
        var conversation = Self.fresh()
        let lines = [
            "/overview domain=retail context=\"Stock never negative\" users=10k peak=300",
            "/entity Product attributes=sku:string:12,name:string:40,price:number identifier=sku owner=catalog",
            "/entity Review attributes=review_id:string:36,sku:string:12,stars:number,created_at:datetime identifier=review_id",
            "/relationship Product -> Review cardinality=\"avg 20 max unbounded\" child_without_parent=no",
            "/pattern \"Reviews of a product, newest first\" entities=Review type=read eq=sku sort=\"created_at desc\" filter=stars items=\"avg 20 max 100\" peak=200 avg=80 consistency=eventual latency=<100ms attributes=all",
        ]
        let replies = Self.play(lines, on: &conversation)
        #expect(replies.map(\.messages) == [
            ["Overview updated."],
            ["Added entity Product with 3 attributes."],
            ["Added entity Review with 4 attributes."],
            ["Added relationship Product -> Review."],
            ["Added pattern 1 (✅)."],
        ])
        let pattern = conversation.state.requirements.pattern(1)
        #expect(pattern?.filterAttributes == ["stars"])
        #expect(pattern?.expectedItems == .known(ItemCount(average: 20, maximum: 100)))
        #expect(conversation.state.requirements.relationships.first?.cardinality == .known(Cardinality(average: 20, maximum: nil)))
        #expect(conversation.state.step == .overviewDomain, "one-line commands do not move the guided question")
        let bad = conversation.handle("/pattern \"x\" peek=5")
        #expect(bad.messages == ["peek is not a pattern field; use: description, entities, type, eq, sort, filter, items, peak, avg, consistency, latency, attributes, not_search, effects, aggregate, analytics_only."])
        #expect(!bad.changed)
    }

    @Test func theGateListsGapsWithTheCommandThatFixesThem() {
        var conversation = Self.fresh()
        let setup = [
            "/overview domain=shop context=c users=1k peak=100",
            "/entity User attributes=user_id:string,email:string identifier=user_id",
            "/pattern \"Get user\" entities=User type=read eq=user_id sort=none filter=none items=1 peak=10 avg=5 consistency=eventual latency=none attributes=all",
        ]
        _ = Self.play(setup, on: &conversation)
        _ = conversation.handle("/gate")
        #expect(conversation.state.step == .requirementsGate)
        #expect(conversation.question.text.contains("User is read by pattern 1 but no pattern creates a User."))
        #expect(conversation.question.text.contains("fix: /pattern \"Create User\" entities=User type=write ..., or accept with a reason"))
    }

    @Test func theGapReviewAddsTheMissingPatternAndComesBack() {
        var conversation = Self.fresh()
        var script = SampleTranscripts.shop
        // Drop the "Create a user" pattern (its description and 8 answers).
        let start = script.firstIndex(of: "Create a user")!
        script.removeSubrange(start..<(start + 9))
        script.removeLast()
        _ = Self.play(script, on: &conversation)
        #expect(conversation.state.step == .gapReview(gap: "no-create:User"))
        #expect(conversation.question.text.hasPrefix("User is read by pattern 1 but no pattern creates a User."))
        _ = Self.play(["yes", "Sign up", "User", "write", "none", "1", "20", "5", "none", "all"], on: &conversation)
        #expect(conversation.state.requirements.pattern(4)?.type == .write)
        #expect(conversation.state.step == .requirementsGate)
        _ = conversation.handle("yes")
        #expect(conversation.state.gates.requirements.isPassed)
    }

    @Test func aSearchSoundingPatternIsMarkedFromTheReview() {
        var conversation = Self.fresh()
        var script = SampleTranscripts.shop
        script.removeLast(2)  // "done", "yes"
        script += ["Search orders by keyword", "Order", "read", "none", "none", "status", "avg 10 max 50", "20", "5", "eventual", "<1s", "all", "done"]
        _ = Self.play(script, on: &conversation)
        #expect(conversation.state.step == .gapReview(gap: "pattern-5:search"))
        _ = conversation.handle("yes")
        #expect(conversation.state.requirements.pattern(5)?.status == .needsSearchService)
        #expect(conversation.state.step == .requirementsGate)
    }

    @Test func aSecondAcceptableGapCanBeAcceptedWithAReason() {
        var conversation = Self.fresh()
        var script = SampleTranscripts.shop
        let start = script.firstIndex(of: "Place an order")!
        script.removeSubrange(start..<(start + 9))
        script.removeLast()
        _ = Self.play(script, on: &conversation)
        #expect(conversation.state.step == .gapReview(gap: "no-create:Order"))
        let reply = conversation.handle("accept orders are written by the checkout service")
        #expect(reply.messages == ["Accepted; the reason is recorded in the requirements."])
        #expect(conversation.state.requirements.acceptedGaps == [AcceptedGap(gapID: "no-create:Order", reason: "orders are written by the checkout service")])
        #expect(conversation.state.step == .requirementsGate)
    }

    @Test func deletingIsCheckedAndReported() {
        var conversation = Self.fresh()
        _ = Self.play(SampleTranscripts.shop, on: &conversation)
        #expect(conversation.handle("/delete entity Order").messages.first == "Order is used by patterns 3, 4: edit or delete them first.")
        #expect(conversation.handle("/delete pattern 9").messages == ["There is no pattern 9 (patterns: 1, 2, 3, 4)."])
        #expect(conversation.handle("/delete pattern 4").messages.first == "Deleted pattern 4 (Get a user's orders, newest first).")
        #expect(conversation.handle("/delete relationship User -> Order").messages.first == "Deleted relationship User -> Order.")
    }

    @Test func showAndStatusDescribeTheSession() {
        var conversation = Self.fresh()
        _ = Self.play(SampleTranscripts.shop, on: &conversation)
        let pattern = conversation.handle("/show pattern 4").messages.joined()
        #expect(pattern.contains("Pattern 4 ✅: Get a user's orders, newest first"))
        #expect(pattern.contains("sort: created_at desc"))
        let entity = conversation.handle("/show entity user").messages.joined()
        #expect(entity.contains("unique: email"))
        let status = conversation.handle("/status").messages.joined()
        #expect(status.contains("Gates: requirements passed \(FixedClock.time); design open; contract open"))
        #expect(status.contains("Access patterns: 4 (0 missing RPS)"))
        #expect(conversation.handle("/show entity Invoice").messages == ["There is no entity named Invoice (entities: User, Order)."])
        #expect(conversation.handle("/frobnicate").messages == ["/frobnicate is not a command; /help lists them."])
        #expect(conversation.handle("/quit").quit)
    }

    @Test func completionOffersCommandsEntitiesAndAttributes() {
        var conversation = Self.fresh()
        _ = Self.play(SampleTranscripts.shop, on: &conversation)
        #expect(conversation.completions(for: "/he") == ["/help"])
        #expect(conversation.completions(for: "/show entity U") == ["User"])
        #expect(conversation.completions(for: "/edit pattern ") == ["1", "2", "3", "4"])
        #expect(conversation.completions(for: "cre") == ["created_at"])
        #expect(conversation.completions(for: "/pattern \"x\" eq=us") == ["eq=user_id"])
    }
}
