import Conversation
import Requirements
import SQLStatements

/// What `ddbmodel new` reads before the session starts: the schema (DDL files or a live server)
/// and the measured traffic (the server's performance_schema, query logs or capture output).
struct TrafficOptions {
    let schema: [String]
    let mysql: String?
    let sample: String?
    let queryLogs: [String]
    let capture: String?

    /// Why the options do not go together, or nil.
    static func problem(requirements: String?, schema: [String], mysql: String?, sample: String?, queryLogs: [String], capture: String?) -> String? {
        let traffic = !queryLogs.isEmpty || capture != nil
        if requirements != nil && (!schema.isEmpty || mysql != nil || traffic) {
            return "Use --requirements alone: import a schema (--schema or --mysql) and traffic in a session of their own."
        }
        if !schema.isEmpty && mysql != nil {
            return "Use --schema or --mysql, not both: --mysql reads the schema from the server."
        }
        if !queryLogs.isEmpty && capture != nil {
            return "Use --query-log or --capture, not both: each is a window of traffic of its own."
        }
        if traffic && schema.isEmpty && mysql == nil {
            return "Measured traffic is placed on the imported tables: give the schema too, with --schema FILE... or --mysql URL."
        }
        if sample != nil && mysql == nil {
            return "--sample goes with --mysql: it is how long the server's traffic is sampled."
        }
        if let sample, traffic, sample != "0" {
            return "The traffic comes from \(capture != nil ? "--capture" : "--query-log"): leave out --sample (or give --sample 0)."
        }
        return nil
    }

    /// The state with the schema and the traffic imported, and the import's messages printed.
    func importing(into state: SessionState, environment: CommandEnvironment) throws -> SessionState {
        let reader = DiskTrafficReader(currentDirectory: environment.currentDirectory, errors: environment.errors)
        var conversation = Conversation(state: state, clock: ISOClock.now)
        var messages: [String] = []
        try environment.failing { () throws(RequirementsError) in
            if let mysql {
                // The server's own traffic unless logs or a capture are given, or --sample 0.
                let sampleSeconds = try sample.map(TrafficSampleLength.seconds) ?? (queryLogs.isEmpty && capture == nil ? TrafficSampleLength.defaultSeconds : 0)
                let (parsed, traffic) = try reader.readServer(mysql, sampleSeconds: sampleSeconds == 0 ? nil : sampleSeconds)
                messages += conversation.importParsedSchema(parsed)
                if let traffic { messages += conversation.importTraffic(traffic, read: DMLParser.read) }
            } else {
                let sources = try DiskSchemaReader(currentDirectory: environment.currentDirectory).read(schema)
                messages += conversation.importSchema(sources)
            }
            if !queryLogs.isEmpty { messages += conversation.importTraffic(try reader.readQueryLogs(queryLogs), read: DMLParser.read) }
            if let capture { messages += conversation.importTraffic(try reader.readCapture(capture), read: DMLParser.read) }
        }
        for message in messages { environment.output.write(message + "\n") }
        return conversation.state
    }
}
