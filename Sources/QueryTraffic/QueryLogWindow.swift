/// Builds the window a query log (or several) covers from its fingerprint groups.
///
/// A log measures in whole seconds: the window runs from the start of the first statement's
/// second to the end of the last statement's second, so its length is
/// `last second − first second + 1` (a log whose statements all ran within one second covers
/// one second). A statement's average RPS is its calls over that length; its peak RPS is the
/// most calls it had in any one second; `intervalCalls` lists its calls per second, second 0
/// being the window's first.
enum QueryLogWindow {
    static func window(_ groups: FingerprintGroups, source: TrafficSource, file: String) throws -> TrafficWindow {
        guard groups.statements > 0 else {
            throw TrafficLogError(file: file, line: nil, message: "holds no statements: is it the whole log, and was the log turned on while the application ran?")
        }
        let first = groups.firstSecond
        let length = Double(groups.lastSecond - first + 1)
        let statements = groups.groups.map { group -> StatementTraffic in
            let perSecond = merged(group.seconds)
            let schema: String?
            switch group.schema {
            case .known(let name): schema = name
            case .fromEarlierPart: schema = nil
            }
            return StatementTraffic(
                fingerprint: String(decoding: group.fingerprint, as: UTF8.self),
                example: String(decoding: group.example, as: UTF8.self),
                schema: schema,
                calls: group.calls,
                averageRPS: Double(group.calls) / length,
                peakRPS: Double(perSecond.map(\.calls).max() ?? 0),
                rowsSentPerCall: group.callsWithRows > 0 ? Double(group.rowsSent) / Double(group.callsWithRows) : nil,
                rowsExaminedPerCall: group.callsWithRows > 0 ? Double(group.rowsExamined) / Double(group.callsWithRows) : nil,
                intervalCalls: perSecond.map { IntervalCalls(interval: Int($0.second - first), calls: $0.calls) }
            )
        }.sorted(by: TrafficOrder.busiestFirst)
        return TrafficWindow(
            source: source, start: Double(first), end: Double(groups.lastSecond + 1), requestedSeconds: nil,
            peakIntervalSeconds: 1, statements: statements
        )
    }

    /// Runs of calls per second, sorted by second with each second once.
    static func merged(_ runs: [SecondCalls]) -> [SecondCalls] {
        var ordered = runs
        var isSorted = true
        for index in ordered.indices.dropFirst() where ordered[index - 1].second > ordered[index].second {
            isSorted = false
            break
        }
        if !isSorted { ordered.sort { $0.second < $1.second } }
        var result: [SecondCalls] = []
        result.reserveCapacity(ordered.count)
        for run in ordered {
            if let last = result.last, last.second == run.second {
                result[result.count - 1].calls += run.calls
            } else {
                result.append(run)
            }
        }
        return result
    }
}
