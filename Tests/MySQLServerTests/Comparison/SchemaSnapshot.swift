/// One schema as a neutral, comparable value: what the server reports (information_schema) and
/// what the parser reports are both turned into this shape, then compared field by field.
/// Optional fields mean "not stated": the parser only knows what the SQL text says.
struct SchemaSnapshot {
    var tables: [String: TableSnapshot]
}
