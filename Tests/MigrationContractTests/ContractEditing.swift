import JSONCore
import MigrationContract

/// One step of a path into a contract, for editing fixtures in tests.
enum Step {
    case at(Int)
    case key(String)
}

extension OrderedJSON {
    /// The value with the node at `path` replaced by `value`, or removed when `value` is nil;
    /// a missing object key is appended.
    func setting(_ path: [Step], to value: OrderedJSON?) -> OrderedJSON {
        guard let first = path.first else { return value ?? .null }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.array(var items), .at(let index)):
            if index == items.count, let value {
                items.append(OrderedJSON.null.setting(rest, to: value))
            } else if rest.isEmpty, value == nil {
                items.remove(at: index)
            } else {
                items[index] = items[index].setting(rest, to: value)
            }
            return .array(items)
        case (.object(var members), .key(let key)):
            if let position = members.firstIndex(where: { $0.0 == key }) {
                if rest.isEmpty, value == nil {
                    members.remove(at: position)
                } else {
                    members[position].1 = members[position].1.setting(rest, to: value)
                }
            } else if let value {
                members.append((key, OrderedJSON.null.setting(rest, to: value)))
            }
            return .object(members)
        default:
            return self
        }
    }

    /// Renames an object key in place at `path`.
    func renamingKey(at path: [Step], from old: String, to new: String) -> OrderedJSON {
        guard let first = path.first else {
            guard case .object(let members) = self else { return self }
            return .object(members.map { ($0.0 == old ? new : $0.0, $0.1) })
        }
        let rest = Array(path.dropFirst())
        switch (self, first) {
        case (.array(var items), .at(let index)):
            items[index] = items[index].renamingKey(at: rest, from: old, to: new)
            return .array(items)
        case (.object(var members), .key(let key)):
            if let position = members.firstIndex(where: { $0.0 == key }) {
                members[position].1 = members[position].1.renamingKey(at: rest, from: old, to: new)
            }
            return .object(members)
        default:
            return self
        }
    }
}
