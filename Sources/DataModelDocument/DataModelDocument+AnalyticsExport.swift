import DesignEngine

extension DataModelDocument {
    /// Analytics-only aggregations, served by an export (S3 + Athena) like search goes to
    /// OpenSearch; the section appears only when some pattern needs it.
    static func analyticsExport(_ context: Context, into out: inout Text) {
        let notes = context.model.analyticsExport
        guard !notes.isEmpty else { return }
        out += "## Analytics Export\n\n- **Flag**: Required\n- **Patterns**:\n"
        patternNotes(notes, into: &out)
        out += "- **Suggestion**: export the tables to S3 (DynamoDB export to S3, incremental exports for freshness) and query them with "
        out += "Amazon Athena; serve "
        out.patternList(notes.map(\.patternID))
        out += " from there, not from DynamoDB.\n\n"
    }
}
