/// Imports MySQL DDL (a schema file, migrations, `mysqldump --no-data` output) into tables.
public enum SchemaParser {
    /// Applies the files in order (a base schema, then migrations).
    ///
    /// Never throws and never crashes, whatever the bytes: a statement that cannot be read
    /// becomes a diagnostic (file, line, column of the offending token, and the statement's
    /// start) and is skipped, and reading resumes at the next statement.
    public static func parse(_ sources: [SchemaSource]) -> ParsedSchema {
        var builder = SchemaBuilder()
        var tokens: [Token] = []
        tokens.reserveCapacity(256)
        for source in sources {
            let file = SourceFile(name: source.name, bytes: source.bytes ?? Array(source.text.utf8))
            if source.bytes != nil, let invalid = file.firstInvalidUTF8() {
                builder.report(SchemaDiagnostic(
                    file: file.name, line: invalid.line,
                    column: file.column(offset: invalid.offset, lineStart: invalid.lineStart),
                    message: "the file is not valid UTF-8 from here on; such bytes are read as U+FFFD",
                    statementStart: ""
                ))
            }
            parse(file, tokens: &tokens, into: &builder)
        }
        return builder.finish()
    }

    private static func parse(_ file: SourceFile, tokens: inout [Token], into builder: inout SchemaBuilder) {
        var lexer = Lexer(bytes: file.bytes)
        while true {
            let scan = lexer.nextStatement(into: &tokens)
            for problem in lexer.standaloneProblems {
                builder.report(SchemaDiagnostic(
                    file: file.name, line: problem.line,
                    column: file.column(offset: problem.offset, lineStart: problem.lineStart),
                    message: problem.message, statementStart: ""
                ))
            }
            lexer.standaloneProblems.removeAll()
            if tokens.count > 1 {
                apply(tokens: tokens, scan: scan, file: file, into: &builder)
            } else if let problem = scan.problem {
                builder.report(SchemaDiagnostic(
                    file: file.name, line: problem.line,
                    column: file.column(offset: problem.offset, lineStart: problem.lineStart),
                    message: problem.message, statementStart: ""
                ))
            }
            if scan.reachedEndOfInput { return }
        }
    }

    /// Parses one statement and applies it, or reports why it cannot be read.
    private static func apply(tokens: [Token], scan: StatementScan, file: SourceFile, into builder: inout SchemaBuilder) {
        let context = StatementContext(file: file, firstToken: tokens[0], endOffset: tokens[tokens.count - 1].start)
        if let problem = scan.problem {
            let token = Token(kind: .end, start: problem.offset, end: problem.offset, line: problem.line, lineStart: problem.lineStart)
            builder.report(context.diagnostic(at: token, problem.message + (problem.skipsStatement ? "; statement skipped" : "")))
            if problem.skipsStatement { return }
        }
        var parser = StatementParser(bytes: file.bytes, tokens: tokens)
        do {
            let statement = try parser.parseStatement()
            for note in parser.notes {
                builder.report(context.diagnostic(at: note.token, note.message))
            }
            builder.apply(statement, in: context)
        } catch {
            var message = error.message
            if parser.isPunctuation(error.token, UInt8(ascii: ";")) {
                message += " (`;` does not end a statement while DELIMITER sets another delimiter)"
            }
            builder.report(context.diagnostic(at: error.token, message + "; statement skipped"))
        }
    }
}
