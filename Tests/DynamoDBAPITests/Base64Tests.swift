import DynamoDBAPI
import Testing

/// The RFC 4648 test vectors (section 10) and malformed inputs.
struct Base64Tests {
    @Test(arguments: [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")])
    func rfc4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test func allByteValuesRoundTrip() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        #expect(Base64.encode([0xFB, 0xFF]) == "+/8=")
    }

    @Test(arguments: ["Zg", "Zg=", "Z===", "Zm9v!A==", "Zg==Zg==", "Zh==", "Zm9=", "=Zm9"])
    func rejectsMalformed(text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
