import Requirements
import RequirementsYAML
import Testing

/// A file that should not load, and the exact problem lines it gives.
struct ProblemCase: Sendable, CustomTestStringConvertible {
    let name: String
    let yaml: String
    let expected: [String]

    var testDescription: String { name }
}

/// Each kind of problem is reported as FILE:LINE:COLUMN with the node it is about.
@Suite struct RequirementsYAMLProblemTests {
    static let valueCases: [ProblemCase] = [
        ProblemCase(
            name: "unknown key with a suggestion",
            yaml: """
                \(userEntityYAML)
                access_patterns:
                  - description: Get user
                    entities: [User]
                    peek_rps: 500
                """,
            expected: ["t.yaml:8:5: unknown key 'peek_rps' in access pattern 1; did you mean 'peak_rps'?"]),
        ProblemCase(
            name: "unknown top-level key",
            yaml: "entites: []",
            expected: ["t.yaml:1:1: unknown key 'entites' at the top level; did you mean 'entities'?"]),
        ProblemCase(
            name: "unknown key without a close match lists the keys",
            yaml: "overview:\n  colour: blue",
            expected: [
                "t.yaml:2:3: unknown key 'colour' in the overview; the keys here are domain, business_context, expected_users, peak_rps"
            ]),
        ProblemCase(
            name: "section of the wrong shape",
            yaml: "entities: User",
            expected: ["t.yaml:1:11: 'entities' must be a list of entities (each item starting with '- '), found 'User'"]),
        ProblemCase(
            name: "item of the wrong shape",
            yaml: "relationships:\n  - User -> Order",
            expected: [
                "t.yaml:2:5: relationship 1 must be a mapping with the keys parent, child, kind, cardinality, child_exists_without_parent, found 'User -> Order'"
            ]),
        ProblemCase(
            name: "text expected",
            yaml: "overview:\n  domain: [shop, retail]",
            expected: ["t.yaml:2:11: 'domain' in the overview must be text, found a list"]),
        ProblemCase(
            name: "estimate the session would refuse",
            yaml: "overview:\n  expected_users: lots",
            expected: ["t.yaml:2:19: Expected users must be a number such as 500, 1,200 or 2.5k, or \"unknown\"."]),
        ProblemCase(
            name: "entity name the session would refuse",
            yaml: "entities:\n  - name: Order Item",
            expected: [
                "t.yaml:2:11: \"Order Item\" is not a valid entity name: use letters, digits and _ (starting with a letter), such as User or order_item."
            ]),
        ProblemCase(
            name: "entity without a name",
            yaml: "entities:\n  - identifier: id",
            expected: ["t.yaml:2:5: entity 1 needs a name, such as User"]),
        ProblemCase(
            name: "repeated entity",
            yaml: "entities:\n  - name: User\n  - name: user",
            expected: ["t.yaml:3:11: An entity named User already exists: use /edit entity User."]),
        ProblemCase(
            name: "identifier that is not an attribute",
            yaml: "entities:\n  - name: User\n    identifier: id\n    attributes: [user_id:string, email:string]",
            expected: ["t.yaml:3:17: The identifier id is not an attribute of User; its attributes are user_id, email."]),
        ProblemCase(
            name: "unique attribute that is not an attribute",
            yaml: "entities:\n  - name: User\n    unique: [email, [tenant, slug]]\n    attributes: [email:string, slug:string]",
            expected: [
                "t.yaml:3:21: The unique attribute tenant is not an attribute of User; its attributes are email, slug."
            ]),
        ProblemCase(
            name: "one-line attribute the session would refuse",
            yaml: "entities:\n  - name: User\n    attributes:\n      - user_id:strng:36",
            expected: [
                "t.yaml:4:9: \"strng\" (in user_id:strng:36) is not a type: use one of string, number, boolean, date, datetime, binary, json, list, set."
            ]),
        ProblemCase(
            name: "attribute mapping with an unknown type and a bad size",
            yaml: "entities:\n  - name: User\n    attributes:\n      - {name: age, type: integr, size: big}",
            expected: [
                "t.yaml:4:27: \"integr\" is not a type: use one of string, number, boolean, date, datetime, binary, json, list, set.",
                "t.yaml:4:41: the size in attribute 1 of entity 1 must be a whole number of bytes, such as 40, found 'big'",
            ]),
        ProblemCase(
            name: "attribute size beyond the item limit",
            yaml: "entities:\n  - name: User\n    attributes:\n      - {name: bio, type: string, size: 500000}",
            expected: ["t.yaml:4:9: The typical size of bio must be between 1 and 409600 bytes (the 400 KB item limit)."]),
        ProblemCase(
            name: "repeated attribute",
            yaml: "entities:\n  - name: User\n    attributes: [email:string, email:string]",
            expected: ["t.yaml:3:32: User lists the attribute email twice."]),
        ProblemCase(
            name: "attribute written as a one-pair mapping",
            yaml: "entities:\n  - name: User\n    attributes:\n      - email: string",
            expected: [
                "t.yaml:4:9: attribute 1 of entity 1 is the mapping 'email: string': write email:string (no space after the colon) or {name: email, type: string}"
            ]),
        ProblemCase(
            name: "relationship to a missing entity",
            yaml: "\(userEntityYAML)\nrelationships:\n  - parent: User\n    child: Order",
            expected: ["t.yaml:7:12: There is no entity named Order (entities: User)."]),
        ProblemCase(
            name: "relationship without a child",
            yaml: "\(userEntityYAML)\nrelationships:\n  - parent: User",
            expected: ["t.yaml:6:5: relationship 1 needs a child: the name of an entity, such as Order"]),
        ProblemCase(
            name: "repeated relationship",
            yaml: "\(userEntityYAML)\nrelationships:\n  - {parent: User, child: User}\n  - {parent: User, child: User}",
            expected: ["t.yaml:7:5: The relationship User -> User already exists: use /edit relationship User->User."]),
        ProblemCase(
            name: "unknown relationship kind",
            yaml: "\(userEntityYAML)\nrelationships:\n  - {parent: User, child: User, kind: one-to-one}",
            expected: ["t.yaml:6:39: 'kind' in relationship 1 must be one-to-many or many-to-many, found 'one-to-one'"]),
        ProblemCase(
            name: "cardinality text the session would refuse",
            yaml: "\(userEntityYAML)\nrelationships:\n  - {parent: User, child: User, cardinality: avg 5}",
            expected: [
                "t.yaml:6:46: Give the children per parent as \"avg 5 max 1000\" (or \"avg 5 max unbounded\"), or \"unknown\"."
            ]),
        ProblemCase(
            name: "cardinality mapping with the maximum below the average",
            yaml: "\(userEntityYAML)\nrelationships:\n  - parent: User\n    child: User\n    cardinality: {average: 50, maximum: 10}",
            expected: ["t.yaml:8:18: The maximum (10) cannot be below the average (50)."]),
        ProblemCase(
            name: "cardinality mapping with bad and missing values",
            yaml: "\(userEntityYAML)\nrelationships:\n  - parent: User\n    child: User\n    cardinality: {average: many, max: 10}",
            expected: [
                "t.yaml:8:18: the cardinality of relationship 1 needs a maximum (a whole number, or unbounded), as in {average: 5, maximum: 1000}",
                "t.yaml:8:28: the average in the cardinality of relationship 1 must be a number such as 5, found 'many'",
                "t.yaml:8:34: unknown key 'max' in the cardinality of relationship 1; the keys here are average, maximum",
            ]),
        ProblemCase(
            name: "pattern on a missing entity",
            yaml: "\(userEntityYAML)\naccess_patterns:\n  - description: Get order\n    entities: [User, Ordr]",
            expected: ["t.yaml:7:22: There is no entity named Ordr (entities: User)."]),
        ProblemCase(
            name: "pattern on missing attributes",
            yaml: """
                \(userEntityYAML)
                access_patterns:
                  - description: Get user
                    entities: [User]
                    equality: [user_id, emial]
                    sort: updated_at desc
                    filter: [state]
                    attributes: [name]
                """,
            expected: [
                "t.yaml:8:25: emial is not an attribute of User; an equality attribute must be one of: user_id, email, created_at.",
                "t.yaml:9:11: updated_at is not an attribute of User; the sort attribute must be one of: user_id, email, created_at.",
                "t.yaml:10:14: state is not an attribute of User; a filter attribute must be one of: user_id, email, created_at.",
                "t.yaml:11:18: name is not an attribute of User; a result attribute must be one of: user_id, email, created_at.",
            ]),
        ProblemCase(
            name: "pattern without a description",
            yaml: "\(userEntityYAML)\naccess_patterns:\n  - entities: [User]",
            expected: ["t.yaml:6:5: A pattern needs a description, such as \"Get user by ID\"."]),
        ProblemCase(
            name: "average RPS above peak RPS",
            yaml: "\(userEntityYAML)\naccess_patterns:\n  - description: Get user\n    peak_rps: 100\n    average_rps: 2k",
            expected: ["t.yaml:8:18: The average RPS (2000) cannot be higher than the peak RPS (100)."]),
        ProblemCase(
            name: "pattern values the session would refuse",
            yaml: """
                \(userEntityYAML)
                access_patterns:
                  - description: Get user
                    type: fetch
                    consistency: eventually
                    sort: created_at newest
                    items: avg 20
                    not_search: maybe
                """,
            expected: [
                "t.yaml:7:11: The type must be one of: read, write, update, delete, search.",
                "t.yaml:8:18: Consistency must be eventual or strong.",
                "t.yaml:9:11: The direction must be asc or desc, as in \"created_at desc\".",
                "t.yaml:10:12: Give the items returned as a number such as 1, as \"avg 20 max 100\", or \"unknown\".",
                "t.yaml:11:17: 'not_search' in access pattern 1 must be true or false, found 'maybe'",
            ]),
        ProblemCase(
            name: "sort mapping with a bad direction and a typo",
            yaml: "\(userEntityYAML)\naccess_patterns:\n  - description: Get user\n    sort: {attribute: created_at, direction: up, nulls: last}",
            expected: [
                "t.yaml:7:46: The direction must be asc or desc, as in \"created_at desc\".",
                "t.yaml:7:50: unknown key 'nulls' in the sort of access pattern 1; the keys here are attribute, direction",
            ]),
        ProblemCase(
            name: "accepted gap without a reason",
            yaml: "accepted_gaps:\n  - gap: no-create:User",
            expected: ["t.yaml:2:5: Say why the gap is acceptable, for example: accept created by the nightly import."]),
        ProblemCase(
            name: "accepted gap without an id",
            yaml: "accepted_gaps:\n  - reason: created elsewhere",
            expected: ["t.yaml:2:5: accepted gap 1 needs 'gap': the id the requirements gate shows, such as no-create:Product"]),
    ]

