import ArgumentParser
import Conversation
import QueryTraffic
import Requirements

/// `ddbmodel capture-script`: prints the read-only SQL script a DBA runs on a server the tool
/// cannot reach; its output is imported with `--capture FILE` (docs/mysql-traffic.md, "The
/// capture script").
struct CaptureScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capture-script",
        abstract: "Print a read-only SQL script that records a server's statement traffic for --capture.",
        discussion: """
            Run it with the mysql client in batch mode and keep its output: \
            ddbmodel capture-script > capture.sql; mysql -B -N -h HOST -u USER -p < capture.sql > capture.tsv; \
            then ddbmodel new NAME --schema schema.sql --capture capture.tsv. It only selects from \
            performance_schema and sleeps between snapshots; it writes nothing.
            """
    )

    @Option(name: .long, help: "How long to record: 90s, 10m, 1h.")
    var duration: String = "10m"

    @Option(name: .long, help: "Time between two snapshots (the interval the peak RPS is measured over): 5s, 10s, 1m.")
    var every: String = "10s"

    func run() throws {
        let environment = CommandEnvironment()
        let (duration, every) = try environment.failing { () throws(RequirementsError) in
            let duration = try TrafficSampleLength.seconds(self.duration)
            guard duration > 0 else { throw RequirementsError("Record for at least 10 seconds: --duration 10m is a good window.") }
            let every = try SnapshotInterval.seconds(self.every)
            guard every * 2 <= duration else {
                throw RequirementsError("The interval (\(self.every)) must fit at least twice in the duration (\(self.duration)).")
            }
            return (Int(duration.rounded()), Int(every.rounded()))
        }
        environment.output.write(CaptureScript.text(durationSeconds: duration, intervalSeconds: every))
    }
}

/// `--every 10s`: the time between two snapshots, whole seconds from 1 s to 10 minutes.
enum SnapshotInterval {
    static func seconds(_ text: String) throws(RequirementsError) -> Double {
        guard let seconds = DurationText.seconds(text, units: "sm"), seconds >= 1, seconds <= 600, seconds.rounded() == seconds else {
            throw RequirementsError("\"\(text)\" is not a snapshot interval; give whole seconds from 1s to 10m, such as 10s.")
        }
        return seconds
    }
}
