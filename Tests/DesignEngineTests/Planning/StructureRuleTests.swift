import DesignEngine
import ModelExecution
import Requirements
import Testing

/// The structure rules (docs/design-engine.md, sections 1–5): index economy, keys that make
/// indexes and lookup tables unnecessary, and the placement of children with several parents.
/// Each model is also proven: every pattern it serves runs on the in-memory DynamoDB.
@Suite struct StructureRuleTests {
    /// Designs and proves; every served pattern must pass when executed.
    static func proven(_ yaml: String, unserved: Int = 0) throws -> DataModel {
        let model = ProvenDesign.design(try YAMLRequirements.load(yaml))
        let proof = try #require(model.proof)
        #expect(proof.failures.isEmpty, "\(proof.failures.map { "#\($0.patternID): \($0.reason)" })")
        #expect(proof.executed > 0)
        #expect(model.brokenPatterns.count == unserved, "\(model.brokenPatterns.map(\.status))")
        return model
    }

    /// No GSI keyed by its table's partition key, and no two indexes of a table on one partition key.
    static func expectIndexEconomy(_ model: DataModel) {
        for table in model.tables {
            for index in table.indexes where index.kind == .global {
                #expect(index.partitionKey.map(\.name) != [table.partitionKey.name], "\(index.id) is keyed like \(table.id)")
            }
            let keys = table.indexes.filter { $0.kind == .global }.map { $0.partitionKey.map(\.name) }
            #expect(Set(keys).count == keys.count, "\(table.id): \(keys)")
        }
    }

    // MARK: Index economy: reuse before adding

    static let orders = """
    entities:
      - name: User
        identifier: user_id
        attributes: [user_id:string:36, name:string:30]
      - name: Order
        identifier: order_id
        attributes: [order_id:string:36, user_id:string:36, status:string:10, total:number, created_at:datetime]
    relationships:
      - parent: User
        child: Order
        cardinality: avg 5 max 100
    access_patterns:

    """

    @Test(arguments: [false, true])
    func aReadWithNoOrderUsesTheIndexAnOrderedReadByTheSameKeyNeeds(orderedFirst: Bool) throws {
        let unordered = YAMLRequirements.read("Order statuses of a user", "Order", equality: "user_id", items: 5, attributes: "[status]")
        let ordered = YAMLRequirements.read("Recent orders of a user", "Order", equality: "user_id", sort: "created_at desc", items: 5, attributes: "[total]")
        let model = try Self.proven(Self.orders + (orderedFirst ? ordered + unordered : unordered + ordered))
        let table = try #require(model.table(id: "Order"))
        #expect(table.indexes.count == 1)
        let index = try #require(table.indexes.first)
        #expect(index.partitionKey.map(\.name) == ["user_id"])
        #expect(index.sortKey.map(\.name) == ["created_at"])
        #expect(index.patternIDs == [1, 2])
        // The projection is widened for both reads rather than adding an index.
        #expect(index.projection == .include(["status", "total"]))
        #expect(model.mapping(for: 1)?.indexID == index.id)
        #expect(model.mapping(for: 2)?.indexID == index.id)
        Self.expectIndexEconomy(model)
    }

    @Test func twoOrdersOnOneKeyKeepTwoIndexesAndTheUnorderedReadTakesOneOfThemWhateverThePatternOrder() throws {
        let byDate = YAMLRequirements.read("Recent orders", "Order", equality: "user_id", sort: "created_at desc", items: 5)
        let byTotal = YAMLRequirements.read("Largest orders", "Order", equality: "user_id", sort: "total desc", items: 5)
        let any = YAMLRequirements.read("Orders of a user", "Order", equality: "user_id", items: 5)
        let first = try Self.proven(Self.orders + any + byDate + byTotal)
        let second = try Self.proven(Self.orders + byTotal + byDate + any)
        for model in [first, second] {
            let table = try #require(model.table(id: "Order"))
            #expect(Set(table.indexes.map { $0.sortKey.map(\.name) }) == [["created_at"], ["total"]])
            // Both orders are used; the unordered read takes the index sorted by created_at (sort-key names in order).
            #expect(table.indexes.allSatisfy { !$0.patternIDs.isEmpty })
        }
        let unorderedFirst = try #require(first.mapping(for: 1)?.indexID)
        let unorderedLast = try #require(second.mapping(for: 3)?.indexID)
        #expect(first.table(id: "Order")?.indexes.first { $0.id == unorderedFirst }?.sortKey.map(\.name) == ["created_at"])
        #expect(second.table(id: "Order")?.indexes.first { $0.id == unorderedLast }?.sortKey.map(\.name) == ["created_at"])
    }

