import Foundation
import Testing
import TestSupport

/// `ddbmodel validate` through the built binary, against moto_server on loopback.
@Suite(.serialized) struct ValidateTests {
    static func exampleCopy(_ runner: BinaryRunner, _ name: String) throws {
        let copy = runner.file("Sessions/\(name)")
        try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ExampleSessionTests.examples.appendingPathComponent(name), to: copy)
    }

    /// Table names on the server, read with boto3 (independently of the tool's own client).
    static func tableNames(port: Int) throws -> String {
        try Command(["python3", "-c", "import boto3; print(boto3.client('dynamodb', region_name='us-east-1', endpoint_url='http://127.0.0.1:\(port)').list_tables()['TableNames'])"],
                    environment: .inherited(adding: ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"]), output: .merged).run().output
    }

    @Test(arguments: ["ecommerce-approved", "tenants-approved"])
    func anExampleValidatesAndLeavesNoTableBehind(name: String) throws {
        let runner = try BinaryRunner()
        try Self.exampleCopy(runner, name)
        try LoopbackMoto.withServer { port in
            let result = try runner.run(["validate", "Sessions/\(name)", "--endpoint", "http://127.0.0.1:\(port)", "--prefix", "t-"])
            #expect(result.status == 0, "\(result.output)\n\(result.errors)")
            #expect(result.output.contains("… "), "progress lines")
            #expect(result.output.contains("| Pattern |") || result.output.contains("| pattern |") || result.output.contains("|---"))
            #expect(!result.output.contains("FAIL"))
            let markdown = try #require(runner.contents("Sessions/\(name)/dynamodb_model_validation.md"))
            #expect(markdown.contains("moto and DynamoDB Local do not report realistic consumed capacity"))
            #expect(runner.contents("Sessions/\(name)/dynamodb_model_validation.json") != nil)
            #expect(try Self.tableNames(port: port).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }

    @Test func theTenantsExampleFailsOnlyOnThePatternStillWaitingForAScan() throws {
        // At the design review, "List all tenants" has no plan until a Scan is accepted.
        let runner = try BinaryRunner()
        try Self.exampleCopy(runner, "tenants")
        try LoopbackMoto.withServer { port in
            let result = try runner.run(["validate", "Sessions/tenants", "--endpoint", "http://127.0.0.1:\(port)", "--prefix", "u-"])
            #expect(result.status == 1)
            let json = try #require(runner.contents("Sessions/tenants/dynamodb_model_validation.json"))
            let failed = json.components(separatedBy: "\"result\": \"fail\"").count - 1
            #expect(failed == 1, "\(result.output)")
            #expect(result.output.contains("#3"))
            #expect(try Self.tableNames(port: port).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }

    @Test func aRemoteEndpointIsRefusedWithoutAllowRemote() throws {
        let runner = try BinaryRunner()
        try Self.exampleCopy(runner, "ecommerce-approved")
        let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", "https://dynamodb.us-east-1.amazonaws.com"])
        #expect(result.status == 1)
        #expect(result.errors == "ddbmodel: https://dynamodb.us-east-1.amazonaws.com is not on this machine: validating creates real tables there (and may cost money). Add --allow-remote to do it; you will be asked to confirm.\n")
    }

    @Test func anUnreachableEndpointIsReportedAsSuch() throws {
        let runner = try BinaryRunner()
        try Self.exampleCopy(runner, "ecommerce-approved")
        let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", "http://127.0.0.1:1", "--prefix", "t-"])
        #expect(result.status == 1)
        #expect(result.output.contains("Cannot reach the DynamoDB endpoint http://127.0.0.1:1"))
    }

    @Test func aBrokenModelFailsOnExactlyThePatternItBreaks() throws {
        // The ecommerce example with the category index keyed by title instead: only #6 can fail.
        let runner = try BinaryRunner()
        try Self.exampleCopy(runner, "ecommerce-approved")
        _ = try runner.run(["resume", "Sessions/ecommerce-approved"], input: "/index-keys Products ProductsByCategory title price\nyes\n/quit\n")
        try LoopbackMoto.withServer { port in
            let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", "http://127.0.0.1:\(port)", "--prefix", "b-"])
            #expect(result.status == 1)
            let report = try #require(runner.contents("Sessions/ecommerce-approved/dynamodb_model_validation.json"))
            #expect(report.contains("\"failed\""))
            #expect(result.output.contains("#6"))
        }
    }

    @Test func aMalformedEndpointIsRefused() throws {
        let runner = try BinaryRunner()
        try Self.exampleCopy(runner, "ecommerce-approved")
        let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", "localhost:8000"])
        #expect(result.status == 1)
        #expect(result.errors.contains("is not an endpoint URL"))
    }
}

/// `/validate` typed inside a resumed session, against moto on loopback.
@Suite(.serialized) struct SessionValidateTests {
    @Test func validateInsideTheSessionWritesTheReport() throws {
        let runner = try BinaryRunner()
        try ValidateTests.exampleCopy(runner, "ecommerce")
        try LoopbackMoto.withServer { port in
            let result = try runner.run(["resume", "Sessions/ecommerce"], input: "/validate http://127.0.0.1:\(port)\n/quit\n")
            #expect(result.status == 0, "\(result.errors)")
            #expect(result.output.contains("Validation passed; the report is in dynamodb_model_validation.md."))
            #expect(runner.contents("Sessions/ecommerce/dynamodb_model_validation.md") != nil)
            #expect(try ValidateTests.tableNames(port: port).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }
}

/// The remote confirmation and Ctrl-C clean-up of `ddbmodel validate`.
@Suite(.serialized) struct ValidateSafetyTests {
    @Test func aRemoteEndpointWithAllowRemoteShowsTheTablesAndCreatesNothingWithoutYes() throws {
        let runner = try BinaryRunner()
        try ValidateTests.exampleCopy(runner, "ecommerce-approved")
        // Credentials from the profile file in the runner's HOME; 192.0.2.1 (TEST-NET-1) is never contacted.
        let aws = runner.home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        try Data("[default]\naws_access_key_id = AKIDEXAMPLE\naws_secret_access_key = secret\n".utf8).write(to: aws.appendingPathComponent("credentials"))
        let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", "https://192.0.2.1:8000", "--allow-remote", "--prefix", "r-"],
                                    input: "no\n")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("endpoint https://192.0.2.1:8000. The run creates these tables (and deletes them at the end):\n  r-Users\n"))
        #expect(result.output.contains("  r-UserEmails\n"))
        #expect(result.output.hasSuffix("Type yes to create them: Nothing was created.\n"))
        #expect(runner.contents("Sessions/ecommerce-approved/dynamodb_model_validation.md") == nil)
    }

    @Test func ctrlCStopsTheRunAndDeletesItsTables() throws {
        let runner = try BinaryRunner()
        try ValidateTests.exampleCopy(runner, "tenants-approved")
        try LoopbackMoto.withServer { port in
            let validation = try runner.start(["validate", "Sessions/tenants-approved", "--endpoint", "http://127.0.0.1:\(port)", "--prefix", "c-"],
                                              input: .none, output: .discarded)
            // Interrupt once the tables exist and the run is under way.
            let deadline = Date().addingTimeInterval(20)
            while validation.isRunning, Date() < deadline {
                if try ValidateTests.tableNames(port: port).contains("c-") { break }
                Thread.sleep(forTimeInterval: 0.1)
            }
            validation.send(SIGINT)
            #expect(validation.waitForExit(timeout: 60), "validate did not stop after SIGINT")
            #expect(try ValidateTests.tableNames(port: port).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        }
    }

    /// Real-looking keys in the environment, as a developer's shell has them.
    static let realKeys = ["AWS_ACCESS_KEY_ID": "AKIAREALKEYEXAMPLE01", "AWS_SECRET_ACCESS_KEY": "real/secret/key", "AWS_SESSION_TOKEN": "real-session-token"]

    static func header(_ name: String, in headers: [String: String]) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// A loopback endpoint is signed with the fixed dummy key, never with the environment's.
    @Test func aLoopbackEndpointGetsTheDummyCredentialsEvenWhenRealOnesAreSet() throws {
        let runner = try BinaryRunner()
        try ValidateTests.exampleCopy(runner, "ecommerce-approved")
        let server = try RecordingHTTPServer()
        defer { server.stop() }

        let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", server.url.absoluteString, "--prefix", "d-"],
                                    environment: Self.realKeys)

        #expect(result.status == 1, "the server refuses every request")
        let requests = server.requests()
        #expect(!requests.isEmpty)
        for request in requests {
            let authorization = Self.header("Authorization", in: request.headers) ?? ""
            #expect(authorization.hasPrefix("AWS4-HMAC-SHA256 Credential=ddbmodellocal/"), "\(authorization)")
            #expect(!authorization.contains("AKIAREALKEYEXAMPLE01"))
            #expect(Self.header("X-Amz-Security-Token", in: request.headers) == nil)
        }
    }

    /// A loopback endpoint that redirects elsewhere: nothing reaches the redirect's target.
    @Test func aRedirectIsNotFollowed() throws {
        let runner = try BinaryRunner()
        try ValidateTests.exampleCopy(runner, "ecommerce-approved")
        let target = try RecordingHTTPServer()
        defer { target.stop() }
        let redirector = try RecordingHTTPServer(redirectTo: target.url)
        defer { redirector.stop() }

        let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", redirector.url.absoluteString, "--prefix", "r-"],
                                    environment: Self.realKeys)

        #expect(result.status == 1)
        #expect(result.output.contains("answered with a redirect (HTTP 307) to \(target.url.absoluteString); ddbmodel does not follow redirects"))
        #expect(!redirector.requests().isEmpty)
        #expect(target.requests().isEmpty, "the redirect target received \(target.requests().map(\.headers))")
    }

    /// Plain http to a remote endpoint would send signed requests unencrypted: refused, even with
    /// --allow-remote, before any request or question.
    @Test func plainHTTPToARemoteEndpointIsRefused() throws {
        let runner = try BinaryRunner()
        try ValidateTests.exampleCopy(runner, "ecommerce-approved")
        let result = try runner.run(["validate", "Sessions/ecommerce-approved", "--endpoint", "http://192.0.2.1:8000", "--allow-remote"],
                                    input: "yes\n", environment: Self.realKeys)
        #expect(result.status == 1)
        #expect(result.output.isEmpty)
        #expect(result.errors == "ddbmodel: http://192.0.2.1:8000 is not on this machine and uses plain http://: the requests, signed with your AWS credentials, would cross the network unencrypted. Use https://.\n")
    }
}
