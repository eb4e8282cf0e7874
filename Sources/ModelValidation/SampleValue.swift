import JSONCore
import MigrationContract

/// One attribute value of a sample item, typed as DynamoDB stores it.
enum SampleValue: Equatable {
    case s(String)
    case n(Int)
    case bool(Bool)
    case b(String)
    case m(String)
    case l(String)
    case ss(String)

    /// The value in DynamoDB's JSON (`{"S": "x"}`).
    var json: OrderedJSON {
        switch self {
        case .s(let text): return .object([("S", .string(text))])
        case .n(let number): return .object([("N", .string(String(number)))])
        case .bool(let flag): return .object([("BOOL", .bool(flag))])
        case .b(let text): return .object([("B", .string(Base64.encode(Array(text.utf8))))])
        case .m(let text): return .object([("M", .object([("k", .object([("S", .string(text))]))]))])
        case .l(let text): return .object([("L", .array([.object([("S", .string(text))])]))])
        case .ss(let text): return .object([("SS", .array([.string(text)]))])
        }
    }

    /// The value as text, as a concatenated key joins it and as identities compare it.
    var text: String {
        switch self {
        case .s(let text), .m(let text), .l(let text), .ss(let text): return text
        case .n(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .b(let text): return Base64.encode(Array(text.utf8))
        }
    }

    /// The text of a key value in a response (`{"S": "x"}`, `{"N": "1"}`, `{"B": "eA=="}`).
    static func keyText(_ json: OrderedJSON) -> String? {
        guard case .object(let members) = json, let first = members.first else { return nil }
        switch first.1 {
        case .string(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }
}

enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            out.append(alphabet[Int((value >> 18) & 63)])
            out.append(alphabet[Int((value >> 12) & 63)])
            out.append(chunk.count > 1 ? alphabet[Int((value >> 6) & 63)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(value & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
