/// The rewriting steps of pt-query-digest's fingerprint (Percona Toolkit's
/// `QueryRewriter::fingerprint`), one function per regular expression there, each reading
/// `input` and appending the rewritten bytes to `output`. Each follows its regular expression's
/// matching exactly (where it anchors, what is greedy or lazy, case), quirks included: the point
/// is that statements group the way pt-query-digest groups them.
enum FingerprintRules {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    static let question: UInt8 = 0x3F

    // MARK: Whole-statement cases

    /// `\ASELECT /\*!40001 SQL_NO_CACHE \*/ \* FROM \``: a mysqldump's table read.
    static func isMysqldump(_ input: Bytes) -> Bool {
        input.has("SELECT /*!40001 SQL_NO_CACHE */ * FROM `", at: 0)
    }

    /// `/\*\w+\.\w+:[0-9]/[0-9]\*/`: the comment Percona Toolkit's own tools tag queries with.
    static func hasToolkitComment(_ input: Bytes) -> Bool {
        var index = 0
        while index + 1 < input.count {
            if input[index] == 0x2F, input[index + 1] == 0x2A, toolkitComment(input, from: index + 2) { return true }
            index += 1
        }
        return false
    }

    private static func toolkitComment(_ input: Bytes, from start: Int) -> Bool {
        var index = start
        func word() -> Bool {
            let begin = index
            while index < input.count, FingerprintBytes.isWord(input[index]) { index += 1 }
            return index > begin
        }
        func byte(_ value: UInt8) -> Bool {
            guard index < input.count, input[index] == value else { return false }
            index += 1
            return true
        }
        func digit() -> Bool {
            guard index < input.count, input[index] >= 0x30, input[index] <= 0x39 else { return false }
            index += 1
            return true
        }
        return word() && byte(0x2E) && word() && byte(0x3A) && digit() && byte(0x2F) && digit() && byte(0x2A) && byte(0x2F)
    }

    /// `\A\s*(call\s+\S+)\(` (any case): the procedure call's `call name`, lower-cased, or nil.
    static func procedureCall(_ input: Bytes) -> [UInt8]? {
        var index = 0
        while index < input.count, FingerprintBytes.isSpace(input[index]) { index += 1 }
        let start = index
        guard input.hasCaseInsensitive("call", at: index) else { return nil }
        index += 4
        let spaces = index
        while index < input.count, FingerprintBytes.isSpace(input[index]) { index += 1 }
        guard index > spaces else { return nil }
        let name = index
        var end = index
        while end < input.count, !FingerprintBytes.isSpace(input[end]) { end += 1 }
        // `\S+` backs off to the last `(` inside the run that has at least one byte before it.
        var parenthesis = end - 1
        while parenthesis > name, input[parenthesis] != 0x28 { parenthesis -= 1 }
        guard parenthesis > name else { return nil }
        return input[start..<parenthesis].map(FingerprintBytes.lower)
    }

    /// `\A((?:INSERT|REPLACE)(?: IGNORE)?\s+INTO.+?VALUES\s*\(.*?\))\s*,\s*\(` (any case, `.`
    /// across lines): a multi-row INSERT is cut after its first row; returns the length kept.
    static func firstRowLength(_ input: Bytes) -> Int? {
        var index: Int
        if input.hasCaseInsensitive("insert", at: 0) {
            index = 6
        } else if input.hasCaseInsensitive("replace", at: 0) {
            index = 7
        } else {
            return nil
        }
        if input.hasCaseInsensitive(" ignore", at: index) { index += 7 }
        let spaces = index
        while index < input.count, FingerprintBytes.isSpace(input[index]) { index += 1 }
        guard index > spaces, input.hasCaseInsensitive("into", at: index) else { return nil }
        var values = index + 5
        while values + 6 <= input.count {
            if input.hasCaseInsensitive("values", at: values) {
                var open = values + 6
                while open < input.count, FingerprintBytes.isSpace(input[open]) { open += 1 }
                if open < input.count, input[open] == 0x28 {
                    var close = open + 1
                    while close < input.count {
                        if input[close] == 0x29, nextRowFollows(input, after: close + 1) { return close + 1 }
                        close += 1
                    }
                }
            }
            values += 1
        }
        return nil
    }