    @Test(arguments: valueCases)
    func reportsTheProblemAtTheNode(_ problemCase: ProblemCase) {
        #expect(problems(in: problemCase.yaml) == problemCase.expected)
    }

    static let documentCases: [ProblemCase] = [
        ProblemCase(
            name: "empty file", yaml: "",
            expected: [
                "t.yaml:1:1: the file has no requirements: expected a mapping with the keys overview, entities, relationships, access_patterns, accepted_gaps"
            ]),
        ProblemCase(
            name: "comments only", yaml: "# nothing yet\n",
            expected: [
                "t.yaml:1:1: the file has no requirements: expected a mapping with the keys overview, entities, relationships, access_patterns, accepted_gaps"
            ]),
        ProblemCase(
            name: "top level is a list", yaml: "- User\n- Order",
            expected: [
                "t.yaml:1:1: the file must be a mapping with the keys overview, entities, relationships, access_patterns, accepted_gaps, found a list"
            ]),
        ProblemCase(
            name: "top level is text", yaml: "just some notes",
            expected: [
                "t.yaml:1:1: the file must be a mapping with the keys overview, entities, relationships, access_patterns, accepted_gaps, found 'just some notes'"
            ]),
    ]

    @Test(arguments: documentCases)
    func reportsAnEmptyOrNonMappingFile(_ problemCase: ProblemCase) {
        #expect(problems(in: problemCase.yaml) == problemCase.expected)
    }