    // MARK: Never a GSI on the table's own partition key

    static let messages = """
    entities:
      - name: Room
        identifier: room_id
        attributes: [room_id:string:36, title:string:30]
      - name: Message
        identifier: [room_id, message_id]
        attributes: [room_id:string:36, message_id:string:36, sent_at:datetime, body:string:200]
    relationships:
      - parent: Room
        child: Message
        cardinality: avg 50 max 1000
        child_exists_without_parent: false
    access_patterns:

    """

    @Test func aReadInAnotherOrderWithinAPartitionOrdersTheTablesSortKey() throws {
        let model = try Self.proven(Self.messages
            + YAMLRequirements.read("Messages of a room, newest first", "Message", equality: "room_id", sort: "sent_at desc", items: 20)
            + YAMLRequirements.write("Post a message", "Message"))
        let table = try #require(model.table(id: "Message"))
        #expect(table.partitionKey.name == "room_id")
        #expect(table.sortKey?.name == "sent_at#message_id")
        #expect(table.indexes.isEmpty)
        let read = try #require(model.mapping(for: 1))
        #expect(read.operation == .query)
        #expect(read.indexID == nil)
        let decision = try #require(model.decisions.first { $0.id == "sort-key:Message" })
        #expect(decision.alternativesConsidered.contains { $0.contains("LSI") && $0.contains("table creation") })
        #expect(decision.alternativesConsidered.contains { $0.hasPrefix("GSI") && $0.contains("rejected") })
        Self.expectIndexEconomy(model)
    }

    @Test func whenAPatternNeedsTheSortKeyAsItIsTheOrderComesFromAnLSINotAGSI() throws {
        let model = try Self.proven(Self.messages
            + YAMLRequirements.read("Messages of a room, newest first", "Message", equality: "room_id", sort: "sent_at desc", items: 20)
            + YAMLRequirements.read("One message", "Message", equality: "room_id, message_id")
            + YAMLRequirements.write("Post a message", "Message"))
        let table = try #require(model.table(id: "Message"))
        #expect(table.sortKey?.name == "message_id")
        #expect(table.indexes.count == 1)
        let index = try #require(table.indexes.first)
        #expect(index.kind == .local)
        #expect(index.sortKey.map(\.name) == ["sent_at"])
        #expect(model.mapping(for: 1)?.indexID == index.id)
        #expect(model.mapping(for: 2)?.operation == .getItem)
        let decision = try #require(model.decisions.first { $0.id == "index:Message.\(index.id)" })
        #expect(decision.tradeOffs.contains { $0.contains("only from table creation") })
        #expect(!model.decisions.contains { $0.id == "sort-key:Message" })
        Self.expectIndexEconomy(model)
    }

    @Test func aNumberDoesNotLeadAConcatenatedSortKey() throws {
        // "10" sorts before "9" as text: a number cannot order a concatenated key.
        let model = try Self.proven(Self.messages.replacingOccurrences(of: "body:string:200", with: "body:string:200, score:number")
            + YAMLRequirements.read("Top messages of a room", "Message", equality: "room_id", sort: "score desc", items: 20))
        let table = try #require(model.table(id: "Message"))
        #expect(table.sortKey?.name == "message_id")
        #expect(table.indexes.map(\.kind) == [.local])
        Self.expectIndexEconomy(model)
    }

