import Requirements
import RequirementsYAML
import Testing

/// The accepted forms of each value, and what a missing or unknown answer becomes.
@Suite struct RequirementsYAMLLoaderTests {
    // MARK: Numbers and unknowns

    @Test(arguments: [
        ("2000", Estimate.known(2000)),
        ("2.5", .known(2.5)),
        ("2.5k", .known(2500)),
        ("\"2.5k\"", .known(2500)),
        ("\"1,200\"", .known(1200)),
        ("100_000", .known(100_000)),
        ("1m", .known(1_000_000)),
        ("1e3", .known(1000)),
        ("+5", .known(5)),
        ("0", .known(0)),
        ("unknown", .unknown),
        ("Unknown", .unknown),
        ("\"?\"", .unknown),
    ])
    func estimatesAcceptYAMLNumbersAndTypedAnswers(written: String, expected: Estimate) throws {
        let requirements = try loadYAML("overview: {expected_users: \(written), peak_rps: \(written)}")
        #expect(requirements.overview.expectedUsers == expected)
        #expect(requirements.overview.peakRequestsPerSecond == expected)
    }

    @Test(arguments: ["-5", "lots", ".inf", ".nan", "[1, 2]", "{a: 1}", "true"])
    func estimatesRejectWhatTheSessionRejects(written: String) {
        let found = problems(in: "overview:\n  peak_rps: \(written)")
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("t.yaml:2:13: ") == true)
    }

    @Test func omittedAndNullAnswersStayUnanswered() throws {
        let requirements = try loadYAML(
            """
            \(userEntityYAML)
            relationships:
              - {parent: User, child: User}
            access_patterns:
              - description: Get user
                entities: [User]
                peak_rps:
                average_rps: ~
                latency: null
            """)
        #expect(requirements.overview == ApplicationOverview())
        #expect(requirements.relationships == [Relationship(parent: "User", child: "User", kind: .oneToMany)])
        #expect(requirements.relationships.first?.cardinality == nil)
        #expect(requirements.relationships.first?.childExistsWithoutParent == nil)
        #expect(requirements.accessPatterns == [AccessPattern(id: 1, description: "Get user", entities: ["User"])])
        #expect(requirements.entities.first?.owner == nil)
        #expect(requirements.acceptedGaps.isEmpty)
    }

    @Test func unknownStaysUnknown() throws {
        let requirements = try loadYAML(
            """
            overview:
              expected_users: unknown
              peak_rps: unknown
            \(userEntityYAML)
            relationships:
              - {parent: User, child: User, cardinality: unknown}
            access_patterns:
              - description: Get user
                entities: [User]
                items: unknown
                peak_rps: unknown
                average_rps: unknown
            """)
        #expect(requirements.overview.expectedUsers == .unknown)
        #expect(requirements.overview.peakRequestsPerSecond == .unknown)
        #expect(requirements.relationships.first?.cardinality == .unknown)
        let pattern = try #require(requirements.accessPatterns.first)
        #expect(pattern.expectedItems == .unknown)
        #expect(pattern.peakRPS == .unknown)
        #expect(pattern.averageRPS == .unknown)
        #expect(pattern.status == .pending)
    }

    // MARK: Entities

    @Test(arguments: [
        ("user_id", ["user_id"]),
        ("[user_id]", ["user_id"]),
        ("[tenant_id, user_id]", ["tenant_id", "user_id"]),
        ("tenant_id+user_id", ["tenant_id", "user_id"]),
    ])
    func identifiers(written: String, expected: [String]) throws {
        let requirements = try loadYAML(
            """
            entities:
              - name: Member
                identifier: \(written)
                attributes: [tenant_id:string, user_id:string, email:string, slug:string]
            """)
        #expect(requirements.entities.first?.identifier == expected)
    }

    @Test(arguments: [
        ("[email]", [["email"]]),
        ("[[tenant_id, slug]]", [["tenant_id", "slug"]]),
        ("[email, [tenant_id, slug]]", [["email"], ["tenant_id", "slug"]]),
        ("[email, tenant_id+slug]", [["email"], ["tenant_id", "slug"]]),
        ("email, tenant_id+slug", [["email"], ["tenant_id", "slug"]]),
        ("[]", []),
        ("none", []),
    ])
    func uniqueGroups(written: String, expected: [[String]]) throws {
        let requirements = try loadYAML(
            """
            entities:
              - name: Member
                identifier: [tenant_id, user_id]
                unique: \(written)
                attributes: [tenant_id:string, user_id:string, email:string, slug:string]
            """)
        #expect(requirements.entities.first?.uniqueGroups == expected)
    }

    @Test(arguments: [
        "attributes: \"user_id:string:36, age:int, created_at:timestamp\"",
        "attributes: [user_id:string:36, age:int, created_at:timestamp]",
        "attributes: [\"user_id:string:36, age:int\", created_at:timestamp]",
        """
        attributes:
              - {name: user_id, type: string, size: 36}
              - {name: age, type: int}
              - name: created_at
                type: timestamp
        """,
        """
        attributes:
              - {name: user_id, type: string, size: "36"}
              - age:integer
              - {name: created_at, type: TIMESTAMP}
        """,
    ])
    func attributeForms(written: String) throws {
        let requirements = try loadYAML(
            """
            entities:
              - name: User
                \(written)
            """)
        #expect(
            requirements.entities.first?.attributes == [
                Attribute(name: "user_id", type: .string, typicalSizeBytes: 36),
                Attribute(name: "age", type: .number),
                Attribute(name: "created_at", type: .datetime),
            ])
    }

    @Test func entityWithOnlyANameIsAccepted() throws {
        let requirements = try loadYAML("entities:\n  - name: Draft")
        #expect(requirements.entities == [Entity(name: "Draft")])
    }

    // MARK: Relationships

    @Test(arguments: [
        ("avg 5 max 1000", CardinalityAnswer.known(Cardinality(average: 5, maximum: 1000))),
        ("\"avg 5, max 1000\"", .known(Cardinality(average: 5, maximum: 1000))),
        ("5/1000", .known(Cardinality(average: 5, maximum: 1000))),
        ("{average: 5, maximum: 1000}", .known(Cardinality(average: 5, maximum: 1000))),
        ("{maximum: 1000, average: 5}", .known(Cardinality(average: 5, maximum: 1000))),
        ("{average: \"5\", maximum: 1k}", .known(Cardinality(average: 5, maximum: 1000))),
        ("avg 2.5 max unbounded", .known(Cardinality(average: 2.5, maximum: nil))),
        ("{average: 2.5, maximum: unbounded}", .known(Cardinality(average: 2.5, maximum: nil))),
        ("unknown", .unknown),
    ])
    func cardinalityForms(written: String, expected: CardinalityAnswer) throws {
        let requirements = try loadYAML(
            """
            entities: [{name: User}, {name: Order}]
            relationships:
              - {parent: User, child: Order, cardinality: \(written)}
            """)
        #expect(requirements.relationships.first?.cardinality == expected)
    }

    @Test func relationshipKindsAndEntityNamesAsEntered() throws {
        let requirements = try loadYAML(
            """
            entities: [{name: Student}, {name: Course}]
            relationships:
              - parent: student
                child: COURSE
                kind: many-to-many
                cardinality: avg 4 max 10
                child_exists_without_parent: yes
            """)
        #expect(
            requirements.relationships == [
                Relationship(
                    parent: "Student", child: "Course", kind: .manyToMany,
                    cardinality: .known(Cardinality(average: 4, maximum: 10)), childExistsWithoutParent: true)
            ])
    }

    // MARK: Access patterns

    @Test(arguments: [
        ("1", ItemCountAnswer.known(ItemCount(average: 1, maximum: 1))),
        ("25", .known(ItemCount(average: 25, maximum: 25))),
        ("avg 20 max 100", .known(ItemCount(average: 20, maximum: 100))),
        ("20/100", .known(ItemCount(average: 20, maximum: 100))),
        ("{average: 20, maximum: 100}", .known(ItemCount(average: 20, maximum: 100))),
        ("{average: 2.5, maximum: unbounded}", .known(ItemCount(average: 2.5, maximum: nil))),
        ("unknown", .unknown),
    ])
    func itemForms(written: String, expected: ItemCountAnswer) throws {
        let pattern = try onePattern("items: \(written)")
        #expect(pattern.expectedItems == expected)
    }

    @Test(arguments: [
        ("none", SortAnswer.none),
        ("no", SortAnswer.none),
        ("created_at", .attribute(SortRequirement(attribute: "created_at", direction: .ascending))),
        ("created_at desc", .attribute(SortRequirement(attribute: "created_at", direction: .descending))),
        ("created_at descending", .attribute(SortRequirement(attribute: "created_at", direction: .descending))),
        ("{attribute: created_at, direction: desc}", .attribute(SortRequirement(attribute: "created_at", direction: .descending))),
        ("{attribute: created_at}", .attribute(SortRequirement(attribute: "created_at", direction: .ascending))),
    ])
    func sortForms(written: String, expected: SortAnswer) throws {
        let pattern = try onePattern("sort: \(written)")
        #expect(pattern.sort == expected)
    }

    @Test(arguments: [
        ("all", AttributeSelection.all),
        ("\"*\"", .all),
        ("[email, created_at]", .only(["email", "created_at"])),
        ("email, created_at", .only(["email", "created_at"])),
        ("[]", .only([])),
    ])
    func attributeSelections(written: String, expected: AttributeSelection) throws {
        let pattern = try onePattern("attributes: \(written)")
        #expect(pattern.attributes == expected)
    }

    @Test func nameListsAcceptListsAndCommaSeparatedText() throws {
        let pattern = try onePattern(
            """
            equality: user_id
                filter: email, created_at
            """)
        #expect(pattern.equalityAttributes == ["user_id"])
        #expect(pattern.filterAttributes == ["email", "created_at"])
    }

    @Test func everyPatternFieldIsRead() throws {
        let pattern = try onePattern(
            """
            type: Update
                equality: [user_id]
                consistency: STRONG
                latency: <20ms p99
                peak_rps: 10
                average_rps: 2.5
                not_search: true
            """)
        #expect(
            pattern
                == AccessPattern(
                    id: 1, description: "Get user", entities: ["User"], type: .update, equalityAttributes: ["user_id"],
                    peakRPS: .known(10), averageRPS: .known(2.5), consistency: .strong, latency: "<20ms p99",
                    confirmedNotSearch: true))
    }

    @Test func patternsAreNumberedInFileOrderAndMayComeBeforeTheirEntities() throws {
        let requirements = try loadYAML(
            """
            access_patterns:
              - {description: First, entities: [user]}
              - {description: "  Second  ", entities: [User, USER]}
            \(userEntityYAML)
            """)
        #expect(requirements.accessPatterns.map(\.id) == [1, 2])
        #expect(requirements.accessPatterns.map(\.description) == ["First", "Second"])
        #expect(requirements.accessPatterns.map(\.entities) == [["User"], ["User"]])
        #expect(requirements.nextPatternID == 3)
    }

    @Test func anchorsAndAliasesAreFollowed() throws {
        let requirements = try loadYAML(
            """
            entities:
              - name: User
                attributes: &common [id:string, created_at:datetime]
              - name: Team
                attributes: *common
            """)
        #expect(requirements.entities.map(\.attributes) == Array(repeating: [
            Attribute(name: "id", type: .string), Attribute(name: "created_at", type: .datetime),
        ], count: 2))
    }

    /// The one pattern of a file with the `User` entity and `fields` added to the pattern.
    private func onePattern(_ fields: String) throws -> AccessPattern {
        let requirements = try loadYAML(
            """
            \(userEntityYAML)
            access_patterns:
              - description: Get user
                entities: [User]
                \(fields)
            """)
        return try #require(requirements.accessPatterns.first)
    }
}
