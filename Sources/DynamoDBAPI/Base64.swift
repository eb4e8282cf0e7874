#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Base64 (RFC 4648, standard alphabet, padded), how the JSON protocol carries binary values:
/// Foundation's codec, behind the two calls the API needs.
public enum Base64 {
    public static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }

    /// nil for text that is not strict base64: whitespace, a missing pad, a foreign character, or
    /// unused bits that are not zero (`Zh==`), which Foundation alone would accept. Only the one
    /// text `encode` gives for some bytes is taken, so a binary value has exactly one spelling.
    public static func decode(_ text: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: text), data.base64EncodedString() == text else { return nil }
        return [UInt8](data)
    }
}
