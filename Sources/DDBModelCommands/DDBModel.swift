import ArgumentParser

/// The root command: it only lists the subcommands.
public struct DDBModel: ParsableCommand {
    public static let version = "0.1.0"

    public static let configuration = CommandConfiguration(
        commandName: "ddbmodel",
        abstract: "Turn a MySQL schema and your access patterns into a DynamoDB data model you can defend.",
        discussion: """
            A guided session captures the application overview, entities, relationships and every \
            access pattern with its peak and average RPS, stopping at confirmation gates. Sessions \
            live in Sessions/NAME/ and can be resumed at the exact question they stopped at.
            """,
        version: version,
        subcommands: [NewSession.self, ResumeSession.self, SessionStatus.self, CheckContract.self, ExportContract.self, ValidateModel.self, CaptureScriptCommand.self]
    )

    public init() {}
}
