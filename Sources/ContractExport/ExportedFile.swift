/// One file an export writes: its name in the output folder and its exact bytes.
public struct ExportedFile: Sendable, Equatable {
    public var name: String
    public var bytes: [UInt8]

    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The formats `ddbmodel export` writes, in the order it writes them.
public enum ExportFormat: String, Sendable, CaseIterable {
    case contract
    case contractV2 = "contract-v2"
    case cloudformation
    case workbench
    case dms
    case boto3
    case typescript
    case terraform
}