    /// `\s*,\s*\(` at `index`.
    private static func nextRowFollows(_ input: Bytes, after start: Int) -> Bool {
        var index = start
        while index < input.count, FingerprintBytes.isSpace(input[index]) { index += 1 }
        guard index < input.count, input[index] == 0x2C else { return false }
        index += 1
        while index < input.count, FingerprintBytes.isSpace(input[index]) { index += 1 }
        return index < input.count && input[index] == 0x28
    }

    /// `\Ause \S+\Z` (any case): `use db` becomes `use ?` (returned as the whole fingerprint).
    static func useStatement(_ input: Bytes) -> [UInt8]? {
        guard input.hasCaseInsensitive("use ", at: 0) else { return nil }
        var end = 4
        while end < input.count, !FingerprintBytes.isSpace(input[end]) { end += 1 }
        guard end > 4 else { return nil }
        if end == input.count { return Array("use ?".utf8) }
        if end == input.count - 1, input[end] == 0x0A { return Array("use ?\n".utf8) }
        return nil
    }

    // MARK: Comments

    /// `/\*[^!].*?\*/` removed (across lines); `/*!` version comments stay.
    static func removeBlockComments(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            if input[index] == 0x2F, index + 2 < count, input[index + 1] == 0x2A, input[index + 2] != 0x21 {
                var end = index + 3
                while end + 1 < count, !(input[end] == 0x2A && input[end + 1] == 0x2F) { end += 1 }
                if end + 1 < count {
                    index = end + 2
                    continue
                }
            }
            output.append(input[index])
            index += 1
        }
    }

    /// `(?:--|#)[^'"\r\n]*(?=[\r\n]|\Z)` removed: a line comment with no quote in it.
    static func removeLineComments(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            var start = -1
            if byte == 0x23 {
                start = index + 1
            } else if byte == 0x2D, index + 1 < count, input[index + 1] == 0x2D {
                start = index + 2
            }
            if start >= 0 {
                var end = start
                while end < count {
                    let next = input[end]
                    if next == 0x27 || next == 0x22 || next == 0x0D || next == 0x0A { break }
                    end += 1
                }
                if end == count || input[end] == 0x0D || input[end] == 0x0A {
                    index = end
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
    }

    // MARK: Literals

    /// `\\["']` removed: escaped quotes, so they do not end a string.
    static func removeEscapedQuotes(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            if input[index] == 0x5C, index + 1 < count, input[index + 1] == 0x22 || input[index + 1] == 0x27 {
                index += 2
                continue
            }
            output.append(input[index])
            index += 1
        }
    }

    /// `<quote>.*?<quote>` replaced by `?` (across lines), for one quote byte.
    static func replaceQuoted(_ quote: UInt8, _ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            if input[index] == quote {
                var end = index + 1
                while end < count, input[end] != quote { end += 1 }
                if end < count {
                    output.append(question)
                    index = end + 1
                    continue
                }
            }
            output.append(input[index])
            index += 1
        }
    }

    /// `\bfalse\b|\btrue\b` (any case) replaced by `?`.
    static func replaceBooleans(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            let byte = FingerprintBytes.lower(input[index])
            if byte == 0x66 || byte == 0x74, input.wordStarts(at: index) {
                let length = byte == 0x66 ? 5 : 4
                let word: Bool = byte == 0x66 ? input.hasCaseInsensitive("false", at: index) : input.hasCaseInsensitive("true", at: index)
                if word, input.wordEnds(at: index + length) {
                    output.append(question)
                    index += length
                    continue
                }
            }
            output.append(input[index])
            index += 1
        }
    }

    /// `[0-9+-][0-9a-f.xb+-]*` replaced by `?` (case-sensitive, also inside names: `t1` is
    /// `t?`, as pt-query-digest does without --preserve-embedded-numbers), then
    /// `[xb.+-]\?` replaced by `?` (one pass over the result, as its second expression does).
    static func replaceNumbers(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if FingerprintBytes.startsNumber(byte) {
                index += 1
                while index < count, FingerprintBytes.continuesNumber(input[index]) { index += 1 }
                output.append(question)
                continue
            }
            output.append(byte)
            index += 1
        }
    }

    /// `[xb.+-]\?` replaced by `?`.
    static func absorbLiteralPrefixes(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == 0x78 || byte == 0x62 || byte == 0x2E || byte == 0x2B || byte == 0x2D, index + 1 < count, input[index + 1] == question {
                output.append(question)
                index += 2
                continue
            }
            output.append(byte)
            index += 1
        }
    }

    /// Leading `\s+` removed, one trailing newline removed (`chomp`), runs of space, newline,
    /// tab, carriage return and form feed made one space, and ASCII lower-cased.
    static func collapseWhitespace(_ input: Bytes, _ output: inout ByteWriter) {
        var start = 0
        var end = input.count
        while start < end, FingerprintBytes.isSpace(input[start]) { start += 1 }
        if end > start, input[end - 1] == 0x0A { end -= 1 }
        var previousWasSpace = false
        for index in start..<max(start, end) {
            let byte = input[index]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C {
                if !previousWasSpace { output.append(0x20) }
                previousWasSpace = true
            } else {
                output.append(FingerprintBytes.lower(byte))
                previousWasSpace = false
            }
        }
    }

    /// `\bnull\b` replaced by `?` (the text is lower-case by now).
    static func replaceNulls(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            if input[index] == 0x6E, input.wordStarts(at: index), input.has("null", at: index), input.wordEnds(at: index + 4) {
                output.append(question)
                index += 4
                continue
            }
            output.append(input[index])
            index += 1
        }
    }

    // MARK: Lists

    /// `\b(in|values?)(?:[\s,]*\([\s?,]*\))+` replaced by `$1(?+)`: any number of value lists
    /// after IN or VALUES count as one.
    static func collapseLists(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == 0x69 || byte == 0x76, input.wordStarts(at: index) {
                var keyword = 0
                if input.has("in", at: index) {
                    keyword = 2
                } else if input.has("values", at: index) {
                    keyword = 6
                } else if input.has("value", at: index) {
                    keyword = 5
                }
                if keyword > 0, let end = listsEnd(input, from: index + keyword) {
                    output.append(bytes: input[index..<(index + keyword)])
                    output.append("(?+)")
                    index = end
                    continue
                }
            }
            output.append(byte)
            index += 1
        }
    }

    /// The end of `(?:[\s,]*\([\s?,]*\))+` at `start`, or nil when not even one list is there.
    private static func listsEnd(_ input: Bytes, from start: Int) -> Int? {
        var matched: Int?
        var index = start
        while true {
            var cursor = index
            while cursor < input.count, FingerprintBytes.isSpace(input[cursor]) || input[cursor] == 0x2C { cursor += 1 }
            guard cursor < input.count, input[cursor] == 0x28 else { return matched }
            cursor += 1
            while cursor < input.count, FingerprintBytes.isSpace(input[cursor]) || input[cursor] == 0x2C || input[cursor] == question {
                cursor += 1
            }
            guard cursor < input.count, input[cursor] == 0x29 else { return matched }
            index = cursor + 1
            matched = index
        }
    }

    /// `\b(select\s.*?)(?:(\sunion(?:\sall)?)\s\1)+` replaced by `$1 /*repeat$2*/`: the same
    /// SELECT repeated through UNIONs counts once.
    static func collapseUnions(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            if input[index] == 0x73, input.wordStarts(at: index), input.has("select", at: index), index + 6 < count,
               FingerprintBytes.isSpace(input[index + 6]) {
                var end = index + 7
                var replaced = false
                while end <= count {
                    if end > index + 7, input[end - 1] == 0x0A { break }
                    if let (matchEnd, union) = repeatedUnions(input, first: index..<end) {
                        output.append(bytes: input[index..<end])
                        output.append(" /*repeat")
                        output.append(bytes: input[union])
                        output.append("*/")
                        index = matchEnd
                        replaced = true
                        break
                    }
                    end += 1
                }
                if replaced { continue }
            }
            output.append(input[index])
            index += 1
        }
    }

    /// One or more `\sunion(?:\sall)?\s` + the first SELECT again, from the end of `first`:
    /// where they end and the last `\sunion(\sall)?`.
    private static func repeatedUnions(_ input: Bytes, first: Range<Int>) -> (Int, Range<Int>)? {
        var position = first.upperBound
        var found: (Int, Range<Int>)?
        while position < input.count, FingerprintBytes.isSpace(input[position]), input.has("union", at: position + 1) {
            let afterUnion = position + 6
            var next: (Int, Range<Int>)?
            if afterUnion < input.count, FingerprintBytes.isSpace(input[afterUnion]), input.has("all", at: afterUnion + 1) {
                let afterAll = afterUnion + 4
                if let end = repeats(input, first: first, at: afterAll) { next = (end, position..<afterAll) }
            }
            if next == nil, let end = repeats(input, first: first, at: afterUnion) { next = (end, position..<afterUnion) }
            guard let matched = next else { break }
            found = matched
            position = matched.0
        }
        return found
    }

    /// `\s\1` at `index`: a whitespace byte then the first SELECT's exact bytes.
    private static func repeats(_ input: Bytes, first: Range<Int>, at index: Int) -> Int? {
        guard index < input.count, FingerprintBytes.isSpace(input[index]) else { return nil }
        let start = index + 1
        guard start + first.count <= input.count else { return nil }
        for offset in 0..<first.count where input[start + offset] != input[first.lowerBound + offset] { return nil }
        return start + first.count
    }

    // MARK: Clauses

    /// The first `\blimit \?(?:, ?\?| offset \?)?` replaced by `limit ?`.
    static func collapseLimit(_ input: Bytes, _ output: inout ByteWriter) {
        var index = 0
        let count = input.count
        while index < count {
            if input[index] == 0x6C, input.wordStarts(at: index), input.has("limit ?", at: index) {
                var end = index + 7
                if input.has(",?", at: end) {
                    end += 2
                } else if input.has(", ?", at: end) {
                    end += 3
                } else if input.has(" offset ?", at: end) {
                    end += 9
                }
                output.append("limit ?")
                output.append(bytes: input[end..<count])
                return
            }
            output.append(input[index])
            index += 1
        }
    }

    /// After the first `\bORDER BY ` (any case), `(.+?)\s+ASC` replaced by `$1` repeatedly from
    /// there while each match starts where the previous one ended (Perl's `\G`).
    static func removeAscending(_ input: Bytes, _ output: inout ByteWriter) {
        let count = input.count
        var orderBy = -1
        var index = 0
        while index + 9 <= count {
            if input.wordStarts(at: index), input.hasCaseInsensitive("order by ", at: index) {
                orderBy = index + 9
                break
            }
            index += 1
        }
        guard orderBy >= 0 else {
            output.append(bytes: input)
            return
        }
        output.append(bytes: input[0..<orderBy])
        var position = orderBy
        matching: while position < count {
            var cut = position + 1
            while cut < count {
                if input[cut - 1] == 0x0A { break matching }
                if FingerprintBytes.isSpace(input[cut]) {
                    var word = cut
                    while word < count, FingerprintBytes.isSpace(input[word]) { word += 1 }
                    if input.hasCaseInsensitive("asc", at: word) {
                        output.append(bytes: input[position..<cut])
                        position = word + 3
                        continue matching
                    }
                }
                cut += 1
            }
            break
        }
        output.append(bytes: input[position..<count])
    }
}
