import DynamoDBAPI
@testable import DynamoDBClient
import Foundation
import Testing

/// Credentials and region from the environment and from the shared files under a temporary HOME.
struct CredentialsTests {
    static func temporaryHome(credentials: String? = nil, config: String? = nil) throws -> URL {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("ddbc-home-\(UUID().uuidString)")
        let aws = home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        if let credentials { try Data(credentials.utf8).write(to: aws.appendingPathComponent("credentials")) }
        if let config { try Data(config.utf8).write(to: aws.appendingPathComponent("config")) }
        return home
    }

    static let credentialsFile = """
        # shared credentials
        [default]
        aws_access_key_id = AKIADEFAULT
        aws_secret_access_key = secretDefault/+=

        [work]
        aws_access_key_id=AKIAWORK
        aws_secret_access_key=secretWork ; trailing comment
        aws_session_token = tokenWork

        [broken]
        aws_access_key_id = AKIAONLY
        """

    @Test func environmentWins() throws {
        let home = try Self.temporaryHome(credentials: Self.credentialsFile)
        defer { try? FileManager.default.removeItem(at: home) }
        let credentials = try AWSCredentials.load(environment: [
            "HOME": home.path, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_SESSION_TOKEN": "tok",
        ])
        #expect(credentials == AWSCredentials(accessKeyID: "testing", secretAccessKey: "secret", sessionToken: "tok"))
    }

    @Test func defaultAndNamedProfiles() throws {
        let home = try Self.temporaryHome(credentials: Self.credentialsFile)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try AWSCredentials.load(environment: ["HOME": home.path])
            == AWSCredentials(accessKeyID: "AKIADEFAULT", secretAccessKey: "secretDefault/+="))
        #expect(try AWSCredentials.load(environment: ["HOME": home.path, "AWS_PROFILE": "work"])
            == AWSCredentials(accessKeyID: "AKIAWORK", secretAccessKey: "secretWork", sessionToken: "tokenWork"))
    }

    @Test func missingProfileOrKeysAreSpecific() throws {
        let home = try Self.temporaryHome(credentials: Self.credentialsFile)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(throws: DynamoDBError.credentialsNotFound(reason: "profile [nope] is not in \(home.path)/.aws/credentials")) {
            try AWSCredentials.load(environment: ["HOME": home.path, "AWS_PROFILE": "nope"])
        }
        #expect(throws: DynamoDBError.self) { try AWSCredentials.load(environment: ["HOME": home.path, "AWS_PROFILE": "broken"]) }
        let empty = try Self.temporaryHome()
        defer { try? FileManager.default.removeItem(at: empty) }
        #expect(throws: DynamoDBError.self) { try AWSCredentials.load(environment: ["HOME": empty.path]) }
    }

    @Test func regionFromEnvironmentThenConfig() throws {
        let home = try Self.temporaryHome(config: """
            [default]
            region = eu-west-1
            [profile work]
            region = ap-southeast-2
            s3 =
              max_concurrent_requests = 20
            """)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(AWSRegion.load(environment: ["HOME": home.path, "AWS_REGION": "us-west-2", "AWS_DEFAULT_REGION": "us-east-2"]) == "us-west-2")
        #expect(AWSRegion.load(environment: ["HOME": home.path, "AWS_DEFAULT_REGION": "us-east-2"]) == "us-east-2")
        #expect(AWSRegion.load(environment: ["HOME": home.path]) == "eu-west-1")
        #expect(AWSRegion.load(environment: ["HOME": home.path, "AWS_PROFILE": "work"]) == "ap-southeast-2")
        #expect(AWSRegion.load(environment: ["HOME": "/nonexistent-\(UUID().uuidString)"]) == nil)
    }

    @Test func iniParser() {
        let sections = INIFile.parse("[ profile   a ]\r\nKey = v\r\n; c\n#c\n[b]\nx=1=2\n")
        #expect(sections["profile a"]?["key"] == "v")
        #expect(sections["b"]?["x"] == "1=2")
    }
}
