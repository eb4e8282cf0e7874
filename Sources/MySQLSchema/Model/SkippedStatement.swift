/// A statement that was read but does not define or change a table, kept so the import summary
/// can say what the files also contained ("skipped 120 INSERT statements; views: v_orders").
public struct SkippedStatement: Sendable, Equatable, Codable {
    /// What kind of statement it was.
    public var kind: Kind
    /// The object it names: the table an INSERT fills, the view, trigger, routine or event it
    /// creates, the database of USE or CREATE DATABASE, the variable SET assigns first, the table
    /// a DROP TABLE found nothing to drop for; nil otherwise.
    public var name: String?
    /// The source's name.
    public var file: String
    /// 1-based line where the statement starts.
    public var line: Int

    /// A record of one skipped statement.
    public init(kind: Kind, name: String? = nil, file: String, line: Int) {
        self.kind = kind
        self.name = name
        self.file = file
        self.line = line
    }

    /// The kinds of statements the import reads past.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// INSERT or REPLACE: table data.
        case insert
        /// UPDATE, DELETE, TRUNCATE or LOAD DATA: data changes.
        case dataChange
        /// SET (session variables, `SET NAMES`, mysqldump's saved settings).
        case set
        /// USE database.
        case use
        /// LOCK TABLES.
        case lockTables
        /// UNLOCK TABLES.
        case unlockTables
        /// DROP TABLE of a table that does not exist at that point (with IF EXISTS, as
        /// mysqldump writes before each CREATE TABLE). Drops that remove a table are applied.
        case dropTable
        /// CREATE DATABASE or CREATE SCHEMA.
        case createDatabase
        /// CREATE TRIGGER.
        case trigger
        /// CREATE PROCEDURE.
        case procedure
        /// CREATE FUNCTION.
        case function
        /// CREATE VIEW or ALTER VIEW (also mysqldump's stand-in views).
        case view
        /// CREATE EVENT.
        case event
        /// DROP of a view, trigger, procedure, function, event or database.
        case dropOther
        /// Transaction control: START TRANSACTION, BEGIN, COMMIT, ROLLBACK, SAVEPOINT.
        case transaction
        /// Anything else MySQL accepts that has no bearing on tables: GRANT, CREATE USER, SELECT,
        /// FLUSH, ALTER DATABASE, CREATE SEQUENCE, ...
        case other
    }
}
