/// Where a statement is: its file and extent, for diagnostics and skipped-statement records.
struct StatementContext {
    let file: SourceFile
    let firstToken: Token
    /// Offset just past the statement's last byte (its delimiter's start).
    let endOffset: Int

    /// A diagnostic at a token of this statement.
    func diagnostic(at token: Token, _ message: String) -> SchemaDiagnostic {
        SchemaDiagnostic(
            file: file.name,
            line: token.line,
            column: file.column(offset: token.start, lineStart: token.lineStart),
            message: message,
            statementStart: file.statementStart(from: firstToken.start, to: endOffset)
        )
    }

    func skipped(_ kind: SkippedStatement.Kind, name: String?) -> SkippedStatement {
        SkippedStatement(kind: kind, name: name, file: file.name, line: firstToken.line)
    }
}
