import Foundation
import Testing

/// A small HTTP server on a free 127.0.0.1 port (Python's `http.server`, started for one test)
/// that records every request it receives and answers each POST either with a redirect to
/// `redirectTo` or with a DynamoDB-style 400 error.
///
/// Tests use it to see exactly what a client sends where: the headers that reached it, and
/// whether anything reached the target of a redirect at all.
public final class RecordingHTTPServer {
    public let port: Int
    private let child: ChildProcess
    private let log: URL
    private let folder: URL

    public var url: URL { URL(string: "http://127.0.0.1:\(port)/")! }

    static let script = #"""
        import http.server, json, sys
        log_path, port_path, redirect = sys.argv[1], sys.argv[2], sys.argv[3]

        class Handler(http.server.BaseHTTPRequestHandler):
            # HTTP/1.1 keeps connections open, so a test can see whether a client reuses one.
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8", "replace")
                with open(log_path, "a") as log:
                    log.write(json.dumps({"path": self.path, "headers": dict(self.headers.items()), "body": body,
                                          "client_port": self.client_address[1]}) + "\n")
                if redirect != "-":
                    self.send_response(307)
                    self.send_header("Location", redirect)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                answer = json.dumps({"__type": "com.amazonaws.dynamodb.v20120810#UnrecognizedClientException",
                                     "message": "recorded by the test server"}).encode()
                self.send_response(400)
                self.send_header("Content-Type", "application/x-amz-json-1.0")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)
            do_GET = do_PUT = do_POST

            def log_message(self, *args):
                pass

        # One thread per connection: a client's idle kept-alive connection must not block another's.
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        with open(port_path + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        import os
        os.rename(port_path + ".tmp", port_path)
        server.serve_forever()
        """#

    /// Starts the server; with `redirectTo`, every request is answered with a 307 to that URL.
    public init(redirectTo: URL? = nil) throws {
        folder = try TemporaryDirectory.make("recording-server")
        log = folder.appendingPathComponent("requests.jsonl")
        let portFile = folder.appendingPathComponent("port")
        child = try Command(["python3", "-c", Self.script, log.path, portFile.path, redirectTo?.absoluteString ?? "-"], output: .merged).start()
        let deadline = Date().addingTimeInterval(15)
        var found: Int?
        while found == nil, Date() < deadline, child.isRunning {
            if let text = try? String(contentsOf: portFile, encoding: .utf8) { found = Int(text) }
            if found == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let found else {
            child.stop(firstSignal: SIGKILL)
            throw ServerDidNotStart(description: "the recording server did not start: \(child.output())")
        }
        port = found
    }

    struct ServerDidNotStart: Error, CustomStringConvertible {
        let description: String
    }

    /// Every request received so far: its path, headers (names as sent) and body.
    public func requests() -> [(path: String, headers: [String: String], body: String)] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return (object["path"] as? String ?? "", object["headers"] as? [String: String] ?? [:], object["body"] as? String ?? "")
        }
    }

    /// The client-side port of each request's connection, in order: equal ports mean one
    /// connection carried several requests.
    public func clientPorts() -> [Int] {
        guard let text = try? String(contentsOf: log, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["client_port"] as? Int
        }
    }

    /// SIGKILL at once: the server keeps nothing worth shutting down cleanly.
    public func stop() {
        child.stop(firstSignal: SIGKILL)
        try? FileManager.default.removeItem(at: folder)
    }

    deinit {
        stop()
    }
}
