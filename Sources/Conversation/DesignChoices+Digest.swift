import DesignEngine
import Digests
import Foundation

extension DesignChoices {
    /// The SHA-256 of the choices, encoded with sorted keys so the same choices always give the
    /// same digest. Recorded at the contract gate and compared by `ddbmodel export`.
    public var digest: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // Encoding plain strings, numbers and flags cannot fail; an empty digest would never match.
        guard let data = try? encoder.encode(self) else { return "" }
        return SHA256.hex([UInt8](data))
    }
}
