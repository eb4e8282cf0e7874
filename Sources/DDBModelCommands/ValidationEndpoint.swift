import DynamoDBAPI
import DynamoDBClient
import Foundation

/// Where a validation run sends its requests and which credentials sign them, decided in one
/// place for `ddbmodel validate` and `/validate`.
///
/// - A loopback endpoint (127.0.0.0/8, `::1`, `localhost` or `*.localhost` resolving only to
///   those) is connected to by the address that was checked, and signed with fixed dummy
///   credentials: DynamoDB Local and moto accept any, and a local server must never see the
///   caller's real keys (from the environment or a profile).
/// - Any other endpoint needs `--allow-remote` and `https://`: over plain `http://` the signed
///   requests would cross the network unencrypted.
struct ValidationEndpoint {
    /// What the transport connects to.
    let url: URL
    let isLoopback: Bool

    /// Accepted by every local DynamoDB emulator; letters only, as DynamoDB Local requires.
    static let loopbackCredentials = AWSCredentials(accessKeyID: "ddbmodellocal", secretAccessKey: "ddbmodellocal")

    /// Reads `--endpoint`; refuses what is not an http(s) URL, a remote endpoint without
    /// `allowRemote`, and a remote endpoint over plain http.
    static func resolve(_ text: String, allowRemote: Bool,
                        resolveName: (String) -> [[UInt8]]? = HTTPTransport.resolveAddresses) throws(CommandFailure) -> ValidationEndpoint {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", url.host != nil else {
            throw CommandFailure("\(text) is not an endpoint URL: give one such as http://127.0.0.1:8000 or https://dynamodb.us-east-1.amazonaws.com.")
        }
        if let local = HTTPTransport.loopbackURL(url, resolve: resolveName) {
            return ValidationEndpoint(url: local, isLoopback: true)
        }
        guard allowRemote else {
            throw CommandFailure("\(text) is not on this machine: validating creates real tables there (and may cost money). Add --allow-remote to do it; you will be asked to confirm.")
        }
        guard scheme == "https" else {
            throw CommandFailure("\(text) is not on this machine and uses plain http://: the requests, signed with your AWS credentials, would cross the network unencrypted. Use https://.")
        }
        return ValidationEndpoint(url: url, isLoopback: false)
    }

    /// The dummy credentials for a loopback endpoint; the caller's own (environment, then
    /// profile) for a remote one.
    func credentials(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DynamoDBError) -> AWSCredentials {
        if isLoopback { return Self.loopbackCredentials }
        return try AWSCredentials.load(environment: environment)
    }
}
