import Foundation

/// A number the user gave (RPS, users), or "unknown".
public typealias Estimate = Unknowable<Double>

extension Unknowable: CustomStringConvertible where Value == Double {
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
