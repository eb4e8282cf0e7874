import Foundation

/// A number the user gave, or their explicit statement that they do not know it yet.
///
/// The tool never fills in a number on the user's behalf: a missing estimate is `nil` (not asked
/// yet) and an unknown one is `.unknown`, which keeps the affected item pending.
public enum Estimate: Sendable, Equatable, Hashable {
    case known(Double)
    case unknown

    /// The value when known.
    public var value: Double? {
        if case .known(let number) = self { return number }
        return nil
    }
}

extension Estimate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .known(number)
            return
        }
        let text = try container.decode(String.self)
        guard text == "unknown" else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "expected a number or \"unknown\", found \"\(text)\"")
        }
        self = .unknown
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .known(let number): try container.encode(number)
        case .unknown: try container.encode("unknown")
        }
    }
}

extension Estimate: CustomStringConvertible {
    /// Integers print without a decimal point: `500`, not `500.0`.
    public var description: String {
        switch self {
        case .known(let number): return NumberFormatting.plain(number)
        case .unknown: return "unknown"
        }
    }
}

/// Number printing shared by every rendered text, so documents stay byte-identical across runs.
public enum NumberFormatting {
    /// `500` for whole numbers, otherwise up to three decimals without trailing zeros.
    public static func plain(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 {
            return String(Int64(number))
        }
        var text = String(format: "%.3f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
