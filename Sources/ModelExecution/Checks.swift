import DesignEngine
import DynamoDBAPI
import Requirements

// The assertions a model exercise makes, one small type each, pure: observations in, problems
// out. Each check's deciding line carries a `MUTATION:` marker; `scripts/mutation-check.sh`
// deletes one marked line at a time and proves that some test then fails (docs/validate.md).

/// The items returned are exactly the items expected: none missing, none extra, none twice.
enum ItemIdentityCheck {
    static func problems(expected: [String], got: [String], label: String) -> [String] {
        let want = expected.sorted()
        let have = got.sorted()
        if want != have { return ["\(label) returned \(describe(have)), expected \(describe(want))"] } // MUTATION: item-identity
        return []
    }

    static func describe(_ identities: [String]) -> String {
        identities.isEmpty ? "nothing" : "[" + identities.joined(separator: ", ") + "]"
    }
}

/// The items come back in the order the pattern asks for.
enum OrderingCheck {
    static func problems(values: [AttributeValue?], attribute: String, direction: SortDirection) -> [String] {
        let present = values.compactMap { $0 }
        guard present.count == values.count else { return [] }
        for (first, second) in zip(present, present.dropFirst()) {
            let order = AttributeValue.compareKeys(first, second)
            let wrong = direction == .descending ? order < 0 : order > 0
            if wrong { return ["not ordered by \(attribute) \(direction == .descending ? "descending" : "ascending")"] } // MUTATION: ordering
        }
        return []
    }
}

/// A create that repeats a unique value (or an existing key) is refused, and writes nothing.
enum DuplicateRejectionCheck {
    static func problems(label: String, refusedByCondition: Bool, failure: String?, writtenAnyway: Bool) -> [String] {
        var problems: [String] = []
        if failure == nil { problems.append("\(label) was accepted (no condition rejects it)") } // MUTATION: duplicate-rejection
        if let failure, !refusedByCondition { problems.append("\(label) failed for another reason than its condition: \(failure)") }
        if writtenAnyway { problems.append("\(label): an item was written anyway") }
        return problems
    }
}

/// A deleted item is gone.
enum AbsenceAfterDeleteCheck {
    static func problems(stillThere: Bool, label: String) -> [String] {
        if stillThere { return ["\(label) is still there after the delete"] } // MUTATION: absence-after-delete
        return []
    }
}

/// A unique value given up (by a delete or a change) is free again.
enum UniqueValueReleaseCheck {
    static func problems(stillReserved: Bool, table: String) -> [String] {
        if stillReserved { return ["the old unique value is still reserved in \(table)"] } // MUTATION: unique-release
        return []
    }
}

/// A unique value taken (by a create or a change) is reserved in its lookup table.
enum UniqueValueReservedCheck {
    static func problems(reserved: Bool, table: String) -> [String] {
        if !reserved { return ["the lookup item for the new value is missing in \(table)"] } // MUTATION: unique-reserved
        return []
    }
}

/// The attributes a write stored are those the plan's caller passed.
enum StoredValuesCheck {
    static func problems(expected: Item, stored: Item?, label: String) -> [String] {
        guard let stored else { return ["\(label) cannot be read back after the write"] }
        var problems: [String] = []
        for name in expected.keys.sorted() where stored[name] != expected[name] {
            problems.append("\(label): \(name) is \(stored[name].map { "\($0)" } ?? "missing"), expected \(expected[name]!)") // MUTATION: stored-values
        }
        return problems
    }
}

/// What an effect leaves behind: a checked item unchanged, a counter moved by exactly the amount.
enum EffectCheck {
    /// The checked item was there before the write and is exactly as it was after it.
    static func unchanged(before: Item?, after: Item?, label: String) -> [String] {
        if before == nil || before != after { return [before == nil ? "\(label) was not there, yet the check passed" : "\(label) changed, though the write only checks it"] } // MUTATION: effect-check-unchanged
        return []
    }

    static func counter(expected: Double, got: Double?, attribute: String, label: String) -> [String] {
        guard let got else { return ["\(label) has no \(attribute) after the write"] }
        if abs(got - expected) > 1e-9 { return ["\(label) holds \(attribute) = \(ExerciseRun.text(got)), expected \(ExerciseRun.text(expected))"] } // MUTATION: effect-counter
        return []
    }
}

/// An item of an entity with a retention period carries its expiry: the time its `from`
/// attribute holds plus the retention, in epoch seconds, as a Number (docs/design-engine.md,
/// "Lifecycle"). Computed here from the stored item alone, not from the plan.
enum ExpiryCheck {
    static func problems(_ item: Item?, retention: EntityRetention, attribute: String, label: String) -> [String] {
        guard let item else { return [] }
        guard let start = item[retention.storedFrom], let text = ValueConversion.text(of: start), let epoch = EpochTime.seconds(of: text) else {
            return ["\(label): \(retention.storedFrom) holds no date to count the retention from"]
        }
        let expected = AttributeValue.n(String(epoch + retention.period.seconds))
        let stored = item[attribute]
        if stored != expected { return ["\(label): the TTL attribute \(attribute) is \(stored.map { "\($0)" } ?? "missing"), expected \(expected) (\(retention.storedFrom) + \(retention.period.days) days)"] } // MUTATION: ttl-expiry
        return []
    }
}

/// A sparse index holds exactly the items in its selected state (docs/design-engine.md,
/// "Sparse indexes"): an item that entered the state carries the key and is in the index, one
/// that left it carries no key and is gone from the index.
enum SparseIndexCheck {
    static func problems(inState: Bool, carriesKey: Bool, inIndex: Bool, label: String, index: String, attribute: String) -> [String] {
        var problems: [String] = []
        if inState != carriesKey { problems.append("\(label) \(inState ? "entered" : "left") the state of \(index) but \(carriesKey ? "still carries" : "does not carry") \(attribute)") }
        if inState != inIndex { problems.append("\(label) \(inState ? "entered" : "left") the state of \(index) but is \(inIndex ? "still" : "not") in the index") } // MUTATION: sparse-index
        return problems
    }
}
