import Foundation
import Testing
import TestSupport

/// `ddbmodel new NAME --mysql URL` through the built binary against the suite's server: the
/// schema with its statistics, the traffic sampled with a progress line, Ctrl-C ending the window
/// early and keeping what was measured, and the password from MYSQL_PWD never shown.
extension LiveServerTests {
    @Test("--mysql --sample 0 reads the schema with row counts, over TCP with the password from MYSQL_PWD")
    func binarySchemaOnly() throws {
        let server = try LiveServers.mainServer()
        let port = try #require(server.port)
        let runner = try BinaryRunner()
        let url = "mysql://\(LiveServers.reader.user)@127.0.0.1:\(port)/\(ShopSchema.database)"
        let result = try runner.run(["new", "live", "--mysql", url, "--sample", "0"], input: "/quit\n",
                                    environment: ["MYSQL_PWD": LiveServers.reader.password])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("Connected to the server at 127.0.0.1:\(port)"), "\(result.errors)")
        #expect(result.output.contains("Imported 5 tables"), "\(result.output)")
        #expect(!result.output.contains(LiveServers.reader.password) && !result.errors.contains(LiveServers.reader.password))
        let session = try #require(runner.contents("Sessions/live/session.json"))
        #expect(session.contains("\"item_count\""), "TABLE_ROWS became item counts")
        #expect(session.contains("\"statistics\""))
        #expect(!session.contains(LiveServers.reader.password))
    }

    /// Synchronous from start to end: an async test's resumption after a sleep can wait for a
    /// free thread of the shared pool for minutes on a loaded machine, and Ctrl-C would then come
    /// after the window had ended on its own.
    @Test("--mysql samples the traffic with a progress line; Ctrl-C ends the window early and keeps what was measured")
    func binarySamplingInterrupted() throws {
        let server = try LiveServers.mainServer()
        let runner = try BinaryRunner()
        // The shop database: the shared workload's own database stays free of this test's traffic.
        let url = "mysql://root@localhost/\(ShopSchema.database)?socket=\(server.socket.path)"
        let process = try runner.start(["new", "sampled", "--mysql", url, "--sample", "10m"], output: .merged)
        defer { process.stop() }
        #expect(process.waitForOutput(containing: "Sampling performance_schema", timeout: 60), "\(process.output())")
        // Known traffic while the window is open: 30 look-ups of a product by title, then Ctrl-C.
        let driver = try DriverConnection(socket: server.socket, database: ShopSchema.database)
        for call in 0..<30 { try driver.execute("SELECT price FROM products WHERE title = 'product \(call + 1)'") }
        Thread.sleep(forTimeInterval: 6)
        process.send(SIGINT)
        #expect(process.waitForOutput(containing: "Measured traffic", timeout: 120), "\(process.output())")
        try process.write("/quit\n")
        process.closeInput()
        #expect(process.waitForExit(timeout: 60))
        #expect(process.status == 0, "\(process.output())")
        #expect(process.output().contains("Sampling ended early (Ctrl-C)"))
        #expect(process.output().contains("(ended early) (performance_schema))"), "\(process.output())")
        let session = try #require(runner.contents("Sessions/sampled/session.json"))
        #expect(session.contains("\"ended_early\" : true") || session.contains("\"ended_early\": true"), "\(session.prefix(400))")
        #expect(session.contains("Get Product by title"))
        #expect(session.contains("\"calls\" : 30") || session.contains("\"calls\": 30"))
    }
}

extension TLSServerTests {
    @Test("--mysql against a server with performance_schema off: the message says how to turn it on, and nothing is created")
    func binaryPerformanceSchemaOff() throws {
        let (server, _) = try LiveServers.tlsServer()
        let port = try #require(server.port)
        let runner = try BinaryRunner()
        let result = try runner.run(["new", "off", "--mysql", "mysql://\(LiveServers.reader.user)@127.0.0.1:\(port)/shop", "--sample", "10s"],
                                    input: "/quit\n", environment: ["MYSQL_PWD": LiveServers.reader.password])
        #expect(result.status == 1)
        #expect(result.errors.contains("performance_schema"), "\(result.errors)")
        #expect(result.errors.contains("performance_schema=ON"), "\(result.errors)")
        #expect(!FileManager.default.fileExists(atPath: runner.file("Sessions/off").path))
    }
}

extension LiveServerTests {
    /// Without MYSQL_PWD, at a terminal: the password is asked for, its keys are not echoed, and
    /// it appears nowhere in what the terminal shows or the session saves.
    @Test("--mysql at a terminal asks for the password without echo")
    func binaryPasswordPrompt() throws {
        let server = try LiveServers.mainServer()
        let port = try #require(server.port)
        let runner = try BinaryRunner()
        var environment = ["HOME": runner.home.path, "TERM": "xterm", "PATH": "/usr/local/bin:/usr/bin:/bin"]
        if let libraryPath = ProcessInfo.processInfo.environment["LD_LIBRARY_PATH"] { environment["LD_LIBRARY_PATH"] = libraryPath }
        let terminal = try PseudoTerminalSession(
            executable: BinaryRunner.binary.path,
            arguments: ["new", "prompted", "--sessions-dir", runner.file("Sessions").path,
                        "--mysql", "mysql://\(LiveServers.reader.user)@127.0.0.1:\(port)/\(ShopSchema.database)", "--sample", "0"],
            environment: environment)
        defer { terminal.terminate() }
        try terminal.expectOutput("Password for \(LiveServers.reader.user) at the server at 127.0.0.1:\(port) (not shown; Enter for none): ",
                                  timeout: .seconds(30))
        let mark = terminal.mark
        try terminal.send(LiveServers.reader.password + "\r")
        try terminal.expectOutput("Connected to the server at 127.0.0.1:\(port)", since: mark, timeout: .seconds(30))
        try terminal.waitForPrompt(timeout: .seconds(30))
        try terminal.send("/quit\r")
        #expect(try terminal.waitForExit(timeout: .seconds(30)) == 0)
        #expect(!terminal.text().contains(LiveServers.reader.password), "the password was echoed")
        let session = try #require(runner.contents("Sessions/prompted/session.json"))
        #expect(session.contains("\"source_table\""))
        #expect(!session.contains(LiveServers.reader.password))
    }
}
