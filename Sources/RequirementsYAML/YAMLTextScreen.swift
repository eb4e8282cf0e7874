import Requirements
import Yams

/// Checks every text of a composed file (keys and values) against `FreeText` before anything is
/// read from it, so a file with a control character, an escape sequence or an outsized value is
/// refused at once, each problem at its line and column.
///
/// Aliases make this a matter of time as much as of content: one 1 MB string anchored once and
/// used as 300 descriptions is 300 MB of text to trim, check, render and save. Sizes are read
/// before characters (the size of a Swift string is known without reading it), the same
/// anchored text is reported once, and the walk stops after `maximumValues` values, so a file
/// whose aliases expand to millions of values (aliases of lists of aliases) is refused too.
enum YAMLTextScreen {
    /// More values than any requirements file needs (a 1,000-pattern session is about 30,000).
    static let maximumValues = 250_000
    /// The most any single text may hold here; each field then applies its own limit (4 KB for a
    /// description).
    static let valueLimit = FreeText.contextLimit

    /// The problems found; empty when every text is acceptable.
    static func problems(in root: Node) -> ProblemList {
        var problems = ProblemList()
        var pending: [Node] = [root]
        var visited = 0
        while let node = pending.popLast() {
            visited += 1
            if visited > maximumValues {
                problems.report(
                    "the file holds more than \(grouped(maximumValues)) values once its aliases are expanded; requirements files are read up to that size",
                    at: SourcePosition.start)
                break
            }
            switch node {
            case .scalar(let scalar):
                do throws(RequirementsError) {
                    try FreeText.check(scalar.string, what: "This text", limit: valueLimit, allowingLineBreaks: true)
                } catch {
                    problems.report(error.message, at: node)
                }
            case .mapping(let mapping):
                // Reversed, so the stack hands them out in file order.
                for (key, value) in mapping.reversed() {
                    pending.append(value)
                    pending.append(key)
                }
            case .sequence(let sequence):
                pending.append(contentsOf: sequence.reversed())
            case .alias:
                break
            }
        }
        return problems
    }

    private static func grouped(_ value: Int) -> String {
        String(value).reversed().enumerated().reduce(into: "") { text, item in
            if item.offset > 0 && item.offset % 3 == 0 { text.insert(",", at: text.startIndex) }
            text.insert(item.element, at: text.startIndex)
        }
    }
}
