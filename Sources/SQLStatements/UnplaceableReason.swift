/// The reasons given for statements the reader cannot place, in the words the user reads.
enum UnplaceableReason {
    static let emptyStatement = "the statement is empty"
    static let insertSelect = "INSERT ... SELECT copies rows between tables"
    static let union = "UNION combines the rows of several SELECTs; each would be its own access pattern"
    static let commonTableExpression = "WITH (a common table expression) is a query over a query; it is not followed"
    static let derivedTable = "a derived table (a subquery in FROM) is not followed"
    static let call = "CALL runs a stored procedure whose statements are not seen here"
    static let dynamicSQL = "dynamic SQL (PREPARE/EXECUTE) runs a statement text that is not seen here"
    static let loadData = "LOAD DATA reads rows from a file in bulk"
    static let truncatedDigest = "the digest text is truncated"
    static let handler = "HANDLER reads a table through its low-level interface, not through a statement"

    /// A subquery somewhere the reader does not follow it ("in WHERE", "in the select list").
    static func subquery(_ place: String) -> String {
        "a subquery \(place) is not followed"
    }
}
