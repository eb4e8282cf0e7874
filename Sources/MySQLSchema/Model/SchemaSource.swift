/// One SQL file to import: a base schema, a migration or `mysqldump` output, with the name that
/// diagnostics cite.
public struct SchemaSource: Sendable, Equatable {
    /// The name diagnostics and skipped statements cite, usually the file's path.
    public let name: String
    /// The file's text.
    public let text: String
    /// The bytes as read, when the source was made from bytes: the parser then reads them as they
    /// are and reports bytes that are not UTF-8, which `text` has already replaced with U+FFFD.
    let bytes: [UInt8]?

    /// A source made from text (already valid Unicode).
    public init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = nil
    }

    /// A source made from a file's bytes as read. Bytes that are not UTF-8 are reported once per
    /// file (their line and column) and read as U+FFFD.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.text = String(decoding: bytes, as: UTF8.self)
        self.bytes = bytes
    }
}
