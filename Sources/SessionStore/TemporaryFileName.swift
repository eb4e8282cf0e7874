import Foundation

/// The name `AtomicFile` gives the temporary file it writes before renaming it over the target:
/// `.TARGET.tmp-PID-N`, next to the target.
///
/// One type both makes and reads these names, so the clean-up of files left by a killed process
/// (`StaleTemporaryFiles`) recognises exactly what `AtomicFile` creates and nothing else.
struct TemporaryFileName: Equatable {
    /// The name of the file the temporary one was going to replace.
    let target: String
    /// The process that created it.
    let pid: Int32
    /// The per-process counter, so two saves in one process never share a name.
    let counter: Int

    init(target: String, pid: Int32, counter: Int) {
        self.target = target
        self.pid = pid
        self.counter = counter
    }

    /// Reads a directory entry; nil unless it has exactly the shape `AtomicFile` writes.
    init?(parsing entry: String) {
        guard entry.hasPrefix("."), let marker = entry.range(of: ".tmp-", options: .backwards),
            marker.lowerBound > entry.startIndex
        else { return nil }
        let target = entry[entry.index(after: entry.startIndex)..<marker.lowerBound]
        let numbers = entry[marker.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
        guard !target.isEmpty, numbers.count == 2,
            numbers.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let pid = Int32(numbers[0]), pid > 0, let counter = Int(numbers[1])
        else { return nil }
        self.init(target: String(target), pid: pid, counter: counter)
    }

    /// The directory entry.
    var entry: String { ".\(target).tmp-\(pid)-\(counter)" }
}
