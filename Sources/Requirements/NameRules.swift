/// The naming rules for entities and attributes: names that become DynamoDB table and
/// attribute names later must survive that trip unchanged.
public enum NameRules {
    public static func checkEntityName(_ name: String) throws(RequirementsError) {
        guard isIdentifier(name), name.count <= 200 else {
            throw RequirementsError("\"\(name)\" is not a valid entity name: use letters, digits and _ (starting with a letter), such as User or order_item.")
        }
    }

    public static func checkAttributeName(_ name: String) throws(RequirementsError) {
        guard isIdentifier(name), name.utf8.count <= 255 else {
            throw RequirementsError("\"\(name)\" is not a valid attribute name: use letters, digits and _ (starting with a letter), such as user_id.")
        }
    }

    /// Letters, digits and underscores, starting with a letter (ASCII only, so the name is valid
    /// in DynamoDB, CloudFormation and Python alike).
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.isASCIILetter else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" }
    }
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    public var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isWhitespaceScalar }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isWhitespaceScalar })!
        return String(scalars[start...end])
    }
}

extension Unicode.Scalar {
    var isWhitespaceScalar: Bool { self == " " || self == "\t" || self == "\n" || self == "\r" }
}
