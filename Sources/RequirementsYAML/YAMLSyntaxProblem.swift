import Yams

/// Where and why Yams could not turn the text into a node tree.
enum YAMLSyntaxProblem {
    /// The position and message for an error thrown by `Yams.compose`.
    static func describe(_ error: any Error, in yaml: String) -> (position: SourcePosition, message: String) {
        guard let yamlError = error as? YamlError else {
            return (.start, "the file could not be read as YAML: \(error)")
        }
        switch yamlError {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let position = SourcePosition(mark)
            let tabHint = scalar(at: position, in: yaml) == "\t" ? "; indent with spaces: YAML does not allow tabs there" : ""
            return (position, "invalid YAML: \(problem)\(contextSuffix(context))\(tabHint)")
        case .reader(let problem, let offset, _, _):
            return (offset.map { position(ofCharacter: $0, in: yaml) } ?? .start, "the text cannot be read as YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let noun = duplicates.count == 1 ? "the key" : "the keys"
            return (SourcePosition(context.mark), "\(noun) \(keys) appear\(duplicates.count == 1 ? "s" : "") more than once in the same mapping")
        default:
            return (.start, "the file could not be read as YAML: \(yamlError)")
        }
    }

    /// " (while parsing a block mapping that starts at line 3, column 1)", or nothing.
    private static func contextSuffix(_ context: YamlError.Context?) -> String {
        guard let context, !context.text.isEmpty else { return "" }
        guard context.text.hasPrefix("while") else { return " (\(context.text))" }
        return " (\(context.text) that starts at line \(context.mark.line), column \(context.mark.column))"
    }

    /// The Unicode scalar at a 1-based line and column, if there is one.
    private static func scalar(at position: SourcePosition, in text: String) -> Unicode.Scalar? {
        var line = 1
        var column = 1
        for scalar in text.unicodeScalars {
            if line == position.line, column == position.column { return scalar }
            if scalar == "\n" {
                if line == position.line { return nil }
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// The line and column (counted in Unicode scalars, like libyaml's marks) of a character offset.
    static func position(ofCharacter offset: Int, in text: String) -> SourcePosition {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                column = 1
            } else {
                column += character.unicodeScalars.count
            }
        }
        return SourcePosition(line: line, column: column)
    }
}
