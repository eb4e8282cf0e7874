/// Why the reader stopped before it had a shape: the statement is a data access it cannot
/// place, or it is no data access at all. Thrown inside the reader, turned into a
/// `StatementReading` by `DMLParser.read`.
enum ReadingStop: Error, Sendable {
    case unplaceable(String)
    case notDataAccess(String)
}
