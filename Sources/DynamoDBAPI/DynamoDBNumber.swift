/// A DynamoDB number read exactly: sign, significant digits and a decimal exponent.
///
/// DynamoDB numbers have up to 38 significant digits and magnitudes from 1E-130 to just under
/// 1E+126, so `Double` would merge distinct keys and misorder them; this keeps every digit.
/// The value is `0.d₁d₂d₃… × 10^exponent` with no leading or trailing zero digits (zero has
/// no digits).
public struct DynamoDBNumber: Sendable, Hashable, Comparable, CustomStringConvertible {
    public private(set) var isNegative: Bool
    /// Significant decimal digits (0–9), most significant first, no leading or trailing zeros.
    public private(set) var digits: [UInt8]
    public private(set) var exponent: Int

    /// The most significant digits DynamoDB stores.
    public static let maximumDigits = 38

    public static let zero = DynamoDBNumber(isNegative: false, digits: [], exponent: 0)

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        var digits = digits
        var exponent = exponent
        var leading = 0
        while leading < digits.count, digits[leading] == 0 { leading += 1 }
        if leading > 0 {
            digits.removeFirst(leading)
            exponent -= leading
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        self.isNegative = digits.isEmpty ? false : isNegative
        self.digits = digits
        self.exponent = digits.isEmpty ? 0 : exponent
    }

