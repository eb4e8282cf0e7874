/// Reads only the top-level `format_version`, before the real decode, so a file from a newer ddbmodel is
/// refused with "upgrade" instead of a confusing error about some field this version does not know.
struct FormatVersionProbe: Decodable {
    /// Why the version could not be read, phrased to follow the file name in a message.
    enum Problem: Error {
        case notAnObject
        case missing
        case notAnInteger
    }

    let result: Result<Int, Problem>

    private enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version"
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: CodingKeys.self) else {
            result = .failure(.notAnObject)
            return
        }
        guard container.contains(.formatVersion) else {
            result = .failure(.missing)
            return
        }
        if let version = try? container.decode(Int.self, forKey: .formatVersion), version >= 1 {
            result = .success(version)
        } else {
            result = .failure(.notAnInteger)
        }
    }
}
