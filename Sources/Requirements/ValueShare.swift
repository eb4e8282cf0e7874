/// What share of an entity's items (or of the traffic on a key) one value of an attribute takes,
/// as the user stated it: the busiest tenant's share, the share of `open` issues. Shares are
/// fractions between 0 and 1 (`30%` is 0.3).
public struct ValueShare: Codable, Sendable, Equatable {
    /// The value, as text (`open`, `true`); `nil` for the items without a value (`IS NULL`).
    public var value: String?
    public var share: Double

    public init(value: String?, share: Double) {
        self.value = value
        self.share = share
    }
}

/// One equality an access pattern selects its items by: `status = open`, or `returned_at IS NULL`
/// (`value` nil). A selection of a minority value can be served by a sparse index
/// (docs/design-engine.md, "Sparse indexes").
public struct SelectedValue: Codable, Sendable, Equatable {
    public var attribute: String
    /// The selected value as text; `nil` selects the items without the attribute.
    public var value: String?

    public init(attribute: String, value: String?) {
        self.attribute = attribute
        self.value = value
    }

    /// `status = open`, `returned_at is null`.
    public var text: String { value.map { "\(attribute) = \($0)" } ?? "\(attribute) is null" }
}

extension Attribute {
    /// The stated share of the items holding `value` (nil selects the items without one).
    public func share(of value: String?) -> Double? {
        valueShares?.first { $0.value == value }?.share
    }
}

extension AnswerParser {
    /// `30%`, `0.3` or `30 %`: a share between 0 (exclusive) and 1.
    public static func share(_ text: String, what: String) throws(RequirementsError) -> Double {
        var trimmed = text.trimmingWhitespace
        let isPercent = trimmed.hasSuffix("%")
        if isPercent { trimmed = String(trimmed.dropLast()).trimmingWhitespace }
        guard let number = Self.number(trimmed) else {
            throw RequirementsError("\(what) must be a percentage such as 30%, found \"\(text)\".")
        }
        let share = isPercent || number > 1 ? number / 100 : number
        guard share > 0, share <= 1 else {
            throw RequirementsError("\(what) must be above 0% and at most 100%, found \"\(text)\".")
        }
        return share
    }
}
