import Digests
import Conversation
import Foundation
import MigrationContract
import Testing
import TestSupport

/// The contract gate and `ddbmodel export` / `check-contract` through the built binary.
@Suite struct ExportTests {
    /// Every file the shop session exports, in the order `ddbmodel export` writes them.
    static let allFiles = ["migrationContract.json", "migrationContract.v2.json", "cloudformation.yaml", "workbench-model.json",
                           "dms-table-mappings.json", "access_patterns.py"] + typescriptFiles + terraformFiles
    /// The TypeScript export of the shop session: the shared module, then one module per table.
    static let typescriptFiles = ["runtime", "Users", "Products", "Orders", "OrderItems", "UserUsernames", "UserEmails"].map { "typescript/\($0).ts" }
    /// The files every export writes, whatever the model (TypeScript adds one module per table).
    static let formatFiles = allFiles.filter { !$0.hasPrefix("typescript/") || $0 == "typescript/runtime.ts" }
    /// The Terraform export, in the order `ddbmodel export` writes it.
    static let terraformFiles = ["versions.tf", "variables.tf", "main.tf", "iam.tf", "backup.tf", "outputs.tf",
                                 "environments/dev.tfvars", "environments/sit.tfvars", "environments/prod.tfvars"].map { "terraform/" + $0 }

