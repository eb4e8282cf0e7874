import Requirements

/// A moment as ISO 8601 in UTC to the minute (`2026-12-05T10:00Z`): the end of a measured
/// window as the provenance states it. The same seconds always give the same text, whatever
/// the machine's zone (the calendar arithmetic is `EpochTime`'s).
enum UTCMinute {
    static func text(epochSeconds: Double) -> String {
        let minute = Int((epochSeconds / 60).rounded(.down)) * 60
        return String(EpochTime.isoText(minute).prefix(16)) + "Z"
    }
}
