import ArgumentParser
import ContractExport
import Conversation
import Foundation
import SessionStore

extension ExportFormat: ExpressibleByArgument {}

/// `ddbmodel export PATH --out DIR`: writes the approved contract and what deploys it.
///
/// Refuses unless all three gates are passed, the contract on disk is byte for byte the one
/// approved (its SHA-256 is in `session.json`) and the one the session's model gives
/// (`ApprovedSession`), and every chosen format can represent the model; never overwrites a file
/// without `--force`.
struct ExportContract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the approved contract with its CloudFormation template, Workbench model, DMS mappings, boto3 and TypeScript code.",
        discussion: "Formats: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", ")) (default: all). See docs/export.md."
    )

    @Argument(help: "The session folder (Sessions/NAME) or its session.json.")
    var path: String

    @Option(name: .long, help: "The folder to write into (created if missing).")
    var out: String

    @Option(name: .long, help: "A format to write; repeat for several (default: all).")
    var format: [ExportFormat] = []

    @Flag(name: .long, help: "Overwrite files that already exist in the output folder.")
    var force = false

    func run() throws {
        let environment = CommandEnvironment()
        let folder = try environment.failing { () throws(StoreError) in
            try SessionFolder.resolve(userPath: path, currentDirectory: environment.currentDirectory)
        }
        let state = try environment.failing { () throws(StoreError) in try SessionFile.load(folder) }
        let approved = try environment.failing { () throws(CommandFailure) in try ApprovedSession(state, folder: folder, sessionPath: path) }
        let files = try environment.failing { () throws(CommandFailure) in
            try Self.files(for: format.isEmpty ? ExportFormat.allCases : format, state: state, approved: approved)
        }
        let outFolder = environment.resolve(out)
        try environment.failing { () throws(CommandFailure) in try Self.write(files, into: outFolder, force: force, shownAs: out) }
        for file in files { environment.output.write("wrote \(out)/\(file.name)\n") }
    }

    /// The files of each format, in the order of `ExportFormat.allCases`, from the approved
    /// session's model; refused, before anything is written, when a format cannot represent it.
    static func files(for formats: [ExportFormat], state: SessionState, approved: ApprovedSession) throws(CommandFailure) -> [ExportedFile] {
        let model = approved.model
        let requirements = state.requirements
        let approvedAt = state.gates.contract.passedAt ?? ""
        var files: [ExportedFile] = []
        for format in ExportFormat.allCases where formats.contains(format) {
            switch format {
            case .contract: files.append(ExportedFile(name: "migrationContract.json", bytes: approved.contract))
            case .contractV2: files.append(ContractV2Exporter.export(model, requirements: requirements))
            case .cloudformation:
                files.append(CloudFormationExporter.export(model, requirements: requirements, stackDescription: "DynamoDB tables for \(state.name), designed with ddbmodel (contract approved \(approvedAt))"))
            case .workbench: files.append(WorkbenchExporter.export(model, requirements: requirements, modelName: state.name, exportedAt: approvedAt))
            case .dms:
                do throws(ExportRefusal) {
                    files.append(try DMSExporter.export(model, requirements: requirements))
                } catch {
                    throw CommandFailure(error.message + " Nothing was written; to export the other formats now, leave \(format.rawValue) out with --format (see docs/export.md).")
                }
            case .boto3: files.append(Boto3Exporter.export(model, requirements: requirements))
            case .typescript: files += TypeScriptExporter.export(model, requirements: requirements)
            case .terraform: files += TerraformExporter.export(model, requirements: requirements, application: state.name)
            }
        }
        return files
    }

    /// Writes every file, all or nothing: every target is checked before anything is written
    /// (none may exist without `force`, and none may be a folder or another non-file), then all
    /// the files are written together (`AtomicFile.write(_:)`), so a refused or failed export
    /// leaves the folder as it was.
    static func write(_ files: [ExportedFile], into folder: URL, force: Bool, shownAs: String) throws(CommandFailure) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw CommandFailure("\(shownAs) is a file, not a folder.")
        }
        var existing: [String] = []
        var blocked: [String] = []
        // A format may write into a subfolder of its own (`typescript/`, `terraform/`): each one
        // must be a folder or not exist yet.
        let subfolders = Self.subfolders(of: files)
        for subfolder in subfolders where manager.fileExists(atPath: folder.appendingPathComponent(subfolder).path, isDirectory: &isDirectory) {
            if !isDirectory.boolValue { blocked.append(subfolder + " is a file, not a folder") }
        }
        for file in files {
            var info = stat()
            guard lstat(folder.appendingPathComponent(file.name).path, &info) == 0 else { continue }
            existing.append(file.name)
            let kind = info.st_mode & S_IFMT
            // A symbolic link is replaced (never followed); a folder, FIFO or device cannot be.
            if kind != S_IFREG && kind != S_IFLNK {
                blocked.append(file.name + (kind == S_IFDIR ? " is a folder" : " is not a regular file"))
            }
        }
        if !blocked.isEmpty {
            throw CommandFailure("In \(shownAs), \(blocked.joined(separator: ", ")); nothing was written. Move \(blocked.count == 1 ? "it" : "them") away, or choose another --out folder.")
        }
        if !force, !existing.isEmpty {
            throw CommandFailure("\(shownAs) already holds \(existing.joined(separator: ", ")); nothing was written. Use --force to overwrite, or choose another --out folder.")
        }
        // Folders this export creates are removed again when the write fails, so a failed export
        // leaves no empty folders behind.
        var created: [URL] = []
        for subfolder in [""] + subfolders {
            let url = subfolder.isEmpty ? folder : folder.appendingPathComponent(subfolder)
            guard !manager.fileExists(atPath: url.path) else { continue }
            do {
                try manager.createDirectory(at: url, withIntermediateDirectories: false)
                created.append(url)
            } catch {
                Self.remove(created)
                throw CommandFailure("Cannot create \(subfolder.isEmpty ? shownAs : shownAs + "/" + subfolder): \(error.localizedDescription)")
            }
        }
        do throws(StoreError) {
            try AtomicFile.write(files.map { (data: Data($0.bytes), url: folder.appendingPathComponent($0.name)) })
        } catch {
            Self.remove(created)
            guard case .writeFailed = error else { throw CommandFailure(error.message) }
            throw CommandFailure(error.message + " Nothing was exported.")
        }
    }

    /// Every folder the files' names pass through, parents before children (`a`, `a/b`).
    static func subfolders(of files: [ExportedFile]) -> [String] {
        var folders: Set<String> = []
        for file in files {
            let parts = file.name.split(separator: "/").dropLast()
            for depth in parts.indices { folders.insert(parts[...depth].joined(separator: "/")) }
        }
        return folders.sorted { ($0.split(separator: "/").count, $0) < ($1.split(separator: "/").count, $1) }
    }

    /// Removes folders this export created, deepest first; only empty ones go (`rmdir`).
    private static func remove(_ created: [URL]) {
        for url in created.reversed() { rmdir(url.path) }
    }
}
