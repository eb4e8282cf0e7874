/// A small YAML tree for CloudFormation templates, written in block style with a fixed layout.
///
/// Written by hand rather than through a YAML library so the module stays dependency-free and
/// the bytes are deterministic: values taken from the model are always double-quoted, and only
/// literals this module controls (keywords such as `PAY_PER_REQUEST`, logical ids) are plain.
indirect enum CloudFormationYAML: Sendable, Equatable {
    /// A scalar written as is: only for literals this module controls.
    case plain(String)
    /// A scalar written in double quotes with escapes: any text that comes from the model.
    case quoted(String)
    /// An intrinsic function in short form with a scalar argument, such as `!Ref Environment`.
    case tag(String, CloudFormationYAML)
    /// A sequence written inline, such as `[IsProd, true, false]` (scalars and tags only).
    case flow([CloudFormationYAML])
    case list([CloudFormationYAML])
    case map([Entry])

    /// One key of a mapping, with comment lines written above it.
    struct Entry: Sendable, Equatable {
        var key: String
        var value: CloudFormationYAML
        var comments: [String]

        init(_ key: String, _ value: CloudFormationYAML, comments: [String] = []) {
            self.key = key
            self.value = value
            self.comments = comments
        }
    }

    static func ref(_ name: String) -> CloudFormationYAML { .tag("!Ref", .plain(name)) }
    static func getAtt(_ name: String) -> CloudFormationYAML { .tag("!GetAtt", .plain(name)) }
    static func sub(_ template: String) -> CloudFormationYAML { .tag("!Sub", .quoted(template)) }

    /// The document as text, ending with a newline.
    func rendered() -> String {
        var lines: [String] = []
        render(into: &lines, indent: 0)
        return lines.joined(separator: "\n") + "\n"
    }

    private var isBlock: Bool {
        switch self {
        case .map(let entries): return !entries.isEmpty
        case .list(let items): return !items.isEmpty
        default: return false
        }
    }

    /// The inline form of a scalar, tag, flow sequence or empty collection.
    private var inline: String {
        switch self {
        case .plain(let text): return text
        case .quoted(let text): return Self.quote(text)
        case .tag(let name, let argument): return "\(name) \(argument.inline)"
        case .flow(let items): return "[" + items.map(\.inline).joined(separator: ", ") + "]"
        case .list: return "[]"
        case .map: return "{}"
        }
    }

    private func render(into lines: inout [String], indent: Int) {
        let pad = String(repeating: " ", count: indent)
        switch self {
        case .map(let entries) where !entries.isEmpty:
            for entry in entries {
                lines.append(contentsOf: entry.comments.map { "\(pad)# \(Self.commentText($0))" })
                if entry.value.isBlock {
                    lines.append("\(pad)\(entry.key):")
                    entry.value.render(into: &lines, indent: indent + 2)
                } else {
                    lines.append("\(pad)\(entry.key): \(entry.value.inline)")
                }
            }
        case .list(let items) where !items.isEmpty:
            for item in items {
                guard item.isBlock else {
                    lines.append("\(pad)- \(item.inline)")
                    continue
                }
                // The item's first line goes after the dash; the rest keep the item's indentation.
                var itemLines: [String] = []
                item.render(into: &itemLines, indent: indent + 2)
                let first = itemLines.removeFirst()
                lines.append("\(pad)- " + first.dropFirst(indent + 2))
                lines.append(contentsOf: itemLines)
            }
        default:
            lines.append(pad + inline)
        }
    }

    /// A double-quoted YAML scalar: backslash and quote escaped, and every character a YAML
    /// reader would not take back byte for byte written as an escape.
    ///
    /// That is every code point outside YAML 1.2's printable set (C0 controls, DEL, the C1 block
    /// U+0080–U+009F, U+FFFE, U+FFFF), and also the characters YAML 1.1 readers (PyYAML, hence
    /// cfn-lint) treat as line breaks or a byte order mark: NEL (U+0085), U+2028, U+2029 and
    /// U+FEFF. Written raw, NEL is folded into a space inside a quoted scalar, which silently
    /// renames an attribute; the other C1 characters make the whole template unreadable.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{85}": out += "\\N"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            default:
                if needsEscape(scalar) {
                    out += escaped(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Whether `scalar` must be escaped in a double-quoted scalar (see `quote(_:)`).
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool { PrintableText.needsEscape(scalar) }

    /// YAML's numeric escape: `\x` with two hex digits up to U+00FF, `\u` with four beyond.
    /// (Every code point above U+FFFF is printable, so `\U` is never needed.)
    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let (prefix, width) = scalar.value <= 0xFF ? ("\\x", 2) : ("\\u", 4)
        return prefix + String(repeating: "0", count: max(0, width - hex.count)) + hex
    }

    /// A comment's text with every character `quote(_:)` would escape replaced by its `U+XXXX`
    /// spelling: a comment has no escapes, and a raw NEL there would end it and start YAML content.
    static func commentText(_ text: String) -> String { PrintableText.comment(text) }
}
