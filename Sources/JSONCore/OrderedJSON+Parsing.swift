extension OrderedJSON {
    /// The deepest nesting of arrays and objects the parser accepts; `JSONDecoder` refuses anything
    /// deeper too.
    public static let maximumDepth = JSONParser.maximumDepth

    /// Parses JSON (RFC 8259) keeping object members in file order, duplicates included, so a
    /// validator can report a key written twice instead of silently keeping one of them.
    ///
    /// Integers without a fraction or exponent that fit in `Int` become `.integer`; every other
    /// number becomes `.number`.
    public static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> OrderedJSON {
        var parser = JSONParser(bytes: bytes, buildsValues: true)
        return try parser.parseDocument()
    }

    /// The first syntax error in `bytes`, or nil when they are one valid JSON value; the same
    /// reading as `parse` without building the values, for a document decoded another way
    /// afterwards (`session.json`, through `JSONDecoder`).
    public static func syntaxError(in bytes: [UInt8]) -> JSONSyntaxError? {
        var parser = JSONParser(bytes: bytes, buildsValues: false)
        do {
            _ = try parser.parseDocument()
            return nil
        } catch {
            return error
        }
    }
}
