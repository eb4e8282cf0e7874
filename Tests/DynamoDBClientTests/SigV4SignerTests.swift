import Digests
@testable import DynamoDBClient
import Foundation
import Testing

/// Signature Version 4 against AWS's published `aws-sig-v4-test-suite` (credentials AKIDEXAMPLE,
/// 2015-08-30T12:36:00Z, us-east-1, service "service") and the IAM ListUsers walk-through from the
/// AWS General Reference.
struct SigV4SignerTests {
    static let date = Date(timeIntervalSince1970: 1_440_938_160)  // 2015-08-30T12:36:00Z
    static let token = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=="

    static func signer(token: String? = nil, service: String = "service") -> SigV4Signer {
        SigV4Signer(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                    sessionToken: token, region: "us-east-1", service: service)
    }

    static func authorization(_ signedHeaders: String, _ signature: String, service: String = "service") -> String {
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/\(service)/aws4_request, SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    struct Vector: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var url: String
        var headers: [(String, String)] = []
        var body: String = ""
        var token: String?
        var signedHeaders: String = "host;x-amz-date"
        var signature: String
        var testDescription: String { name }
    }

    static let suite: [Vector] = [
        Vector(name: "get-vanilla", method: "GET", url: "https://example.amazonaws.com/",
               signature: "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"),
        Vector(name: "post-vanilla", method: "POST", url: "https://example.amazonaws.com/",
               signature: "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b"),
        Vector(name: "post-vanilla-query", method: "POST", url: "https://example.amazonaws.com/?Param1=value1",
               signature: "28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11"),
        Vector(name: "get-vanilla-query-order-key-case", method: "GET", url: "https://example.amazonaws.com/?Param2=value2&Param1=value1",
               signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        Vector(name: "get-header-key-duplicate", method: "GET", url: "https://example.amazonaws.com/",
               headers: [("My-Header1", "value2"), ("My-Header1", "value2"), ("My-Header1", "value1")],
               signedHeaders: "host;my-header1;x-amz-date",
               signature: "c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea"),
        Vector(name: "get-header-value-trim", method: "GET", url: "https://example.amazonaws.com/",
               headers: [("My-Header1", " value1"), ("My-Header2", "\"a   b   c\"")],
               signedHeaders: "host;my-header1;my-header2;x-amz-date",
               signature: "acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736"),
        Vector(name: "post-header-key-case", method: "POST", url: "https://example.amazonaws.com/",
               headers: [("MY-HEADER1", "value1")], signedHeaders: "host;my-header1;x-amz-date",
               signature: "c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c"),
        Vector(name: "post-x-www-form-urlencoded", method: "POST", url: "https://example.amazonaws.com/",
               headers: [("Content-Type", "application/x-www-form-urlencoded")], body: "Param1=value1",
               signedHeaders: "content-type;host;x-amz-date",
               signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
        Vector(name: "post-sts-header-before", method: "POST", url: "https://example.amazonaws.com/", token: token,
               signedHeaders: "host;x-amz-date;x-amz-security-token",
               signature: "85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead"),
    ]

    @Test(arguments: suite) func testSuiteVector(_ vector: Vector) throws {
        let headers = Self.signer(token: vector.token).sign(
            method: vector.method, url: try #require(URL(string: vector.url)), headers: vector.headers,
            body: Array(vector.body.utf8), date: Self.date
        )
        let authorization = headers.first { $0.0 == "Authorization" }?.1
        #expect(authorization == Self.authorization(vector.signedHeaders, vector.signature), "\(vector.name)")
        #expect(headers.contains { $0.0 == "X-Amz-Date" && $0.1 == "20150830T123600Z" })
        #expect(headers.contains { $0.0 == "Host" && $0.1 == "example.amazonaws.com" })
        if let token = vector.token {
            #expect(headers.contains { $0.0 == "X-Amz-Security-Token" && $0.1 == token })
        } else {
            #expect(!headers.contains { $0.0 == "X-Amz-Security-Token" })
        }
    }

    @Test func intermediateStepsOfPostForm() throws {
        let signed = Self.signer().signature(
            method: "POST", url: try #require(URL(string: "https://example.amazonaws.com/")),
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("Param1=value1".utf8), date: Self.date
        )
        #expect(signed.canonicalRequest == "POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\ncontent-type;host;x-amz-date\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e")
        #expect(signed.stringToSign == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n42a5e5bb34198acb3e84da4f085bb7927f2bc277ca766e6d19c73c2154021281")
    }

    @Test func intermediateStepsWithSessionToken() throws {
        let signed = Self.signer(token: Self.token).signature(
            method: "POST", url: try #require(URL(string: "https://example.amazonaws.com/")), headers: [], body: [], date: Self.date
        )
        #expect(signed.canonicalRequest.contains("\nx-amz-security-token:\(Self.token)\n"))
        #expect(signed.stringToSign == "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nc237e1b440d4c63c32ca95b5b99481081cb7b13c7e40434868e71567c1a882f6")
    }

    /// The signing-key derivation examples and the IAM ListUsers request of the AWS General
    /// Reference ("Examples of the complete Signature Version 4 signing process").
    @Test func iamListUsersWalkThrough() throws {
        let iam = Self.signer(service: "iam")
        #expect(hexString(iam.signingKey(day: "20120215")) == "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d")
        #expect(hexString(iam.signingKey(day: "20150830")) == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
        let signed = iam.signature(
            method: "GET", url: try #require(URL(string: "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")),
            headers: [("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")], body: [], date: Self.date
        )
        #expect(signed.canonicalRequest == """
            GET
            /
            Action=ListUsers&Version=2010-05-08
            content-type:application/x-www-form-urlencoded; charset=utf-8
            host:iam.amazonaws.com
            x-amz-date:20150830T123600Z

            content-type;host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """)
        #expect(SHA256.hex(Array(signed.canonicalRequest.utf8)) == "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        #expect(signed.authorization == Self.authorization("content-type;host;x-amz-date", "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", service: "iam"))
    }

    /// A DynamoDB GetItem request as `HTTPTransport` signs it (no published AWS vector exists for
    /// DynamoDB; these signatures were computed once with botocore's `SigV4Auth` for the same
    /// request, time and keys).
    @Test(arguments: [
        (nil, "content-type;host;x-amz-date;x-amz-target", "52e26939d1c1c381cccb9de00cbed76262dbc5092ffd0fda29eb74dcb4f90d96"),
        ("tok123", "content-type;host;x-amz-date;x-amz-security-token;x-amz-target", "2c1b3782199a26dd5b6ee1fc8973bb4738ec45f4a1f00a300d9c78bb721036b5"),
    ] as [(String?, String, String)])
    func dynamoDBRequestMatchesBotocore(token: String?, signedHeaders: String, signature: String) throws {
        let signer = SigV4Signer(accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                 sessionToken: token, region: "us-west-2", service: "dynamodb")
        let headers = signer.sign(
            method: "POST", url: try #require(URL(string: "https://dynamodb.us-west-2.amazonaws.com/")),
            headers: [("Content-Type", "application/x-amz-json-1.0"), ("X-Amz-Target", "DynamoDB_20120810.GetItem")],
            body: Array(#"{"TableName": "Orders", "Key": {"pk": {"S": "CUSTOMER#1"}}}"#.utf8), date: Self.date
        )
        #expect(headers.first { $0.0 == "Authorization" }?.1
            == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-west-2/dynamodb/aws4_request, SignedHeaders=\(signedHeaders), Signature=\(signature)")
    }

    @Test func contentHashHeaderIsOptionalAndSigned() throws {
        let url = try #require(URL(string: "http://127.0.0.1:8000/"))
        let headers = Self.signer().sign(method: "POST", url: url, headers: [], body: [], date: Self.date, includeContentSHA256: true)
        #expect(headers.contains { $0.0 == "X-Amz-Content-Sha256" && $0.1 == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" })
        #expect(headers.contains { $0.0 == "Host" && $0.1 == "127.0.0.1:8000" })
        let authorization = try #require(headers.first { $0.0 == "Authorization" }?.1)
        #expect(authorization.contains("SignedHeaders=host;x-amz-content-sha256;x-amz-date,"))
    }

    @Test func encodingHelpers() {
        #expect(SigV4Signer.uriEncode("a b/c~d_e.f-g*h+é") == "a%20b%2Fc~d_e.f-g%2Ah%2B%C3%A9")
        #expect(SigV4Signer.canonicalQuery("b=2&a=z&a=y&uploadId=x%2Fy%3D") == "a=y&a=z&b=2&uploadId=x%2Fy%3D")
        #expect(SigV4Signer.canonicalURI("") == "/")
    }
}