    static let syntaxCases: [ProblemCase] = [
        ProblemCase(
            name: "bad indentation",
            yaml: "entities:\n  - name: User\n    attributes: [id:string]\n  owner: team",
            expected: [
                "t.yaml:4:3: invalid YAML: did not find expected '-' indicator (while parsing a block collection that starts at line 2, column 3)"
            ]),
        ProblemCase(
            name: "unclosed flow list",
            yaml: "entities:\n  - name: User\n    attributes: [id:string\n",
            expected: [
                "t.yaml:4:1: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence that starts at line 3, column 17)"
            ]),
        ProblemCase(
            name: "value after a value",
            yaml: "overview:\n  domain: shop: retail",
            expected: ["t.yaml:2:15: invalid YAML: mapping values are not allowed in this context"]),
        ProblemCase(
            name: "tab indentation",
            yaml: "overview:\n\tdomain: shop",
            expected: [
                "t.yaml:2:1: invalid YAML: found character that cannot start any token (while scanning for the next token that starts at line 2, column 1); indent with spaces: YAML does not allow tabs there"
            ]),
        ProblemCase(
            name: "repeated key",
            yaml: "overview:\n  domain: shop\n  domain: retail",
            expected: ["t.yaml:2:3: the key 'domain' appears more than once in the same mapping"]),
        ProblemCase(
            name: "undefined alias",
            yaml: "entities: *all",
            expected: ["t.yaml:1:11: invalid YAML: found undefined alias"]),
        ProblemCase(
            name: "control character",
            yaml: "overview:\n  domain: \"shop\u{01}\"",
            expected: ["t.yaml:2:16: the text cannot be read as YAML: control characters are not allowed"]),
        ProblemCase(
            name: "two documents",
            yaml: "overview: {domain: shop}\n---\noverview: {domain: bank}",
            expected: ["t.yaml:2:1: invalid YAML: but found another document (expected a single document in the stream)"]),
    ]

