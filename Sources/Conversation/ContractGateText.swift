import DesignEngine
import MigrationContract
import Requirements
import ShellQuoting

/// The text of the contract gate: what the contract holds, what validation found, the question.
enum ContractGateText {
    /// `model` and `contract` are the session's, made once by the caller (the conversation caches
    /// them).
    static func question(_ step: Step, in state: SessionState, model: DataModel, contract: [UInt8], sessionPath: String?) -> Question {
        if step == .contractApproved {
            let digest = state.gates.contract.sha256.map { " (SHA-256 \($0))" } ?? ""
            return Question(text: "The contract was approved (\(state.gates.contract.passedAt ?? ""))\(digest): all three gates are passed. Export it with \(exportCommand(sessionPath: sessionPath)), review with /show model, or /quit. A design change re-opens the design and contract gates.",
                            currentAnswer: nil)
        }
        let problems = ContractValidator.validate(contract, context: ContractContext(requirements: state.requirements, sourceSchema: state.sourceSchema))
        var lines = summary(model, requirements: state.requirements, sourceSchemaTables: state.sourceSchema?.tables.map(\.name) ?? [])
        if problems.isEmpty {
            lines.append("Validation: no problems (structure, key types, every table and column mapped or excluded, every pattern satisfied).")
            lines.append("Approve migrationContract.json? Type yes in full to approve it; anything else keeps the gate open.")
        } else {
            lines.append("Validation found \(DesignReviewText.counted(problems.count, "problem")), which must be fixed before approval:")
            lines.append(contentsOf: problems.map { "  \($0.path): \($0.message)" })
            lines.append("Fix them with design commands (the contract is rebuilt from the model), then type yes.")
        }
        return Question(text: lines.joined(separator: "\n"), currentAnswer: nil)
    }

    /// `ddbmodel export Sessions/shop --out DIR`, the folder quoted for the shell: by path, not by
    /// the session's name, which `export` cannot find when the session is not under `Sessions/`.
    static func exportCommand(sessionPath: String?) -> String {
        guard let sessionPath else { return "ddbmodel export SESSION-FOLDER --out DIR" }
        return ShellQuoting.command(["ddbmodel", "export", sessionPath, "--out"]) + " DIR"
    }

    /// Tables, GSIs, lookup tables, attribute counts, and the MySQL columns left out.
    static func summary(_ model: DataModel, requirements: Requirements, sourceSchemaTables: [String]) -> [String] {
        let lookups = model.tables.filter { $0.lookup != nil }
        let gsis = model.tables.reduce(0) { $0 + $1.indexes.filter { $0.kind == .global }.count }
        var lines = ["Migration contract (migrationContract.json): \(DesignReviewText.counted(model.tables.count, "table")) (\(DesignReviewText.counted(lookups.count, "lookup table"))), \(DesignReviewText.counted(gsis, "GSI")), \(DesignReviewText.counted(model.tables.reduce(0) { $0 + $1.attributes.count }, "attribute"))."]
        for table in model.tables {
            let sources = table.sourceTables.isEmpty ? "entered by hand" : "from " + table.sourceTables.joined(separator: ", ")
            lines.append("  \(table.name): \(DesignReviewText.counted(table.attributes.count, "attribute")), \(DesignReviewText.counted(table.indexes.count, "index", plural: "indexes")), \(sources)")
        }
        let excluded = requirements.entities.flatMap { entity in
            entity.attributes.compactMap { attribute -> String? in
                guard let reason = attribute.excludedReason else { return nil }
                let column = attribute.source.map { "\($0.table).\($0.column)" } ?? "\(entity.name).\(attribute.name)"
                return "\(column) (\(reason))"
            }
        }
        lines.append(excluded.isEmpty ? "Excluded MySQL columns: none." : "Excluded MySQL columns: " + excluded.joined(separator: "; ") + ".")
        let mapped = Set(requirements.entities.compactMap(\.sourceTable).map { $0.lowercased() })
        let unmapped = sourceSchemaTables.filter { !mapped.contains($0.lowercased()) }
        if !sourceSchemaTables.isEmpty {
            lines.append(unmapped.isEmpty ? "Every MySQL table of the imported schema is mapped." : "MySQL tables not mapped: " + unmapped.joined(separator: ", ") + ".")
        }
        return lines
    }
}
