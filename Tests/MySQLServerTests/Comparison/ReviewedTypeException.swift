/// A reviewed difference between the parser's type text and the server's COLUMN_TYPE that is
/// correct behaviour, not a parser bug. Each one names its exact column, types and the parses it
/// applies to, so nothing else slips through; one that a parse no longer needs is reported as
/// stale.
struct ReviewedTypeException: Hashable {
    let origins: Set<ParseOrigin>
    let table: String
    let column: String
    let parserType: String
    let serverType: String
    let reason: String
}
