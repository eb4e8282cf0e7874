import DynamoDBAPI
import Foundation

/// An access key pair (and session token, for temporary credentials), found the way the AWS CLI
/// finds them: the environment first, then the shared credentials file.
public struct AWSCredentials: Sendable, Equatable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// `AWS_ACCESS_KEY_ID` / `AWS_SECRET_ACCESS_KEY` / `AWS_SESSION_TOKEN`, else the profile
    /// `AWS_PROFILE` (or `default`) of `AWS_SHARED_CREDENTIALS_FILE` (or `~/.aws/credentials`,
    /// `~` being `HOME` from `environment`).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(DynamoDBError) -> AWSCredentials {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        if let key = value("AWS_ACCESS_KEY_ID"), let secret = value("AWS_SECRET_ACCESS_KEY") {
            return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: value("AWS_SESSION_TOKEN"))
        }
        let profile = value("AWS_PROFILE") ?? "default"
        guard let path = value("AWS_SHARED_CREDENTIALS_FILE") ?? value("HOME").map({ $0 + "/.aws/credentials" }) else {
            throw .credentialsNotFound(reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and HOME is not set to find ~/.aws/credentials")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .credentialsNotFound(reason: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set, and \(path) cannot be read")
        }
        let sections = INIFile.parse(String(decoding: data, as: UTF8.self))
        guard let section = sections[profile] else {
            throw .credentialsNotFound(reason: "profile [\(profile)] is not in \(path)")
        }
        guard let key = section["aws_access_key_id"], !key.isEmpty, let secret = section["aws_secret_access_key"], !secret.isEmpty else {
            throw .credentialsNotFound(reason: "profile [\(profile)] in \(path) has no aws_access_key_id and aws_secret_access_key")
        }
        let token = section["aws_session_token"] ?? section["aws_security_token"]
        return AWSCredentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token?.isEmpty == false ? token : nil)
    }
}

/// The region as the AWS CLI finds it: `AWS_REGION`, `AWS_DEFAULT_REGION`, then `region` in the
/// profile's section of `AWS_CONFIG_FILE` (or `~/.aws/config`: `[default]` or `[profile NAME]`).
public enum AWSRegion {
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        if let region = value("AWS_REGION") ?? value("AWS_DEFAULT_REGION") { return region }
        guard let path = value("AWS_CONFIG_FILE") ?? value("HOME").map({ $0 + "/.aws/config" }),
            let data = FileManager.default.contents(atPath: path)
        else { return nil }
        let sections = INIFile.parse(String(decoding: data, as: UTF8.self))
        let profile = value("AWS_PROFILE") ?? "default"
        let section = sections["profile \(profile)"] ?? sections[profile]
        guard let region = section?["region"], !region.isEmpty else { return nil }
        return region
    }
}

/// The small INI dialect of the AWS shared files: `[section]`, `key = value`, comments starting
/// with `#` or `;`. Section names are trimmed with inner runs of spaces collapsed; keys are
/// lower-cased. Indented continuation lines (nested settings) are ignored.
enum INIFile {
    static func parse(_ text: String) -> [String: [String: String]] {
        var sections: [String: [String: String]] = [:]
        var current: String?
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            if let first = rawLine.first, first == " " || first == "\t" { continue }
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                guard let close = line.firstIndex(of: "]") else { current = nil; continue }
                let name = line[line.index(after: line.startIndex)..<close]
                    .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
                current = name
                if sections[name] == nil { sections[name] = [:] }
                continue
            }
            guard let section = current, let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // An inline comment needs whitespace before its marker.
            for marker in [" #", " ;", "\t#", "\t;"] {
                if let range = value.range(of: marker) { value = value[..<range.lowerBound].trimmingCharacters(in: .whitespaces) }
            }
            sections[section]?[key] = value
        }
        return sections
    }
}