    /// Reads decimal text as DynamoDB accepts it: an optional sign, digits with an optional
    /// decimal point (at least one digit), an optional exponent (`e` or `E`, optional sign,
    /// digits). Nil for anything else (`"abc"`, `""`, `"NaN"`, `" 1"`).
    public init?(_ text: String) {
        var negative = false
        var digits: [UInt8] = []
        var pointPosition: Int?
        var sawDigit = false
        var exponentValue = 0
        var iterator = text.utf8.makeIterator()
        var byte = iterator.next()
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            negative = byte == UInt8(ascii: "-")
            byte = iterator.next()
        }
        while let current = byte {
            if current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") {
                sawDigit = true
                digits.append(current - UInt8(ascii: "0"))
            } else if current == UInt8(ascii: "."), pointPosition == nil {
                pointPosition = digits.count
            } else {
                break
            }
            byte = iterator.next()
        }
        guard sawDigit else { return nil }
        if let current = byte {
            guard current == UInt8(ascii: "e") || current == UInt8(ascii: "E") else { return nil }
            var exponentNegative = false
            var next = iterator.next()
            if next == UInt8(ascii: "-") || next == UInt8(ascii: "+") {
                exponentNegative = next == UInt8(ascii: "-")
                next = iterator.next()
            }
            var exponentDigits = 0
            while let current = next {
                guard current >= UInt8(ascii: "0") && current <= UInt8(ascii: "9") else { return nil }
                exponentDigits += 1
                // Far beyond any valid magnitude: keep the value bounded, the range check rejects it.
                if exponentValue < 1_000_000 { exponentValue = exponentValue * 10 + Int(current - UInt8(ascii: "0")) }
                next = iterator.next()
            }
            guard exponentDigits > 0 else { return nil }
            if exponentNegative { exponentValue = -exponentValue }
        }
        self.init(isNegative: negative, digits: digits, exponent: (pointPosition ?? digits.count) + exponentValue)
    }

    public var isZero: Bool { digits.isEmpty }

    /// How many significant digits the number has (zero has one).
    public var significantDigits: Int { max(1, digits.count) }

    /// Why DynamoDB would refuse to store this number, or nil when it fits: more than 38
    /// significant digits, or a magnitude outside 1E-130 ..< 1E+126.
    public var rangeProblem: String? {
        if digits.count > Self.maximumDigits { return "Attempting to store more than 38 significant digits in a Number" }
        if isZero { return nil }
        if exponent > 126 { return "Number overflow. Attempting to store a number with magnitude larger than supported range" }
        if exponent < -129 { return "Number underflow. Attempting to store a number with magnitude smaller than supported range" }
        return nil
    }

    /// Plain decimal text without exponent, leading or trailing zeros: `"-12.5"`, `"0.003"`, `"1000"`.
    public var description: String {
        if digits.isEmpty { return "0" }
        var text = isNegative ? "-" : ""
        let characters = digits.map { Character(Unicode.Scalar($0 + UInt8(ascii: "0"))) }
        if exponent <= 0 {
            text += "0." + String(repeating: "0", count: -exponent) + String(characters)
        } else if exponent >= digits.count {
            text += String(characters) + String(repeating: "0", count: exponent - digits.count)
        } else {
            text += String(characters[0..<exponent]) + "." + String(characters[exponent...])
        }
        return text
    }

    /// The canonical text of a number's text (itself when it is not a number), so `"1.0"` and
    /// `"1"` hash and compare alike.
    public static func canonicalText(_ text: String) -> String {
        DynamoDBNumber(text)?.description ?? text
    }

    /// Whether two numbers' texts denote the same value.
    public static func equal(_ a: String, _ b: String) -> Bool {
        guard let x = DynamoDBNumber(a), let y = DynamoDBNumber(b) else { return false }
        return x == y
    }

    /// -1, 0 or 1.
    public func compare(_ other: DynamoDBNumber) -> Int {
        if isNegative != other.isNegative { return isNegative ? -1 : 1 }
        let magnitude = Self.compareMagnitudes(self, other)
        return isNegative ? -magnitude : magnitude
    }

    public static func < (lhs: DynamoDBNumber, rhs: DynamoDBNumber) -> Bool { lhs.compare(rhs) < 0 }

    private static func compareMagnitudes(_ a: DynamoDBNumber, _ b: DynamoDBNumber) -> Int {
        if a.isZero || b.isZero { return a.isZero ? (b.isZero ? 0 : -1) : 1 }
        if a.exponent != b.exponent { return a.exponent < b.exponent ? -1 : 1 }
        for index in 0..<min(a.digits.count, b.digits.count) where a.digits[index] != b.digits[index] {
            return a.digits[index] < b.digits[index] ? -1 : 1
        }
        return a.digits.count == b.digits.count ? 0 : (a.digits.count < b.digits.count ? -1 : 1)
    }

    public var negated: DynamoDBNumber {
        DynamoDBNumber(isNegative: !isNegative, digits: digits, exponent: exponent)
    }

    /// The exact sum.
    public static func + (lhs: DynamoDBNumber, rhs: DynamoDBNumber) -> DynamoDBNumber {
        if lhs.isZero { return rhs }
        if rhs.isZero { return lhs }
        // Both as integers times 10^low, digits most significant first.
        let low = min(lhs.exponent - lhs.digits.count, rhs.exponent - rhs.digits.count)
        let high = max(lhs.exponent, rhs.exponent)
        func aligned(_ number: DynamoDBNumber) -> [UInt8] {
            [UInt8](repeating: 0, count: high - number.exponent) + number.digits
                + [UInt8](repeating: 0, count: number.exponent - number.digits.count - low)
        }
        let a = aligned(lhs)
        let b = aligned(rhs)
        if lhs.isNegative == rhs.isNegative {
            var result = [UInt8](repeating: 0, count: a.count + 1)
            var carry: UInt8 = 0
            for index in stride(from: a.count - 1, through: 0, by: -1) {
                let sum = a[index] + b[index] + carry
                result[index + 1] = sum % 10
                carry = sum / 10
            }
            result[0] = carry
            return DynamoDBNumber(isNegative: lhs.isNegative, digits: result, exponent: high + 1)
        }
        let order = compareMagnitudes(lhs, rhs)
        if order == 0 { return .zero }
        let (big, small, negative) = order > 0 ? (a, b, lhs.isNegative) : (b, a, rhs.isNegative)
        var result = [UInt8](repeating: 0, count: big.count)
        var borrow: Int = 0
        for index in stride(from: big.count - 1, through: 0, by: -1) {
            var difference = Int(big[index]) - Int(small[index]) - borrow
            borrow = difference < 0 ? 1 : 0
            if difference < 0 { difference += 10 }
            result[index] = UInt8(difference)
        }
        return DynamoDBNumber(isNegative: negative, digits: result, exponent: high)
    }

    public static func - (lhs: DynamoDBNumber, rhs: DynamoDBNumber) -> DynamoDBNumber {
        lhs + rhs.negated
    }
}