    @Test func aTableTakesAtMostFiveLSIsAndTheNextOrderedReadSaysWhy() throws {
        let times = (1...7).map { "t\($0)" }
        var yaml = Self.messages.replacingOccurrences(of: "body:string:200", with: "body:string:200, " + times.map { "\($0):datetime" }.joined(separator: ", "))
        for (offset, name) in times.enumerated() {
            // t1 is the busiest: it leads the sort key; t2…t6 get LSIs; t7 finds the limit.
            yaml += YAMLRequirements.read("Messages by \(name)", "Message", equality: "room_id", sort: "\(name) desc", items: 20, average: Double(70 - offset))
        }
        let model = try Self.proven(yaml, unserved: 1)
        let table = try #require(model.table(id: "Message"))
        #expect(table.sortKey?.name == "t1#message_id")
        #expect(table.indexes.map(\.kind) == Array(repeating: IndexKind.local, count: 5))
        guard case .unserved(let reason)? = model.mapping(for: 7)?.status else {
            Issue.record("expected #7 unserved, got \(String(describing: model.mapping(for: 7)?.status))")
            return
        }
        #expect(reason.contains("already has 5"))
        Self.expectIndexEconomy(model)
    }

    // MARK: Many-to-many

    @Test func aJoinEntityIsOneTableKeyedByBothParentsWithOneInvertedIndex() throws {
        let model = try Self.proven("""
        entities:
          - name: Film
            identifier: film_id
            attributes: [film_id:string:36, title:string:40]
          - name: Actor
            identifier: actor_id
            attributes: [actor_id:string:36, name:string:30]
          - name: FilmActor
            identifier: [film_id, actor_id]
            attributes: [film_id:string:36, actor_id:string:36, last_update:datetime]
        relationships:
          - parent: Film
            child: FilmActor
            cardinality: avg 5 max 50
            child_exists_without_parent: false
          - parent: Actor
            child: FilmActor
            cardinality: avg 20 max 500
            child_exists_without_parent: false
        access_patterns:
        \(YAMLRequirements.read("Actors of a film", "FilmActor", equality: "film_id", items: 5))\
        \(YAMLRequirements.read("Films of an actor", "FilmActor", equality: "actor_id", items: 20))\
        \(YAMLRequirements.write("Add an actor to a film", "FilmActor"))\
        \(YAMLRequirements.write("Remove an actor from a film", "FilmActor", type: "delete", equality: "film_id, actor_id"))
        """)
        let table = try #require(model.table(id: "FilmActor"))
        #expect(table.partitionKey.name == "film_id")
        #expect(table.sortKey?.name == "actor_id")
        #expect(table.indexes.count == 1)
        let inverted = try #require(table.indexes.first)
        #expect(inverted.partitionKey.map(\.name) == ["actor_id"])
        #expect(inverted.sortKey.map(\.name) == ["film_id"])
        #expect(model.mapping(for: 1)?.indexID == nil)
        #expect(model.mapping(for: 2)?.indexID == inverted.id)
        #expect(model.mapping(for: 4)?.operation == .deleteItem)
        // One placement decision for the join entity.
        #expect(model.decisions.filter { Self.isPlacement($0.id, of: "FilmActor") }.count == 1)
        Self.expectIndexEconomy(model)
    }

    @Test func aSelfJoinIsKeyedByThePartTheReadsKnowMost() throws {
        let model = try Self.proven("""
        entities:
          - name: UserFollow
            identifier: [follower_id, followee_id]
            attributes: [follower_id:string:36, followee_id:string:36, created_at:datetime]
        access_patterns:
        \(YAMLRequirements.read("Who a user follows", "UserFollow", equality: "follower_id", items: 50, peak: 20, average: 10))\
        \(YAMLRequirements.read("Followers of a user", "UserFollow", equality: "followee_id", items: 50, peak: 200, average: 100))\
        \(YAMLRequirements.read("Does a follow b", "UserFollow", equality: "follower_id, followee_id"))
        """)
        let table = try #require(model.table(id: "UserFollow"))
        #expect(table.partitionKey.name == "followee_id")
        #expect(table.sortKey?.name == "follower_id")
        #expect(table.indexes.map { $0.partitionKey.map(\.name) + $0.sortKey.map(\.name) } == [["follower_id", "followee_id"]])
        #expect(model.mapping(for: 3)?.operation == .getItem)
    }

