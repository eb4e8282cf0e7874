import Foundation
import MySQLLive
import QueryTraffic
import Testing

/// The sampler's schedule, progress and early stop, on an injected clock and a scripted source:
/// no server, no real waiting.
@Suite("Digest sampler")
struct DigestSamplerTests {
    /// A clock that moves only when slept on, recording each sleep.
    final class ManualClock: SamplingClock, @unchecked Sendable {
        // @unchecked: `time` and `sleeps` are only touched under `lock`.
        private let lock = NSLock()
        private var time: Double
        private var sleeps: [Double] = []

        init(start: Double) { time = start }

        func now() -> Double { lock.withLock { time } }

        func sleep(seconds: Double) {
            lock.withLock {
                sleeps.append(seconds)
                time += seconds
            }
        }

        var longestSleep: Double { lock.withLock { sleeps.max() ?? 0 } }
    }

    /// Statement `q1` runs 10 times a second, `q2` twice a second, from the clock's start; `q3`
    /// appears only after 12 s. The counters are a function of the clock's time, as a server's are.
    struct ScriptedSource: DigestSnapshotSource {
        let clock: ManualClock
        let start: Double

        func digests() -> [DigestCounters] {
            // Rounded to a millisecond: the clock's steps of 0.2 s add up with binary rounding.
            let elapsed = ((clock.now() - start) * 1000).rounded() / 1000
            var digests = [
                DigestCounters(key: "d1", schema: "shop", digestText: "SELECT * FROM a WHERE id = ?",
                               calls: 100 + Int(elapsed * 10), rowsSent: 100 + Int(elapsed * 10), rowsExamined: 0),
                DigestCounters(key: "d2", schema: "shop", digestText: "UPDATE b SET x = ? WHERE id = ?",
                               calls: Int(elapsed * 2), rowsSent: 0, rowsExamined: Int(elapsed * 2)),
            ]
            if elapsed >= 12 {
                digests.append(DigestCounters(key: "d3", schema: nil, digestText: "SELECT ?", calls: 7, rowsSent: 7, rowsExamined: 0))
            }
            return digests
        }
    }

    /// A source whose snapshots fail from the `failFrom`-th on, as a lost connection would.
    struct FailingSource: DigestSnapshotSource {
        let base: ScriptedSource
        let failFrom: Int
        let taken = Counter()

        final class Counter: @unchecked Sendable {
            // @unchecked: `value` is only touched under `lock`.
            private let lock = NSLock()
            private var value = 0
            func next() -> Int { lock.withLock { value += 1; return value } }
        }

        func digests() throws(MySQLLiveError) -> [DigestCounters] {
            guard taken.next() < failFrom else {
                throw .lostConnection(target: "the server at 127.0.0.1:3306", code: 2013, serverMessage: "Lost connection to server during query")
            }
            return base.digests()
        }
    }

