import JSONCore
import Foundation
import MigrationContract
import MySQLSchema
import Requirements
import Testing

/// The checks against a session: the minimal fixture with `minimal.sql` and requirements entered
/// as an import would leave them (attributes carrying their MySQL source).
@Suite struct ContractCoverageTests {
    static func schema() throws -> ParsedSchema {
        let text = String(decoding: try ContractScenarios.fixture("minimal.sql"), as: UTF8.self)
        let schema = SchemaParser.parse([SchemaSource(name: "minimal.sql", text: text)])
        #expect(schema.diagnostics.isEmpty)
        return schema
    }

    static func column(_ table: String, _ name: String, _ type: AttributeType, excluded: String? = nil) -> Attribute {
        Attribute(name: name, type: type, source: SourceColumn(table: table, column: name, mysqlType: "varchar(50)", dynamoDBType: type == .number ? .number : .string, nullable: false),
                  excludedReason: excluded)
    }

    static func requirements(auditExcluded: Bool = true, passwordExcluded: Bool = true) throws -> Requirements {
        var requirements = Requirements()
        try requirements.addEntity(Entity(name: "User", attributes: [
            column("users", "id", .string), column("users", "email", .string), column("users", "team_id", .number),
            column("users", "password_hash", .string, excluded: passwordExcluded ? "secrets stay in the identity service" : nil),
        ], identifier: ["id"], sourceTable: "users"))
        try requirements.addEntity(Entity(name: "Team", attributes: [column("teams", "id", .number), column("teams", "name", .string)],
                                          identifier: ["id"], sourceTable: "teams"))
        try requirements.addEntity(Entity(name: "Order", attributes: [column("orders", "user_id", .string), column("orders", "order_id", .string), column("orders", "total", .number)],
                                          identifier: ["user_id", "order_id"], sourceTable: "orders"))
        try requirements.addEntity(Entity(name: "AuditLog", attributes: [
            column("audit_log", "id", .number, excluded: auditExcluded ? "kept in MySQL for compliance" : nil),
            column("audit_log", "note", .string, excluded: auditExcluded ? "kept in MySQL for compliance" : nil),
        ], identifier: ["id"], sourceTable: "audit_log"))
        try requirements.addPattern(AccessPattern(id: 0, description: "Get user by ID", entities: ["User"], type: .read, equalityAttributes: ["id"]))
        try requirements.addPattern(AccessPattern(id: 0, description: "Get user by email", entities: ["User"], type: .read, equalityAttributes: ["email"]))
        try requirements.addPattern(AccessPattern(id: 0, description: "Get team by ID", entities: ["Team"], type: .read, equalityAttributes: ["id"]))
        try requirements.addPattern(AccessPattern(id: 0, description: "List a user's orders", entities: ["Order"], type: .read, equalityAttributes: ["user_id"]))
        try requirements.addPattern(AccessPattern(id: 0, description: "Search users by name", entities: ["User"], type: .search))
        return requirements
    }

    static func validate(_ json: OrderedJSON, requirements: Requirements, schema: ParsedSchema?) -> [ContractProblem] {
        ContractValidator.validate(json.serialized(), context: ContractContext(requirements: requirements, sourceSchema: schema))
    }

    static func minimal() throws -> OrderedJSON { try ContractValidatorTests.minimal() }

    @Test func fullyMappedContractHasNoProblems() throws {
        #expect(Self.validate(try Self.minimal(), requirements: try Self.requirements(), schema: try Self.schema()) == [])
        // Without a schema, the tables and columns come from the requirements' sources.
        #expect(Self.validate(try Self.minimal(), requirements: try Self.requirements(), schema: nil) == [])
    }

    @Test func unmappedTableIsReported() throws {
        let problems = Self.validate(try Self.minimal(), requirements: try Self.requirements(auditExcluded: false), schema: try Self.schema())
        #expect(problems == [ContractProblem(path: "$", message: "the MySQL table audit_log is not mapped: no entry or attribute has it as source_table, and its columns are not all excluded with a reason")])
    }

    @Test func droppedEntityLeavesItsTableUnmapped() throws {
        var requirements = try Self.requirements()
        _ = try requirements.deleteEntity(named: "AuditLog")
        let problems = Self.validate(try Self.minimal(), requirements: requirements, schema: try Self.schema())
        #expect(problems.map(\.message) == ["the MySQL table audit_log is not mapped: no entry or attribute has it as source_table, and its columns are not all excluded with a reason"])
    }

    @Test func unmappedColumnIsReported() throws {
        let json = try Self.minimal().setting([.at(3), .key("attributes"), .key("total")], to: nil)
        let problems = Self.validate(json, requirements: try Self.requirements(), schema: try Self.schema())
        #expect(problems == [ContractProblem(path: "$[3]", message: "the MySQL column orders.total is neither mapped to an attribute nor excluded with a reason")])
    }

    @Test func excludedColumnIsAcceptedOnlyWithAReason() throws {
        #expect(Self.validate(try Self.minimal(), requirements: try Self.requirements(passwordExcluded: true), schema: try Self.schema()) == [])
        let problems = Self.validate(try Self.minimal(), requirements: try Self.requirements(passwordExcluded: false), schema: try Self.schema())
        #expect(problems == [ContractProblem(path: "$[0]", message: "the MySQL column users.password_hash is neither mapped to an attribute nor excluded with a reason")])
    }

    @Test func compositeSourceColumnMapsEachPart() throws {
        let json = try Self.minimal()
            .renamingKey(at: [.at(3), .key("attributes")], from: "order_id", to: "user_id#order_id")
            .setting([.at(3), .key("sk")], to: .string("user_id#order_id"))
            .setting([.at(3), .key("attributes"), .key("user_id#order_id"), .key("source_column")], to: .string("user_id#order_id"))
        #expect(Self.validate(json, requirements: try Self.requirements(), schema: try Self.schema()) == [])
    }

    @Test func patternMissingFromSatisfiesIsReported() throws {
        let json = try Self.minimal().setting([.at(1), .key("satisfies")], to: .array([.string("Get user by ID")]))
        let problems = Self.validate(json, requirements: try Self.requirements(), schema: try Self.schema())
        #expect(problems == [ContractProblem(path: "$", message: "access pattern #2 \"Get user by email\" appears in no entry's satisfies")])
    }

    @Test func searchPatternMustNotBeSatisfied() throws {
        let json = try Self.minimal().setting([.at(0), .key("satisfies"), .at(1)], to: .string("Search users by name"))
        let problems = Self.validate(json, requirements: try Self.requirements(), schema: try Self.schema())
        #expect(problems == [ContractProblem(path: "$[0].satisfies[1]", message: "access pattern #5 is a search pattern, served by OpenSearch, not by DynamoDB")])
    }

    @Test func unknownPatternDescriptionIsReported() throws {
        let json = try Self.minimal().setting([.at(2), .key("satisfies"), .at(1)], to: .string("Delete a team"))
        let problems = Self.validate(json, requirements: try Self.requirements(), schema: try Self.schema())
        #expect(problems == [ContractProblem(path: "$[2].satisfies[1]", message: "\"Delete a team\" is not the description of any access pattern in the requirements")])
    }

    @Test func tableNamesCompareCaseInsensitively() throws {
        let json = try Self.minimal().setting([.at(2), .key("source_table")], to: .string("TEAMS"))
        #expect(Self.validate(json, requirements: try Self.requirements(), schema: try Self.schema()) == [])
    }
}
