import DesignEngine
import Requirements

/// `access_patterns.py`: a Python module (boto3 only) with one function per access pattern,
/// each running the planned operation on the planned table or index (docs/export.md, "boto3").
///
/// The functions take the low-level client (`boto3.client("dynamodb")`) and plain Python values
/// (numbers as `decimal.Decimal`); `TypeSerializer`/`TypeDeserializer` convert at the boundary.
/// Deployed table names come from the module's `TABLES` or a `table_names` argument.
public enum Boto3Exporter {
    public static let fileName = "access_patterns.py"

    public static func export(_ model: DataModel, requirements: Requirements) -> ExportedFile {
        var writer = Boto3ModuleWriter(model: model, requirements: requirements)
        return ExportedFile(name: fileName, bytes: Array(writer.render().utf8))
    }
}