    // MARK: Uniqueness by key

    @Test func aUniqueGroupEqualToTheKeyInAnyOrderNeedsNoLookupTable() throws {
        let model = try Self.proven("""
        entities:
          - name: Membership
            identifier: [team_id, user_id]
            unique: [[user_id, team_id]]
            attributes: [team_id:string:36, user_id:string:36, role:string:10]
        access_patterns:
        \(YAMLRequirements.read("Members of a team", "Membership", equality: "team_id", items: 10))\
        \(YAMLRequirements.write("Add a member", "Membership"))
        """)
        #expect(model.tables.map(\.id) == ["Membership"])
        #expect(model.mapping(for: 2)?.operation == .putItem)
        let decision = try #require(model.decisions.first { $0.id.hasPrefix("unique:Membership.") })
        #expect(decision.chosenApproach.contains("primary key"))
    }

    static func cart(extraPatterns: String = "") -> String {
        """
        entities:
          - name: User
            identifier: user_id
            attributes: [user_id:string:36, name:string:30]
          - name: Product
            identifier: product_id
            attributes: [product_id:string:36, title:string:40]
          - name: CartItem
            identifier: cart_item_id
            unique: [[user_id, product_id]]
            attributes: [cart_item_id:string:36, user_id:string:36, product_id:string:36, quantity:number]
        relationships:
          - parent: User
            child: CartItem
            cardinality: avg 3 max 50
            child_exists_without_parent: false
          - parent: Product
            child: CartItem
            cardinality: avg 10 max unbounded
            child_exists_without_parent: false
        access_patterns:
        \(YAMLRequirements.read("Cart of a user", "CartItem", equality: "user_id", items: 3))\
        \(YAMLRequirements.write("Add to cart", "CartItem"))\
        \(YAMLRequirements.write("Change quantity", "CartItem", type: "update", equality: "user_id, product_id", attributes: "[quantity]"))\
        \(YAMLRequirements.write("Remove from cart", "CartItem", type: "delete", equality: "user_id, product_id"))\
        \(extraPatterns)
        """
    }

    @Test func aUniqueGroupLedByTheParentsKeyBecomesTheKeyAndWritesAreSingleItems() throws {
        let model = try Self.proven(Self.cart())
        #expect(model.tables.map(\.id).sorted() == ["CartItem", "Product", "User"])
        let table = try #require(model.table(id: "CartItem"))
        #expect(table.partitionKey.name == "user_id")
        #expect(table.sortKey?.name == "product_id")
        #expect(table.indexes.isEmpty)
        let decision = try #require(model.decisions.first { $0.id == "unique-key:CartItem" })
        #expect(decision.alternativesConsidered.contains { $0.contains("lookup table") })
        #expect(decision.chosenApproach.contains("cart_item_id is a plain attribute"))
        #expect(model.mapping(for: 1)?.operation == .query)
        guard case .putItem(let put)? = model.mapping(for: 2)?.plan?.mainStep?.request else {
            Issue.record("expected a PutItem, got \(String(describing: model.mapping(for: 2)?.operation))")
            return
        }
        #expect(put.condition != nil)
        #expect(model.mapping(for: 3)?.operation == .updateItem)
        #expect(model.mapping(for: 4)?.operation == .deleteItem)
        #expect(!model.mappings.contains { $0.operation == .transactWriteItems })
    }

