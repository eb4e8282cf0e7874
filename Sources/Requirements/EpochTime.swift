/// Epoch seconds from the values a TTL counts from (docs/design-engine.md, "Lifecycle"): ISO
/// 8601 dates (`2030-01-31`) and times (`2030-01-31T08:00:00Z`, with an offset or fractions),
/// or a number already in epoch seconds. Pure arithmetic on the proleptic Gregorian calendar, so
/// the proof, the validator and the generated code agree without a calendar library.
public enum EpochTime {
    /// The epoch seconds of `text`, or nil when it is neither a number nor an ISO 8601 date or time.
    public static func seconds(of text: String) -> Int? {
        let trimmed = text.trimmingWhitespace
        if let number = Double(trimmed), trimmed.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) { return Int(number) }
        let characters = Array(trimmed)
        guard characters.count >= 10, characters[4] == "-", characters[7] == "-",
              let year = Int(String(characters[0..<4])), let month = Int(String(characters[5..<7])), let day = Int(String(characters[8..<10])),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = days(year: year, month: month, day: day) * 86_400
        guard characters.count > 10 else { return seconds }
        guard characters[10] == "T" || characters[10] == " ", characters.count >= 16, characters[13] == ":",
              let hour = Int(String(characters[11..<13])), let minute = Int(String(characters[14..<16])), hour < 24, minute < 60 else { return nil }
        seconds += hour * 3_600 + minute * 60
        var position = 16
        if position < characters.count, characters[position] == ":" {
            guard position + 3 <= characters.count, let second = Int(String(characters[position + 1..<position + 3])), second < 61 else { return nil }
            seconds += second
            position += 3
        }
        if position < characters.count, characters[position] == "." {
            position += 1
            while position < characters.count, characters[position].isNumber { position += 1 }
        }
        guard position < characters.count else { return seconds }
        let zone = String(characters[position...])
        if zone == "Z" { return seconds }
        let sign = zone.first == "+" ? 1 : zone.first == "-" ? -1 : 0
        let digits = zone.dropFirst().filter(\.isNumber)
        guard sign != 0, digits.count == 4, let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2)) else { return nil }
        return seconds - sign * (hours * 3_600 + minutes * 60)
    }

    /// `2030-01-01T05:00:00Z` for epoch seconds (UTC).
    public static func isoText(_ seconds: Int) -> String {
        let dayNumber = Int((Double(seconds) / 86_400).rounded(.down))
        let within = seconds - dayNumber * 86_400
        let (year, month, day) = civil(dayNumber)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(within / 3_600)):\(two(within / 60 % 60)):\(two(within % 60))Z"
    }

    /// `2030-01-01` for epoch seconds (UTC).
    public static func dateText(_ seconds: Int) -> String {
        String(isoText(seconds).prefix(10))
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(_ days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPart = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
        let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
