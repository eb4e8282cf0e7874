import Requirements
import Yams

/// Loads the requirements a user wrote as a YAML file (`ddbmodel new NAME --requirements FILE`).
///
/// The file is composed into a node tree with positions and walked by hand, rather than decoded,
/// so every problem can be reported as `FILE:LINE:COLUMN: message`. Values go through the same
/// `Requirements` methods and `AnswerParser` parsers as the guided session, so the file accepts
/// and rejects exactly what the session does. The format is described in
/// `docs/requirements-yaml.md`.
public enum RequirementsYAMLLoader {
    /// Parses the YAML text into requirements, or reports every problem found at once.
    ///
    /// Nothing is filled in on the user's behalf: a key that is left out (or has no value) stays
    /// unanswered, just as a question skipped in the session.
    ///
    /// - Parameters:
    ///   - yaml: the file's contents.
    ///   - fileName: the name to start each problem line with, usually the path as the user typed it.
    /// - Throws: `RequirementsYAMLError` listing every problem, in file order.
    public static func load(yaml: String, fileName: String) throws(RequirementsYAMLError) -> Requirements {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            let (position, message) = YAMLSyntaxProblem.describe(error, in: yaml)
            var problems = ProblemList()
            problems.report(message, at: position)
            throw RequirementsYAMLError(problems: problems.sorted(fileName: fileName))
        }
        guard let root, !root.isNull else {
            var problems = ProblemList()
            problems.report(
                "the file has no requirements: expected a mapping with the keys \(YAMLMapping<TopLevelKey>.keyList)",
                at: SourcePosition.start)
            throw RequirementsYAMLError(problems: problems.sorted(fileName: fileName))
        }
        // Control characters and outsized (or alias-multiplied) text stop the load before any of
        // it is trimmed, parsed or echoed in a message.
        let screened = YAMLTextScreen.problems(in: root)
        guard screened.isEmpty else {
            throw RequirementsYAMLError(problems: screened.sorted(fileName: fileName))
        }
        var reader = RequirementsYAMLReader()
        reader.read(root: root)
        guard reader.problems.isEmpty else {
            throw RequirementsYAMLError(problems: reader.problems.sorted(fileName: fileName))
        }
        return reader.requirements
    }
}
