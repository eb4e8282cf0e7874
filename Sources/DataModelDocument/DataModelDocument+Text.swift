extension DataModelDocument {
    /// The document as it is written, as UTF-8 bytes: appending to a byte array skips the
    /// per-append bookkeeping of `String`, which matters for 1,000-pattern models.
    struct Text {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int) {
            bytes.reserveCapacity(capacity)
        }

        static func += (text: inout Text, piece: String) {
            text.bytes.append(contentsOf: piece.utf8)
        }

        mutating func appendBytes(_ other: [UInt8]) {
            bytes.append(contentsOf: other)
        }

        /// Text safe inside a markdown table cell: line breaks become spaces, `|` is escaped.
        mutating func cell(_ text: String) {
            appendSingleLine(text, escapingPipes: true)
        }

        /// Text kept on one line (headings, list items): line breaks become spaces.
        mutating func inline(_ text: String) {
            appendSingleLine(text, escapingPipes: false)
        }

        /// A code span in a table cell; empty text gives an en dash.
        mutating func codeCell(_ text: String) {
            guard !text.isEmpty else { return self += "–" }
            self += "`"
            cell(text)
            self += "`"
        }

        /// A code span outside tables.
        mutating func code(_ text: String) {
            self += "`"
            inline(text)
            self += "`"
        }

        /// Items joined by `separator`, each written by `write`.
        mutating func join<Items: Sequence>(_ items: Items, _ separator: String, _ write: (inout Text, Items.Element) -> Void) {
            var first = true
            for item in items {
                if !first { self += separator }
                first = false
                write(&self, item)
            }
        }

        /// Pattern numbers as `#1, #3`, or `none`.
        mutating func patternList(_ ids: [Int]) {
            guard !ids.isEmpty else { return self += "none" }
            join(ids, ", ") { out, id in
                out += "#"
                out += String(id)
            }
        }

        private mutating func appendSingleLine(_ text: String, escapingPipes: Bool) {
            let utf8 = text.utf8
            // Almost all text has nothing to replace: appended as it is.
            guard utf8.contains(where: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || (escapingPipes && $0 == UInt8(ascii: "|")) })
            else {
                return bytes.append(contentsOf: utf8)
            }
            // Every replacement is ASCII for ASCII, so the result stays valid UTF-8. CR LF, LF and
            // a lone CR each become one space.
            var previousWasCR = false
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "\r"):
                    bytes.append(UInt8(ascii: " "))
                    previousWasCR = true
                    continue
                case UInt8(ascii: "\n"):
                    if !previousWasCR { bytes.append(UInt8(ascii: " ")) }
                case UInt8(ascii: "|") where escapingPipes:
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(UInt8(ascii: "|"))
                default:
                    bytes.append(byte)
                }
                previousWasCR = false
            }
        }
    }
}