    @Test(arguments: syntaxCases)
    func reportsMalformedYAMLWithItsPosition(_ problemCase: ProblemCase) {
        #expect(problems(in: problemCase.yaml) == problemCase.expected)
    }

    @Test func reportsEveryProblemInFileOrder() {
        let yaml = """
            access_patterns:
              - description: Get order
                entities: [Order]
                peak_rps: fast
            overview:
              domian: shop
            entities:
              - name: User
                identifier: user_id
                attributes: [user_id:string, email:strin]
              - name: 2fa
            relationships:
              - {parent: User, child: Basket}
            """
        #expect(
            problems(in: yaml, fileName: "shop.yaml") == [
                "shop.yaml:3:16: There is no entity named Order (entities: User).",
                "shop.yaml:4:15: Peak RPS must be a number such as 500, 1,200 or 2.5k, or \"unknown\".",
                "shop.yaml:6:3: unknown key 'domian' in the overview; did you mean 'domain'?",
                "shop.yaml:10:34: \"strin\" (in email:strin) is not a type: use one of string, number, boolean, date, datetime, binary, json, list, set.",
                "shop.yaml:11:11: \"2fa\" is not a valid entity name: use letters, digits and _ (starting with a letter), such as User or order_item.",
                "shop.yaml:13:27: There is no entity named Basket (entities: User).",
            ])
    }

    /// A problem already reported is not repeated wherever the broken value is used.
    @Test func doesNotRepeatAProblemAtEachReference() {
        let yaml = """
            entities:
              - name: Order Item
                attributes: [id:string]
              - name: User
                identifier: user_id
                attributes: [user_id:strin, email:string]
            relationships:
              - {parent: User, child: Order Item}
            access_patterns:
              - description: Get user
                entities: [User]
                equality: [user_id]
              - description: Get item
                entities: [Order Item]
                equality: [id]
            """
        #expect(
            problems(in: yaml) == [
                "t.yaml:2:11: \"Order Item\" is not a valid entity name: use letters, digits and _ (starting with a letter), such as User or order_item.",
                "t.yaml:6:18: \"strin\" (in user_id:strin) is not a type: use one of string, number, boolean, date, datetime, binary, json, list, set.",
            ])
    }

    @Test func errorMessageJoinsTheProblemLines() {
        let error = RequirementsYAMLError(problems: [.init(file: "a.yaml", line: 1, column: 1, message: "first"),
                                                     .init(file: "a.yaml", line: 2, column: 1, message: "second")])
        #expect(error.message == "a.yaml:1:1: first\na.yaml:2:1: second")
        #expect(error.description == error.message)
        #expect(error.problems.map(\.line) == [1, 2])
    }
}