    /// A session taken through all three gates.
    static func approvedSession() throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.ecommerceYAML.utf8).write(to: runner.file("ecommerce.yaml"))
        let lines = ["accept the catalog service creates products", "yes"] + Array(repeating: "yes", count: 6) + ["yes", "yes", "/quit"]
        let result = try runner.run(["new", "shop", "--requirements", "ecommerce.yaml"], input: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("\nContract approved and recorded at "))
        return runner
    }

    /// A session imported from a one-table MySQL schema (`users`: `id`, `name` and
    /// `usersColumn`), taken through all three gates with three patterns.
    static func approvedSchemaSession(usersColumn: String) throws -> BinaryRunner {
        let runner = try BinaryRunner()
        try Data("CREATE TABLE users (id varchar(36) NOT NULL PRIMARY KEY, \(usersColumn), name varchar(80) NOT NULL);\n".utf8)
            .write(to: runner.file("schema.sql"))
        let answers = ["shop", "Users sign up and change their name.", "1k", "100", "", "done", "done",
                       #"/pattern "Get user by id" entities=User type=read eq=id peak=10 avg=5 consistency=eventual"#,
                       #"/pattern "Register user" entities=User type=write peak=5 avg=1"#,
                       #"/pattern "Update user name" entities=User type=update eq=id peak=2 avg=1"#,
                       "done", "yes", "yes", "yes", "yes", "/quit"]
        let session = try runner.run(["new", "shop", "--schema", "schema.sql"], input: answers.joined(separator: "\n") + "\n")
        #expect(session.status == 0, "\(session.errors)")
        #expect(session.output.contains("\nContract approved and recorded at "))
        return runner
    }

    static func state(_ runner: BinaryRunner) throws -> SessionState {
        let data = try #require(FileManager.default.contents(atPath: runner.file("Sessions/shop/session.json").path))
        return try JSONDecoder().decode(SessionState.self, from: data)
    }

    @Test func theApprovedContractIsExportedWithEveryFormat() throws {
        let runner = try Self.approvedSession()
        let state = try Self.state(runner)
        let contract = try #require(FileManager.default.contents(atPath: runner.file("Sessions/shop/migrationContract.json").path))
        #expect(state.gates.contract.sha256 == SHA256.hex([UInt8](contract)))

        let exported = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(exported.status == 0, "\(exported.errors)")
        for name in Self.allFiles {
            #expect(FileManager.default.fileExists(atPath: runner.file("out/\(name)").path), "missing \(name)")
            #expect(exported.output.contains("wrote out/\(name)\n"))
        }
        #expect(FileManager.default.contents(atPath: runner.file("out/migrationContract.json").path) == contract)

        let checked = try runner.run(["check-contract", "out/migrationContract.json", "--session", "Sessions/shop"])
        #expect(checked.status == 0, "\(checked.errors)")
        #expect(checked.output == "out/migrationContract.json: valid against the session (no problems).\n")
    }

    @Test func exportNeverOverwritesWithoutForceAndWritesOnlyTheChosenFormats() throws {
        let runner = try Self.approvedSession()
        let first = try runner.run(["export", "Sessions/shop", "--out", "out", "--format", "cloudformation", "--format", "dms"])
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output == "wrote out/cloudformation.yaml\nwrote out/dms-table-mappings.json\n")
        #expect(!FileManager.default.fileExists(atPath: runner.file("out/access_patterns.py").path))

        let again = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(again.status == 1)
        #expect(again.errors == "ddbmodel: out already holds cloudformation.yaml, dms-table-mappings.json; nothing was written. Use --force to overwrite, or choose another --out folder.\n")
        #expect(!FileManager.default.fileExists(atPath: runner.file("out/access_patterns.py").path))

        let forced = try runner.run(["export", "Sessions/shop", "--out", "out", "--force"])
        #expect(forced.status == 0, "\(forced.errors)")

        let unknown = try runner.run(["export", "Sessions/shop", "--out", "out2", "--format", "pulumi"])
        #expect(unknown.status != 0)
        #expect(unknown.errors.contains("pulumi"))
    }

    /// `--format terraform` writes into `terraform/` (and `terraform/environments/`): a file in
    /// the folder's place refuses the export before anything is written, existing files need
    /// `--force`, and the format is listed by `export --help`.
    @Test func theTerraformFolderIsCheckedAndWrittenLikeAnyOtherFile() throws {
        let runner = try Self.approvedSession()
        let help = try runner.run(["export", "--help"])
        #expect(help.output.contains("boto3, typescript, terraform"), "\(help.output)")

        try FileManager.default.createDirectory(at: runner.file("out"), withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: runner.file("out/terraform"))
        let blocked = try runner.run(["export", "Sessions/shop", "--out", "out", "--format", "terraform"])
        #expect(blocked.status == 1)
        #expect(blocked.errors == "ddbmodel: In out, terraform is a file, not a folder; nothing was written. Move it away, or choose another --out folder.\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.file("out").path) == ["terraform"])

        try FileManager.default.removeItem(at: runner.file("out/terraform"))
        let written = try runner.run(["export", "Sessions/shop", "--out", "out", "--format", "terraform"])
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.output == Self.terraformFiles.map { "wrote out/\($0)\n" }.joined())
        let first = try Self.terraformFiles.map { try Data(contentsOf: runner.file("out/\($0)")) }

        let again = try runner.run(["export", "Sessions/shop", "--out", "out", "--format", "terraform"])
        #expect(again.status == 1)
        #expect(again.errors.contains("out already holds \(Self.terraformFiles.joined(separator: ", ")); nothing was written."))
        let forced = try runner.run(["export", "Sessions/shop", "--out", "out", "--format", "terraform", "--force"])
        #expect(forced.status == 0, "\(forced.errors)")
        #expect(try Self.terraformFiles.map { try Data(contentsOf: runner.file("out/\($0)")) } == first, "the same session exports the same bytes")
    }

    /// `--format typescript` writes the `typescript/` folder alone, and `export --help` lists it.
    @Test func theTypeScriptFormatWritesItsFolderAndIsInTheHelp() throws {
        let runner = try Self.approvedSession()
        let exported = try runner.run(["export", "Sessions/shop", "--out", "out", "--format", "typescript"])
        #expect(exported.status == 0, "\(exported.errors)")
        #expect(exported.output == Self.typescriptFiles.map { "wrote out/\($0)\n" }.joined())
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.file("out").path) == ["typescript"])
        let users = runner.contents("out/typescript/Users.ts") ?? ""
        #expect(users.contains("export class UsersRepository {"))
        #expect(!users.contains("\"Users\""), "no deployed table name is written into the module")
        let help = try runner.run(["export", "--help"])
        #expect(help.output.contains("typescript"), "\(help.output)")
    }

    @Test func aContractEditedAfterApprovalIsRefused() throws {
        let runner = try Self.approvedSession()
        let url = runner.file("Sessions/shop/migrationContract.json")
        var text = String(decoding: try #require(FileManager.default.contents(atPath: url.path)), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"Users\"", with: "\"People\"")
        try Data(text.utf8).write(to: url)
        let result = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("ddbmodel: migrationContract.json changed after it was approved (SHA-256 "))
        #expect(!FileManager.default.fileExists(atPath: runner.file("out").path))
    }

    @Test func exportSaysWhichGateIsOpen() throws {
        let runner = try BinaryRunner()
        try Data(SampleRequirements.ecommerceYAML.utf8).write(to: runner.file("ecommerce.yaml"))
        _ = try runner.run(["new", "shop", "--requirements", "ecommerce.yaml"], input: "/quit\n")
        let atRequirements = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(atRequirements.status == 1)
        #expect(atRequirements.errors.contains("the requirements gate is open"))

        _ = try runner.run(["resume", "Sessions/shop"], input: "accept the catalog service creates products\nyes\n/quit\n")
        let atDesign = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(atDesign.errors.contains("the design gate is open"))
        #expect(!FileManager.default.fileExists(atPath: runner.file("Sessions/shop/migrationContract.json").path), "no contract before the design gate")

        _ = try runner.run(["resume", "Sessions/shop"], input: "/gate\nyes\n/quit\n")
        #expect(FileManager.default.fileExists(atPath: runner.file("Sessions/shop/migrationContract.json").path))
        let atContract = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(atContract.errors.contains("the contract gate is open"))
    }

    @Test func checkContractListsProblemsByPathAndFails() throws {
        let runner = try BinaryRunner()
        try Data(#"[{"table": "Users", "type": "Table", "pk": "user_id", "attributes": {}, "satisfies": [], "estimated_item_size_bytes": 0}]"#.utf8)
            .write(to: runner.file("broken.json"))
        let result = try runner.run(["check-contract", "broken.json"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("broken.json: "))
        #expect(result.errors.contains("$[0]"))
        let missing = try runner.run(["check-contract", "nothing.json"])
        #expect(missing.status == 1)
        #expect(missing.errors == "ddbmodel: Cannot read nothing.json: no such file, or it is not readable.\n")
    }

    /// `--force` into a folder where one target is a folder: every target is checked first, so
    /// nothing at all is written (it used to write the files before it, then fail).
    @Test func forceIntoAFolderWithAFolderInTheWayWritesNothing() throws {
        let runner = try Self.approvedSession()
        try FileManager.default.createDirectory(at: runner.file("out/cloudformation.yaml"), withIntermediateDirectories: true)
        try Data("old".utf8).write(to: runner.file("out/migrationContract.json"))

        let result = try runner.run(["export", "Sessions/shop", "--out", "out", "--force"])

        #expect(result.status == 1)
        #expect(result.errors == "ddbmodel: In out, cloudformation.yaml is a folder; nothing was written. Move it away, or choose another --out folder.\n")
        #expect(result.output.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: runner.file("out").path).sorted() == ["cloudformation.yaml", "migrationContract.json"])
        #expect(runner.contents("out/migrationContract.json") == "old")
    }

    /// A MySQL column DMS cannot name (`a}${id`, imported as the attribute `a___id`, so its
    /// mapping needs a value template): the export stops before writing anything and says which
    /// column and table; leaving dms out with --format exports the rest.
    @Test func aColumnDMSCannotNameStopsTheExportUntilDMSIsLeftOut() throws {
        let runner = try Self.approvedSchemaSession(usersColumn: "`a}${id` varchar(40) NOT NULL")

        let refused = try runner.run(["export", "Sessions/shop", "--out", "out"])
        #expect(refused.status == 1)
        #expect(refused.errors == """
            ddbmodel: The DMS mappings cannot name the column "a}${id" of the MySQL table "users": a DMS value template refers \
            to a column as ${column} and has no escape for "}" in its name, so the mapping would read other columns. Rename \
            the column in MySQL and import the schema again, or exclude it at the import review (exclude COLUMN REASON). \
            Nothing was written; to export the other formats now, leave dms out with --format (see docs/export.md).

            """)
        #expect(refused.output.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: runner.file("out").path))

        let others = ["contract", "contract-v2", "cloudformation", "workbench", "boto3", "typescript", "terraform"]
        let exported = try runner.run(["export", "Sessions/shop", "--out", "out"] + others.flatMap { ["--format", $0] })
        #expect(exported.status == 0, "\(exported.errors)")
        // The schema session has one table, Users: its module follows the shared one.
        let written = Self.formatFiles.filter { $0 != "dms-table-mappings.json" }.flatMap { $0 == "typescript/runtime.ts" ? [$0, "typescript/Users.ts"] : [$0] }
        #expect(exported.output == written.map { "wrote out/\($0)\n" }.joined())
    }
}
