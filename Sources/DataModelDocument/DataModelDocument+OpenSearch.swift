import DesignEngine

extension DataModelDocument {
    /// The OpenSearch requirement flag, with the patterns behind it.
    static func openSearch(_ context: Context, into out: inout Text) {
        let requirement = context.model.openSearch
        out += "## OpenSearch Requirement\n\n- **Flag**: "
        guard requirement.isRequired else {
            out += "Not required: no pattern needs full-text search, filtering on many optional fields, aggregations or geospatial queries.\n\n"
            return
        }
        out += "Required\n- **Patterns**:\n"
        patternNotes(requirement.patterns, into: &out)
        out += "- **Suggestion**: keep DynamoDB as the source of truth and feed an Amazon OpenSearch Service index from it, "
        out += "either with DynamoDB Streams and a small indexer (such as a Lambda function) or with the DynamoDB zero-ETL "
        out += "integration with OpenSearch; serve "
        out.patternList(requirement.patterns.map(\.patternID))
        out += " from OpenSearch.\n\n"
    }

    /// `- #N description: reason` per pattern another service serves (OpenSearch, an export).
    static func patternNotes(_ notes: [SearchPatternNote], into out: inout Text) {
        for note in notes {
            out += "  - #"
            out += String(note.patternID)
            out += " "
            out.inline(note.description)
            out += ": "
            out.inline(note.reason)
            out += "\n"
        }
    }
}
