import Foundation

/// The independent checkers of the Terraform export: python-hcl2 (through
/// `Tests/ContractExportTests/Fixtures/terraform_summary.py`, which also reads the CloudFormation
/// template with PyYAML and the contract) and checkov. `scripts/python-test-deps.sh` installs
/// both (`make test` runs it); checkov goes into `.build/test-tools/checkov`, apart from the
/// other Python test tools, because it pins its own boto3.
public enum TerraformTools {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let summaryScript = repository.appendingPathComponent("Tests/ContractExportTests/Fixtures/terraform_summary.py")
    /// Where `scripts/python-test-deps.sh` installs checkov (`pip install --target`).
    public static let checkovPath = repository.appendingPathComponent(".build/test-tools/checkov")
    static let exportDocument = repository.appendingPathComponent("docs/export.md")

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// What the Terraform export and the CloudFormation template (and the contract) deploy, each
    /// as canonical JSON (sorted keys), so equal deployments give equal strings.
    public struct Comparison {
        /// The files python-hcl2 parsed, relative to the Terraform folder.
        public var files: [String]
        public var terraform: String
        public var cloudFormation: String
        /// The Terraform tables, keys and GSI keys in the contract's terms, and the contract's.
        public var terraformContract: String?
        public var contract: String?
        /// The model table names the Terraform configuration creates, sorted.
        public var tableNames: [String]
        /// Every key attribute name the Terraform tables declare, as code points.
        public var attributeNames: [[UInt32]]
    }

    public static func compare(terraform: URL, cloudFormation: URL, contract: URL?) throws -> Comparison {
        let arguments = ["python3", summaryScript.path, terraform.path, cloudFormation.path] + (contract.map { [$0.path] } ?? [])
        let result = try run(arguments)
        guard result.status == 0 else {
            throw Failure(description: "terraform_summary.py failed (python-hcl2 and PyYAML come from `bash scripts/python-test-deps.sh`, which make test runs):\n\(result.errors)\(result.output)")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any],
              let terraformSummary = object["terraform"] as? [String: Any],
              let tables = terraformSummary["tables"] as? [String: [String: Any]] else {
            throw Failure(description: "unexpected summary: \(result.output)")
        }
        func canonical(_ key: String) throws -> String? {
            guard let value = object[key] else { return nil }
            return String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]), as: UTF8.self)
        }
        let names = tables.values.flatMap { ($0["attributes"] as? [[String]] ?? []).map { $0[0] } }
        return Comparison(
            files: object["files"] as? [String] ?? [], terraform: try canonical("terraform")!, cloudFormation: try canonical("cloudformation")!,
            terraformContract: try canonical("terraform_contract"), contract: try canonical("contract"),
            tableNames: tables.keys.sorted(), attributeNames: names.map { $0.unicodeScalars.map(\.value) })
    }

    public struct CheckovFinding: Equatable, CustomStringConvertible {
        public var check: String
        public var resource: String
        public var file: String
        public var description: String { "\(check) \(resource) (\(file))" }
    }

    public struct CheckovReport {
        public var passed: Int
        public var failed: [CheckovFinding]
        public var parsingErrors: Int
    }

    /// checkov's Terraform checks over every configuration under `folder`, in one process (it takes
    /// seconds to start, and with several `--directory` options it prints one report per folder).
    public static func checkov(_ folder: URL) throws -> CheckovReport {
        guard FileManager.default.fileExists(atPath: checkovPath.appendingPathComponent("checkov").path) else {
            throw Failure(description: "checkov is not installed in \(checkovPath.path): run `bash scripts/python-test-deps.sh` (make test does)")
        }
        let arguments = ["python3", "-m", "checkov.main", "--framework", "terraform", "--skip-download", "--output", "json"]
            + ["--directory", folder.path]
        let result = try run(arguments, environment: ["PYTHONPATH": checkovPath.path])
        guard let object = try? JSONSerialization.jsonObject(with: Data(result.output.utf8)) else {
            throw Failure(description: "checkov gave no JSON report (exit \(result.status)):\n\(result.errors.suffix(3000))")
        }
        let reports = (object as? [[String: Any]]) ?? [object as? [String: Any] ?? [:]]
        var report = CheckovReport(passed: 0, failed: [], parsingErrors: 0)
        for entry in reports {
            let summary = entry["summary"] as? [String: Any] ?? [:]
            report.passed += summary["passed"] as? Int ?? 0
            report.parsingErrors += summary["parsing_errors"] as? Int ?? 0
            let failed = (entry["results"] as? [String: Any])?["failed_checks"] as? [[String: Any]] ?? []
            report.failed += failed.map {
                CheckovFinding(check: $0["check_id"] as? String ?? "?", resource: $0["resource"] as? String ?? "?", file: $0["file_abs_path"] as? String ?? "?")
            }
        }
        return report
    }

    /// The checkov checks docs/export.md accepts, with their reasons: the rows of its table whose
    /// first cell is a check id in backquotes (`| \`CKV_AWS_119\` | ... |`).
    public static func acceptedCheckovFindings() throws -> [String: String] {
        let text = try String(contentsOf: exportDocument, encoding: .utf8)
        var accepted: [String: String] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `CKV") {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3 else { continue }
            accepted[cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))] = cells[cells.count - 1]
        }
        return accepted
    }

    /// Runs a command with its output kept apart from its errors (checkov's report is large;
    /// the runner keeps both in files).
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try Command(arguments, environment: .inherited(adding: environment), output: .separate).run(timeout: 600)
    }
}