    @Test func aPatternThatNeedsTheSurrogateIDKeepsItAndTheLookupTable() throws {
        let model = try Self.proven(Self.cart(extraPatterns: YAMLRequirements.read("One cart line", "CartItem", equality: "cart_item_id")))
        let table = try #require(model.table(id: "CartItem"))
        #expect(table.keyAttributeNames.contains("cart_item_id"))
        #expect(!model.decisions.contains { $0.id == "unique-key:CartItem" })
        #expect(model.tables.contains { $0.lookup?.attributes == ["user_id", "product_id"] })
        #expect(model.mapping(for: 2)?.operation == .transactWriteItems)
    }

    // MARK: Placement with several parents

    static func isPlacement(_ id: String, of child: String) -> Bool {
        ["aggregate:\(child)", "collection:\(child)", "child-key:\(child)"].contains(id) || (id.hasPrefix("separate:") && id.hasSuffix(".\(child)"))
    }

    @Test func aGrandchildIsPlacedAfterItsParentWhateverTheOrderTheRelationshipsWereEntered() throws {
        // B→C is entered before A→B: B joins A's item collection, so C cannot join B's.
        let model = try Self.proven("""
        entities:
          - name: Album
            identifier: album_id
            attributes: [album_id:string:36, title:string:40]
          - name: Track
            identifier: track_id
            attributes: [track_id:string:36, album_id:string:36, name:string:40]
          - name: Credit
            identifier: credit_id
            attributes: [credit_id:string:36, track_id:string:36, artist:string:40]
        relationships:
          - parent: Track
            child: Credit
            cardinality: avg 2 max 5
            child_exists_without_parent: false
          - parent: Album
            child: Track
            cardinality: avg 10 max 30
            child_exists_without_parent: false
        access_patterns:
        \(YAMLRequirements.read("Album with its tracks", "Album, Track", equality: "album_id", items: 10))\
        \(YAMLRequirements.read("Track with its credits", "Track, Credit", equality: "album_id, track_id", items: 2))\
        \(YAMLRequirements.write("Add a credit", "Credit"))
        """)
        #expect(model.decisions.contains { $0.id == "collection:Track" })
        #expect(model.table(id: "Album")?.entities == ["Album", "Track"])
        let credits = try #require(model.table(id: "Credit"))
        #expect(credits.entities == ["Credit"])
        let placements = model.decisions.filter { Self.isPlacement($0.id, of: "Credit") }
        #expect(placements.map(\.id) == ["separate:Track.Credit"])
        #expect(model.mapping(for: 3)?.status == .served)
    }

    @Test(arguments: [false, true])
    func aChildWithTwoParentsIsKeyedByTheParentItsReadsGoThrough(readParentEnteredFirst: Bool) throws {
        let product = """
          - parent: Product
            child: Review
            cardinality: avg 20 max unbounded
            child_exists_without_parent: false

        """
        let user = """
          - parent: User
            child: Review
            cardinality: avg 4 max 200
            child_exists_without_parent: false

        """
        let model = try Self.proven("""
        entities:
          - name: User
            identifier: user_id
            attributes: [user_id:string:36, name:string:30]
          - name: Product
            identifier: product_id
            attributes: [product_id:string:36, title:string:40]
          - name: Review
            identifier: review_id
            attributes: [review_id:string:36, user_id:string:36, product_id:string:36, stars:number]
        relationships:
        \(readParentEnteredFirst ? user + product : product + user)access_patterns:
        \(YAMLRequirements.read("Reviews of a user", "Review", equality: "user_id", items: 4))\
        \(YAMLRequirements.write("Write a review", "Review"))
        """)
        let table = try #require(model.table(id: "Review"))
        #expect(table.partitionKey.name == "user_id")
        let placements = model.decisions.filter { Self.isPlacement($0.id, of: "Review") }
        #expect(placements.map(\.id) == ["child-key:Review"])
        #expect(placements.first?.justification.contains("placed by User, the parent its reads go through") == true)
        #expect(Set(model.decisions.map(\.id)).count == model.decisions.count)
    }
}
