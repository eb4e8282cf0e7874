import DesignEngine
import Requirements

/// `terraform/`: the approved model as a Terraform configuration, saying what the CloudFormation
/// template says (tables, indexes, billing, TTL, streams, per-environment settings, prod backups,
/// least-privilege IAM) plus auto scaling of provisioned capacity (docs/export.md, "terraform").
///
/// Every file parses with python-hcl2 and passes checkov apart from the findings accepted in
/// docs/export.md; an equivalence test compares it with the CloudFormation template and the
/// contract for every worked scenario and approved example.
public enum TerraformExporter {
    public static let folder = "terraform"

    /// The files written, in order, relative to the output folder.
    public static let fileNames = ["versions.tf", "variables.tf", "main.tf", "iam.tf", "backup.tf", "outputs.tf"].map { folder + "/" + $0 }
        + TerraformSettings.environments.map { "\(folder)/environments/\($0.name).tfvars" }

    /// The configuration for `model`; `application` is the default of the Application tag.
    public static func export(_ model: DataModel, requirements: Requirements, application: String) -> [ExportedFile] {
        let names = TerraformNames(model)
        let permissions = AccessPermissions(model: model, requirements: requirements)
        let contents: [[TerraformHCL.Item]] = [
            TerraformSettings.versions,
            TerraformSettings.variables(application: application),
            TerraformTables.items(model, names: names),
            TerraformAccessPolicy.items(model, permissions: permissions, names: names),
            TerraformBackup.items(model, names: names),
            TerraformSettings.outputs(model, names: names, hasPolicy: !permissions.isEmpty),
        ] + TerraformSettings.environments.map { TerraformSettings.tfvars(environment: $0.name, summary: $0.summary) }
        return zip(fileNames, contents).map { name, items in
            ExportedFile(name: name, bytes: Array(TerraformHCL.render(items).utf8))
        }
    }
}
