import Foundation
import QueryTraffic

// Times SlowLogReader on a generated 1 GB slow query log (median of --runs) against
// pt-query-digest (docs/benchmarks.md, "Query log reading"). pt-query-digest is timed once on a
// prefix of --pt-mb megabytes, cut at an entry boundary, and its rate stands for the whole
// file; on that prefix both tools' call counts per fingerprint are also compared. Then, in the
// same run, 100,000 distinct digests are turned into proposed patterns (DigestPatternsBenchmark).

var sizeMB = 1024
var runs = 3
var ptMB = 100
var path: String?
var digestRuns = 5
var onlyDigests = false
var arguments = CommandLine.arguments.dropFirst().makeIterator()
while let argument = arguments.next() {
    switch argument {
    case "--size-mb": sizeMB = Int(arguments.next() ?? "") ?? sizeMB
    case "--runs": runs = max(1, Int(arguments.next() ?? "") ?? runs)
    case "--pt-mb": ptMB = Int(arguments.next() ?? "") ?? ptMB
    case "--file": path = arguments.next()
    case "--digest-runs": digestRuns = max(1, Int(arguments.next() ?? "") ?? digestRuns)
    case "--only-digests": onlyDigests = true
    default:
        FileHandle.standardError.write(Data("usage: ddbmodel-traffic-bench [--size-mb 1024] [--runs 3] [--pt-mb 100] [--file PATH] [--digest-runs 5] [--only-digests]\n".utf8))
        exit(2)
    }
}

let megabyte = 1 << 20
let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ddbmodel-traffic-bench-\(getpid())")
try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: directory) }
let logPath = path ?? directory.appendingPathComponent("slow.log").path

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func format(_ value: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", value) }

do {
    if onlyDigests {
        try DigestPatternsBenchmark.parseOnly()
        try DigestPatternsBenchmark.run(runs: digestRuns)
        exit(0)
    }
    var generator = SlowLogGenerator(seed: 13)
    var statements = 0
    let generation = try seconds { statements = try generator.write(to: logPath, bytes: sizeMB * megabyte) }
    let size = (try FileManager.default.attributesOfItem(atPath: logPath)[.size] as? Int) ?? 0
    print("Generated \(logPath): \(format(Double(size) / Double(megabyte))) MB, \(statements) statements (\(format(generation)) s)")

    var times: [Double] = []
    var window: TrafficWindow?
    for run in 1...runs {
        let time = try seconds { window = try QueryLogFiles.read(paths: [logPath]) }
        times.append(time)
        print("  ddbmodel run \(run): \(format(time, 2)) s")
    }
    let median = times.sorted()[times.count / 2]
    let ours = Double(size) / Double(megabyte) / median
    let calls = window?.statements.reduce(0) { $0 + $1.calls } ?? 0
    print("ddbmodel SlowLogReader: median \(format(median, 2)) s over \(runs) runs, \(format(ours)) MB/s; \(calls) statements in \(window?.statements.count ?? 0) fingerprints")

    // The prefix pt-query-digest is timed on, cut before an entry's `# Time:` line.
    let prefixPath = directory.appendingPathComponent("prefix.log").path
    let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: logPath))
    var prefix = try handle.read(upToCount: min(size, ptMB * megabyte)) ?? Data()
    try handle.close()
    if prefix.count < size, let cut = prefix.range(of: Data("\n# Time:".utf8), options: .backwards) {
        prefix = prefix.prefix(upTo: cut.lowerBound + 1)
    }
    try prefix.write(to: URL(fileURLWithPath: prefixPath))
    let prefixMB = Double(prefix.count) / Double(megabyte)

    let pt = try PtQueryDigest.run(on: prefixPath)
    let theirs = prefixMB / pt.seconds
    print("pt-query-digest 3.2.1: \(format(pt.seconds, 1)) s on the first \(format(prefixMB)) MB, \(format(theirs)) MB/s"
        + (prefix.count < size ? " (timed on that prefix; the whole file at this rate: \(format(Double(size) / Double(megabyte) / theirs, 0)) s)" : ""))
    print("Ratio: ddbmodel reads \(format(ours / theirs)) times as fast as pt-query-digest")

    let prefixWindow = try QueryLogFiles.read(paths: [prefixPath])
    var ourCounts: [String: Int] = [:]
    for statement in prefixWindow.statements { ourCounts[statement.fingerprint] = statement.calls }
    let agree = ourCounts == pt.counts
    print("Grouping on the prefix: \(ourCounts.count) fingerprints, \(ourCounts.values.reduce(0, +)) statements; "
        + (agree ? "identical to pt-query-digest's (every fingerprint, every count)" : "DIFFERS from pt-query-digest's \(pt.counts.count) fingerprints"))
    if !agree { exit(1) }
    try DigestPatternsBenchmark.run(runs: digestRuns)
} catch {
    FileHandle.standardError.write(Data("ddbmodel-traffic-bench: \(error)\n".utf8))
    exit(1)
}
