import Conversation
import MySQLSchema
import Requirements
import Testing
import TestSupport

/// Importing a MySQL schema into a session: the review of imported entities, the questions
/// about imported relationships, and `/import schema` with an in-memory file reader.
@Suite struct SchemaImportFlowTests {
    struct InMemoryFiles: SchemaFileReading {
        let files: [String: String]
        func read(_ paths: [String]) throws(RequirementsError) -> [SchemaSource] {
            try paths.map { path throws(RequirementsError) in
                guard let text = files[path] else { throw RequirementsError("Cannot read the schema file \(path): it does not exist.") }
                return SchemaSource(name: path, text: text)
            }
        }
    }

    static let schema = """
        CREATE TABLE users (id bigint unsigned NOT NULL PRIMARY KEY, email varchar(255) NOT NULL UNIQUE, password_hash char(60) NOT NULL, legacy_flag tinyint(1));
        CREATE TABLE orders (id bigint unsigned NOT NULL PRIMARY KEY, user_id bigint unsigned NOT NULL, created_at datetime NOT NULL,
          KEY idx_user_created (user_id, created_at), FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE);
        """

    static func conversation() -> Conversation {
        Conversation(state: SessionState(name: "shop"), clock: FixedClock.now,
                     schemaReader: InMemoryFiles(files: ["schema.sql": schema, "v2.sql": schema + "\nALTER TABLE users ADD COLUMN phone varchar(20);"]))
    }

    @Test func anImportAtTheStartIsReviewedAfterTheOverview() {
        var conversation = Self.conversation()
        let messages = conversation.importSchema([SchemaSource(name: "schema.sql", text: Self.schema)])
        #expect(messages.first?.hasPrefix("Imported 2 tables with 7 columns: 2 primary keys, 1 unique keys, 1 foreign keys.") == true)
        #expect(conversation.state.step == .overviewDomain, "the overview is asked first")
        for line in ["shop", "context", "1k", "100"] { _ = conversation.handle(line) }
        #expect(conversation.state.step == .entityReview(entity: "User"))
        #expect(conversation.question.text.contains("email: varchar(255) → string"))
        #expect(conversation.handle("exclude password_hash secrets stay in the auth service").messages == ["password_hash will not be migrated: secrets stay in the auth service."])
        #expect(conversation.handle("sensitive email").messages == ["email is marked sensitive."])
        #expect(conversation.handle("size email 40").messages == ["email is typically 40 bytes."])
        #expect(conversation.handle("drop id").messages == ["id is part of the identifier and must be migrated."])
        #expect(conversation.handle("drop legacy_flag").messages == ["legacy_flag will not be migrated (dropped at the review)."])
        #expect(conversation.handle("rename Customer").messages == ["Renamed User to Customer."])
        #expect(conversation.state.step == .entityReview(entity: "Customer"))
        #expect(conversation.handle("frobnicate").messages == [Conversation.reviewUsage])
        _ = conversation.handle("")
        #expect(conversation.state.step == .entityReview(entity: "Order"))
        _ = conversation.handle("")
        // Imported relationships are asked for their cardinality: never guessed.
        #expect(conversation.state.step == .relationshipCardinality(parent: "Customer", child: "Order"))
        _ = conversation.handle("avg 5 max 1000")
        #expect(conversation.question.currentAnswer == "no", "inferred from the NOT NULL foreign key, shown to confirm")
        _ = conversation.handle("")
        #expect(conversation.state.step == .relationshipPair)
        let customer = conversation.state.requirements.entity(named: "Customer")
        #expect(customer?.attribute(named: "password_hash")?.excludedReason == "secrets stay in the auth service")
        #expect(customer?.attribute(named: "email")?.isSensitive == true)
        #expect(customer?.attribute(named: "email")?.typicalSizeBytes == 40)
    }

    @Test func importInsideASessionReviewsAndReturns() {
        var conversation = Self.conversation()
        for line in ["shop", "context", "1k", "100"] { _ = conversation.handle(line) }
        #expect(conversation.state.step == .entityName)
        let reply = conversation.handle("/import schema schema.sql")
        #expect(reply.changed)
        #expect(conversation.state.step == .entityReview(entity: "User"))
        _ = conversation.handle("")
        _ = conversation.handle("")
        _ = conversation.handle("avg 2 max 50")
        _ = conversation.handle("")
        #expect(conversation.state.step == .entityName, "back where the import started")
        // A re-import shows what changed and reviews only what changed.
        let again = conversation.handle("/import schema v2.sql")
        #expect(again.messages.first?.contains("added column users.phone") == true)
        #expect(conversation.state.step == .entityReview(entity: "User"))
        #expect(conversation.state.requirements.relationship(parent: "User", child: "Order")?.cardinality == .known(Cardinality(average: 2, maximum: 50)))
        #expect(conversation.handle("/import schema missing.sql").messages == ["Cannot read the schema file missing.sql: it does not exist."])
    }
}
