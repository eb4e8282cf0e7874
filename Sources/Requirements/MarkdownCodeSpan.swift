/// A CommonMark code span around text that may itself hold backticks.
///
/// `` `text` `` breaks as soon as the text holds a backtick: the span ends there and the rest
/// spills out as Markdown. CommonMark closes a span only on a run of exactly as many backticks
/// as opened it, so the fence here is one backtick longer than the longest run inside; and when
/// the text starts or ends with a backtick (or with a space at both ends), a space pads each side,
/// which CommonMark strips again. Backslash escapes do not work inside code spans, so this is the
/// only faithful way.
enum MarkdownCodeSpan {
    static func append(_ text: String, to out: inout RequirementsDocument.Text) {
        var longest = 0
        var run = 0
        for byte in text.utf8 {
            run = byte == UInt8(ascii: "`") ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let startsOrEndsWithTick = text.hasPrefix("`") || text.hasSuffix("`")
        let spacedBothEnds = text.hasPrefix(" ") && text.hasSuffix(" ") && text.contains { $0 != " " }
        let pad = startsOrEndsWithTick || spacedBothEnds || text.isEmpty ? " " : ""
        out += fence
        out += pad
        // One line: a line break would end a list item's span in the middle.
        SingleLineText.append(text, escapingPipes: false, to: &out)
        out += pad
        out += fence
    }
}
