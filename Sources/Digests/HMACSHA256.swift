/// HMAC-SHA256 (RFC 2104), for the Signature Version 4 signing key and signature; checked against
/// the RFC 4231 test cases.
public enum HMACSHA256 {
    private static let blockSize = 64

    /// The 32-byte authentication code of `message` under `key`.
    public static func authenticationCode<Key: Collection, Message: Collection>(key: Key, message: Message) -> [UInt8]
    where Key.Element == UInt8, Message.Element == UInt8 {
        var block = key.count > blockSize ? SHA256.digest(key) : Array(key)
        block.append(contentsOf: [UInt8](repeating: 0, count: blockSize - block.count))
        let inner = SHA256.digest(block.map { $0 ^ 0x36 } + Array(message))
        return SHA256.digest(block.map { $0 ^ 0x5c } + inner)
    }

    /// The code as 64 lowercase hexadecimal digits.
    public static func hex<Key: Collection, Message: Collection>(key: Key, message: Message) -> String
    where Key.Element == UInt8, Message.Element == UInt8 {
        hexString(authenticationCode(key: key, message: message))
    }
}
