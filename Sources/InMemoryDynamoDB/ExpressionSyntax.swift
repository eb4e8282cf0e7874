/// A name in a document path: written out, or an `#placeholder` resolved per request.
enum PathName: Hashable {
    case plain(String)
    case placeholder(String)
}

/// One step of a document path: a map member or a list index.
enum PathElement: Hashable {
    case name(PathName)
    case index(Int)
}

/// `a.b[2].c` as parsed, placeholders not yet resolved (so parsed expressions can be cached by
/// their text and shared between requests with different names).
struct DocumentPath: Hashable {
    var elements: [PathElement]
}

/// A path with its placeholders resolved: the attribute names and indexes it walks.
enum ResolvedStep: Hashable {
    case name(String)
    case index(Int)
}

/// An operand of a condition: a path, a `:value`, or `size(path)`.
enum ConditionOperand: Hashable {
    case path(DocumentPath)
    case value(String)
    case size(DocumentPath)
}

/// The comparators of condition and key condition expressions.
enum Comparator: String, Hashable {
    case equal = "="
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
}

/// The boolean functions of condition expressions.
enum ConditionFunction: String, Hashable {
    case attributeExists = "attribute_exists"
    case attributeNotExists = "attribute_not_exists"
    case attributeType = "attribute_type"
    case beginsWith = "begins_with"
    case contains = "contains"
}

/// A parsed condition (also a filter or a key condition before its shape is checked).
indirect enum ConditionNode: Hashable {
    case compare(ConditionOperand, Comparator, ConditionOperand)
    case between(ConditionOperand, ConditionOperand, ConditionOperand)
    case inList(ConditionOperand, [ConditionOperand])
    case function(ConditionFunction, [ConditionOperand])
    case and(ConditionNode, ConditionNode)
    case or(ConditionNode, ConditionNode)
    case not(ConditionNode)
}

/// An operand on the right of `SET path =`: a path, a value, or a function of operands.
indirect enum UpdateOperand: Hashable {
    case path(DocumentPath)
    case value(String)
    case ifNotExists(DocumentPath, UpdateOperand)
    case listAppend(UpdateOperand, UpdateOperand)
}

/// `SET path = value`, where value may add or subtract two operands.
enum SetValue: Hashable {
    case operand(UpdateOperand)
    case plus(UpdateOperand, UpdateOperand)
    case minus(UpdateOperand, UpdateOperand)
}

/// A parsed update expression: its four sections, each action in written order.
struct UpdateActions: Hashable {
    var sets: [(path: DocumentPath, value: SetValue)] = []
    var removes: [DocumentPath] = []
    var adds: [(path: DocumentPath, value: String)] = []
    var deletes: [(path: DocumentPath, value: String)] = []

    static func == (lhs: UpdateActions, rhs: UpdateActions) -> Bool {
        lhs.sets.elementsEqual(rhs.sets, by: { $0.path == $1.path && $0.value == $1.value }) && lhs.removes == rhs.removes
            && lhs.adds.elementsEqual(rhs.adds, by: { $0.path == $1.path && $0.value == $1.value })
            && lhs.deletes.elementsEqual(rhs.deletes, by: { $0.path == $1.path && $0.value == $1.value })
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(sets.count)
        hasher.combine(removes)
        hasher.combine(adds.count)
        hasher.combine(deletes.count)
    }

    /// Every path the update writes, in written order.
    var targetPaths: [DocumentPath] {
        sets.map(\.path) + removes + adds.map(\.path) + deletes.map(\.path)
    }
}

/// A parsed expression with the placeholders it uses, for the defined/unused checks.
struct Parsed<Tree> {
    var tree: Tree
    var names: Set<String>
    var values: Set<String>
}
