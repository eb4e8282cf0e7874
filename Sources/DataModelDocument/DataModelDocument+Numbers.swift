extension DataModelDocument {
    /// Every number the document prints, formatted here and only here so figures read the same
    /// in every section and the bytes never depend on the locale. Integer arithmetic instead of
    /// `String(format:)`, which goes through NSString on Linux and costs microseconds per call.
    enum Number {
        /// Thousands separators and up to `maxFractionDigits` decimals without trailing zeros:
        /// `2,628,000`, `0.5`, `12.346`.
        static func decimal(_ value: Double, maxFractionDigits: Int = 3) -> String {
            fixed(value, fractionDigits: maxFractionDigits, trimZeros: true)
        }

        /// A whole count with thousands separators: `525,600,000`.
        static func count(_ value: Int) -> String {
            grouped(UInt64(value.magnitude), negative: value < 0)
        }

        /// A count of units or requests rounded to a whole number: `525,600,000`.
        static func whole(_ value: Double) -> String {
            fixed(value, fractionDigits: 0, trimZeros: true)
        }

        /// Dollars with cents, always two decimals: `$32.85`, `$0.00`, `$1,204.10`.
        static func money(_ value: Double) -> String {
            "$" + fixed(value, fractionDigits: 2, trimZeros: false)
        }

        /// A unit price as the price list gives it, at least cents: `$0.25`, `$0.125`, `$0.00065`.
        static func price(_ value: Double) -> String {
            let text = fixed(value, fractionDigits: 6, trimZeros: true)
            guard let dot = text.utf8.firstIndex(of: UInt8(ascii: ".")) else { return "$" + text + ".00" }
            let decimals = text.utf8.distance(from: dot, to: text.utf8.endIndex) - 1
            return "$" + text + (decimals == 1 ? "0" : "")
        }

        /// A share of traffic as a percentage with at most one decimal: `20%`, `33.3%`.
        static func percent(_ share: Double) -> String {
            fixed(share * 100, fractionDigits: 1, trimZeros: true) + "%"
        }

        /// Gigabytes with up to three decimals; a positive size too small to show is `<0.001`.
        static func gigabytes(_ value: Double) -> String {
            if value > 0, value < 0.0005 { return "<0.001" }
            return fixed(value, fractionDigits: 3, trimZeros: true)
        }

        /// A size in bytes: `1,234 B`.
        static func bytes(_ value: Int) -> String {
            count(value) + " B"
        }

        /// Request rate: `500`, `0.5`, `12,000`.
        static func rps(_ value: Double) -> String {
            decimal(value)
        }

        private static let powersOfTen: [Double] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000]

        static func fixed(_ value: Double, fractionDigits: Int, trimZeros: Bool) -> String {
            guard value.isFinite else { return value.isNaN ? "?" : (value < 0 ? "-∞" : "∞") }
            let digits = min(max(fractionDigits, 0), powersOfTen.count - 1)
            let scale = powersOfTen[digits]
            let scaled = (value.magnitude * scale).rounded()
            // Beyond 2^53 a double has no fraction left to show: print its whole part.
            guard scaled < 9_007_199_254_740_992 else {
                return value.magnitude < 9.2e18 ? grouped(UInt64(value.magnitude.rounded()), negative: value < 0) : "\(value)"
            }
            let units = UInt64(scaled)
            let divisor = UInt64(scale)
            var text = grouped(units / divisor, negative: value < 0 && units != 0)
            guard digits > 0 else { return text }
            var fraction = units % divisor
            var fractionDigitsLeft = digits
            if trimZeros {
                while fractionDigitsLeft > 0, fraction % 10 == 0 {
                    fraction /= 10
                    fractionDigitsLeft -= 1
                }
                guard fractionDigitsLeft > 0 else { return text }
            }
            let fractionText = String(fraction)
            text += "."
            if fractionText.utf8.count < fractionDigitsLeft {
                text += String(repeating: "0", count: fractionDigitsLeft - fractionText.utf8.count)
            }
            text += fractionText
            return text
        }

        private static func grouped(_ magnitude: UInt64, negative: Bool) -> String {
            let plain = String(magnitude)
            let count = plain.utf8.count
            guard count > 3 else { return negative ? "-" + plain : plain }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count + count / 3 + 1)
            if negative { bytes.append(UInt8(ascii: "-")) }
            for (offset, digit) in plain.utf8.enumerated() {
                if offset > 0, (count - offset) % 3 == 0 { bytes.append(UInt8(ascii: ",")) }
                bytes.append(digit)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
