// libFuzzer entry point for the MySQL DDL importer. Built by Fuzz/run.sh together with the
// sources of Sources/MySQLSchema (all compiled as one module), with -sanitize=fuzzer,address.
//
// Every input is parsed as bytes (the path that reports invalid UTF-8) and as text, followed
// by a second file that must still import: whatever the first file does, it must not crash,
// hang or leak state into the next file.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMySQLSchema(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let follower = SchemaSource(name: "next.sql", text: "CREATE TABLE fuzz_sentinel (id int PRIMARY KEY);")
    let fromBytes = SchemaParser.parse([SchemaSource(name: "fuzz.sql", bytes: bytes), follower])
    let fromText = SchemaParser.parse([SchemaSource(name: "fuzz.sql", text: String(decoding: bytes, as: UTF8.self)), follower])
    for schema in [fromBytes, fromText] {
        for diagnostic in schema.diagnostics where diagnostic.line < 1 || diagnostic.column < 1 {
            fatalError("diagnostic without a position: \(diagnostic)")
        }
        let sentinel = schema.table(named: "fuzz_sentinel")
        if sentinel == nil && !schema.diagnostics.contains(where: { $0.file == "next.sql" }) {
            fatalError("the file after the fuzz input did not import")
        }
    }
    return 0
}
