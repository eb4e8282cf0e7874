/// A small HCL writer for the Terraform export: blocks, attributes and values in `terraform fmt`'s
/// style (two-space indentation, `=` aligned across consecutive one-line attributes).
///
/// Written by hand, like `CloudFormationYAML`, so the module stays dependency-free and the bytes
/// are deterministic. Text from the model is only ever written through `string(_:)` or a
/// template's `.literal` part, which escape it (`quoted(_:)`); expressions are literals this module
/// controls (`var.environment`, `aws_dynamodb_table.users.arn`).
enum TerraformHCL {
    /// One line or block of a body.
    indirect enum Item: Sendable, Equatable {
        case attribute(String, Value)
        /// `type "label" ... { body }`.
        case block(String, [String], [Item])
        case comment(String)
        case blank
    }

    /// An attribute's value.
    indirect enum Value: Sendable, Equatable {
        /// A quoted template: literal text (escaped) and interpolations.
        case template([TemplatePart])
        /// An expression written as is: only for text this module controls.
        case expression(String)
        /// A list written on one line.
        case list([Value])
        /// An object, one key per line, keys aligned.
        case object([(key: String, value: Value)])

        static func string(_ text: String) -> Value { .template([.literal(text)]) }
        static func number(_ value: Int) -> Value { .expression(String(value)) }
        static func bool(_ value: Bool) -> Value { .expression(value ? "true" : "false") }

        static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case (.template(let a), .template(let b)): a == b
            case (.expression(let a), .expression(let b)): a == b
            case (.list(let a), .list(let b)): a == b
            case (.object(let a), .object(let b)): a.map(\.key) == b.map(\.key) && a.map(\.value) == b.map(\.value)
            default: false
            }
        }
    }

    /// A piece of a quoted template.
    enum TemplatePart: Sendable, Equatable {
        /// Text written so that Terraform reads it back exactly (see `quoted(_:)`).
        case literal(String)
        /// An expression inside `${…}`.
        case interpolation(String)
    }

    /// The file's text: `items` at the top level, ending with one newline.
    static func render(_ items: [Item]) -> String {
        var lines: [String] = []
        render(items, indent: 0, into: &lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private static func render(_ items: [Item], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        // `terraform fmt` aligns the `=` of consecutive one-line attributes.
        var position = 0
        while position < items.count {
            switch items[position] {
            case .attribute:
                var group: [(String, [String])] = []
                while position < items.count, case .attribute(let name, let value) = items[position] {
                    group.append((name, valueLines(value, indent: indent)))
                    position += 1
                    if group.last!.1.count > 1 { break }
                }
                let width = group.filter { $0.1.count == 1 }.map(\.0.count).max() ?? 0
                for (name, valueLines) in group {
                    let key = valueLines.count == 1 ? name.padding(toLength: max(width, name.count), withPad: " ", startingAt: 0) : name
                    lines.append(pad + key + " = " + valueLines[0])
                    lines.append(contentsOf: valueLines.dropFirst())
                }
                continue
            case .block(let type, let labels, let body):
                let head = ([type] + labels.map { quoted([.literal($0)]) }).joined(separator: " ")
                if body.isEmpty {
                    lines.append(pad + head + " {}")
                } else {
                    lines.append(pad + head + " {")
                    render(body, indent: indent + 2, into: &lines)
                    lines.append(pad + "}")
                }
            case .comment(let text):
                lines.append(pad + "#" + (text.isEmpty ? "" : " " + PrintableText.comment(singleLine(text))))
            case .blank:
                lines.append("")
            }
            position += 1
        }
    }

    /// The value's lines: the first goes after `=`, the others are already indented.
    private static func valueLines(_ value: Value, indent: Int) -> [String] {
        switch value {
        case .template(let parts): return [quoted(parts)]
        case .expression(let text): return [text]
        case .list(let values):
            let items = values.map { valueLines($0, indent: indent + 2).joined(separator: " ") }
            let inline = "[" + items.joined(separator: ", ") + "]"
            // A long list (a backup selection of many tables) gets one item per line.
            guard inline.count > 100 else { return [inline] }
            let pad = String(repeating: " ", count: indent + 2)
            return ["["] + items.map { pad + $0 + "," } + [String(repeating: " ", count: indent) + "]"]
        case .object(let entries):
            guard !entries.isEmpty else { return ["{}"] }
            let pad = String(repeating: " ", count: indent + 2)
            let keys = entries.map { objectKey($0.key) }
            let width = keys.map(\.count).max() ?? 0
            var lines = ["{"]
            for (key, entry) in zip(keys, entries) {
                let inner = valueLines(entry.value, indent: indent + 2)
                lines.append(pad + key.padding(toLength: width, withPad: " ", startingAt: 0) + " = " + inner[0])
                lines.append(contentsOf: inner.dropFirst())
            }
            lines.append(String(repeating: " ", count: indent) + "}")
            return lines
        }
    }

    /// An object key: bare when it is an identifier, quoted otherwise.
    static func objectKey(_ key: String) -> String {
        isIdentifier(key) ? key : quoted([.literal(key)])
    }

    /// Whether `text` is a Terraform identifier (a letter or `_`, then letters, digits, `_`, `-`).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCIILetter || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCIILetter || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
    }

    /// A quoted template. Literal text is escaped so Terraform reads it back exactly: `\` and `"`,
    /// newline, carriage return and tab by name, and every other character `PrintableText` selects
    /// as `\uNNNN`. A `$` or `%` that would open a template sequence (before `{`, or a `$` before
    /// an interpolation or another such escape) is written as an interpolation of itself,
    /// `${"$"}`: HCL's own escape `$${` is not read by python-hcl2 unless a `}` follows.
    static func quoted(_ parts: [TemplatePart]) -> String {
        var out = "\""
        for (position, part) in parts.enumerated() {
            switch part {
            case .interpolation(let expression):
                out += "${" + expression + "}"
            case .literal(let text):
                var beforeInterpolation = false
                if position + 1 < parts.count, case .interpolation = parts[position + 1] { beforeInterpolation = true }
                out += escapedLiteral(text, beforeInterpolation: beforeInterpolation)
            }
        }
        return out + "\""
    }

    /// Built right to left, so each `$` and `%` knows whether what follows it starts with `{`
    /// (which makes `${` or `%{`) or with `${` (which makes `$${`, the escape, after a `$`).
    private static func escapedLiteral(_ text: String, beforeInterpolation: Bool) -> String {
        var pieces: [String] = []
        var followedByBrace = false
        var followedByInterpolation = beforeInterpolation
        for scalar in text.unicodeScalars.reversed() {
            let escapes = scalar == "$" ? followedByBrace || followedByInterpolation : scalar == "%" && followedByBrace
            switch scalar {
            case _ where escapes: pieces.append("${\"" + String(scalar) + "\"}")
            case "\\": pieces.append("\\\\")
            case "\"": pieces.append("\\\"")
            case "\n": pieces.append("\\n")
            case "\r": pieces.append("\\r")
            case "\t": pieces.append("\\t")
            default:
                pieces.append(PrintableText.needsEscape(scalar) ? "\\u" + PrintableText.hex(scalar, width: 4) : String(scalar))
            }
            followedByBrace = !escapes && scalar == "{"
            followedByInterpolation = escapes
        }
        return pieces.reversed().joined()
    }

    private static func singleLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

private extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}