    @Test("A snapshot failing mid-window ends the window there, keeping what was measured; a failing first one is thrown")
    func failureKeepsTheWindow() throws {
        let clock = ManualClock(start: 1_000)
        let sampler = DigestSampler(source: FailingSource(base: ScriptedSource(clock: clock, start: 1_000), failFrom: 4), clock: clock)
        let (snapshots, stoppedBy) = try sampler.sampleKeepingWhatWasMeasured(interval: 5, duration: 60)
        #expect(snapshots.count == 3)
        #expect(stoppedBy?.message.contains("Lost connection") == true)
        let window = try #require(SnapshotDeltas.window(from: snapshots, source: .performanceSchema, requestedSeconds: 60))
        #expect(window.endedEarly)
        #expect(window.seconds == 10)
        #expect(throws: MySQLLiveError.self) {
            try DigestSampler(source: FailingSource(base: ScriptedSource(clock: clock, start: 1_000), failFrom: 4), clock: clock)
                .sample(interval: 5, duration: 60)
        }
        let firstFails = DigestSampler(source: FailingSource(base: ScriptedSource(clock: clock, start: 1_000), failFrom: 1), clock: clock)
        #expect(throws: MySQLLiveError.self) { try firstFails.sampleKeepingWhatWasMeasured(interval: 5, duration: 60) }
    }

    @Test("Snapshots every interval until the end, progress after each")
    func fullWindow() throws {
        let clock = ManualClock(start: 1_000)
        let sampler = DigestSampler(source: ScriptedSource(clock: clock, start: 1_000), clock: clock)
        var steps: [SamplingProgress] = []
        let snapshots = try sampler.sample(interval: 5, duration: 30, progress: { steps.append($0) })
        #expect(close(snapshots.map(\.time), [1_000, 1_005, 1_010, 1_015, 1_020, 1_025, 1_030]))
        #expect(steps.map(\.snapshotsTaken) == Array(1...7))
        #expect(close(steps.map(\.secondsLeft), [30, 25, 20, 15, 10, 5, 0]))
        #expect(steps.map(\.distinctStatements) == [0, 2, 2, 3, 3, 3, 3])
        #expect(clock.longestSleep <= DigestSampler.pollSeconds)

        let window = try #require(SnapshotDeltas.window(from: snapshots, source: .performanceSchema, requestedSeconds: 30))
        #expect(!window.endedEarly)
        #expect(close([window.statements.first?.averageRPS ?? 0], [10]))
        #expect(window.statements.map(\.calls) == [300, 60, 7])
    }

    @Test("A duration that is not a multiple of the interval ends with a shorter last interval")
    func unevenEnd() throws {
        let clock = ManualClock(start: 0)
        let sampler = DigestSampler(source: ScriptedSource(clock: clock, start: 0), clock: clock)
        let snapshots = try sampler.sample(interval: 5, duration: 12)
        #expect(close(snapshots.map(\.time), [0, 5, 10, 12]))
    }

    @Test("Ctrl-C after 2 of 6 snapshots: one last snapshot, a shorter window marked as ended early")
    func stoppedEarly() throws {
        let clock = ManualClock(start: 500)
        let sampler = DigestSampler(source: ScriptedSource(clock: clock, start: 500), clock: clock)
        var taken = 0
        var steps: [SamplingProgress] = []
        // Six snapshots are planned (0, 5, ..., 25 over 25 s); the user presses Ctrl-C 2 s after the second.
        let snapshots = try sampler.sample(
            interval: 5, duration: 25,
            progress: { step in
                steps.append(step)
                taken = step.snapshotsTaken
            },
            shouldStop: { taken >= 2 && clock.now() >= 506.999 })
        #expect(snapshots.count == 3)
        #expect(close(snapshots.map(\.time), [500, 505, 507]))
        #expect(steps.last == SamplingProgress(secondsLeft: 0, snapshotsTaken: 3, distinctStatements: 2))
        let window = try #require(SnapshotDeltas.window(from: snapshots, source: .performanceSchema, requestedSeconds: 25))
        #expect(abs(window.seconds - 7) < 1e-6)
        #expect(window.endedEarly)
        #expect(window.requestedSeconds == 25)
        #expect(window.statements.map(\.calls) == [70, 14])
    }

    @Test("shouldStop is asked at least every 0.2 s while waiting")
    func pollsOften() throws {
        let clock = ManualClock(start: 0)
        let sampler = DigestSampler(source: ScriptedSource(clock: clock, start: 0), clock: clock)
        var askedAt: [Double] = []
        _ = try sampler.sample(interval: 10, duration: 10, shouldStop: {
            askedAt.append(clock.now())
            return false
        })
        let gaps = zip(askedAt.dropFirst(), askedAt).map { $0 - $1 }
        #expect(askedAt.count >= 50)
        #expect(gaps.allSatisfy { $0 <= DigestSampler.pollSeconds + 1e-9 })
    }

    private func close(_ actual: [Double], _ expected: [Double]) -> Bool {
        actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) < 1e-6 }
    }

    @Test("A non-positive interval or duration is an error, not a crash")
    func invalidWindow() {
        let clock = ManualClock(start: 0)
        let sampler = DigestSampler(source: ScriptedSource(clock: clock, start: 0), clock: clock)
        for (interval, duration) in [(0.0, 10.0), (5.0, -1.0), (Double.nan, 10.0)] {
            let error = #expect(throws: MySQLLiveError.self) { try sampler.sample(interval: interval, duration: duration) }
            #expect(error?.message.hasPrefix("Cannot sample:") == true)
        }
    }
}
