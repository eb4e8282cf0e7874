/// What PutItem, UpdateItem and DeleteItem return (`ReturnValues`); each operation allows a subset.
public enum ReturnValue: String, Sendable, Hashable, CaseIterable {
    case none = "NONE"
    case allOld = "ALL_OLD"
    case updatedOld = "UPDATED_OLD"
    case allNew = "ALL_NEW"
    case updatedNew = "UPDATED_NEW"
}

/// Whether a response reports the capacity it consumed, and in how much detail.
public enum ReturnConsumedCapacity: String, Sendable, Hashable, CaseIterable {
    case none = "NONE"
    case total = "TOTAL"
    case indexes = "INDEXES"
}

/// Whether a failed condition returns the item as it was.
public enum ReturnValuesOnConditionCheckFailure: String, Sendable, Hashable, CaseIterable {
    case none = "NONE"
    case allOld = "ALL_OLD"
}

/// What Query and Scan return.
public enum Select: String, Sendable, Hashable, CaseIterable {
    case allAttributes = "ALL_ATTRIBUTES"
    case allProjectedAttributes = "ALL_PROJECTED_ATTRIBUTES"
    case specificAttributes = "SPECIFIC_ATTRIBUTES"
    case count = "COUNT"
}
