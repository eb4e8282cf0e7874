/// Which parse of the schema is compared with the server.
enum ParseOrigin: String {
    /// `mysqldump --no-data` output of the loaded database: one CREATE TABLE per table, in the
    /// server's own spelling.
    case dump = "mysqldump output"
    /// The hand-written schema.sql followed by the migrations, applied in order.
    case sourceFiles = "schema.sql + migrations"
}
