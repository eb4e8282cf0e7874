// libFuzzer entry point for the DML reader. Built by Fuzz/run.sh together with the sources of
// Sources/SQLStatements (all compiled as one module), with -sanitize=fuzzer,address.
//
// Every input is read as a statement: whatever it holds, the reader must not crash or hang, must
// give the same reading twice and with a trailing `;` on its own line, must give a reason for
// what it refuses, and a placed shape must hold together (a main table, one more table per join).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSQLStatements(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let statement = String(decoding: bytes, as: UTF8.self)
    let reading = DMLParser.read(statement)
    if DMLParser.read(statement) != reading { fatalError("two readings of one statement differ") }
    if DMLParser.read(statement + "\n;") != reading { fatalError("a trailing `;` changed the reading") }
    switch reading {
    case .placed(let shape):
        if shape.tables.isEmpty { fatalError("a placed statement without a table") }
        if shape.tables.count != shape.joins.count + 1 { fatalError("tables \(shape.tables) and joins \(shape.joins.count) disagree") }
        if shape.tables.contains(where: \.isEmpty) && !statement.contains("``") { fatalError("an empty table name") }
    case .unplaceable(let reason):
        if reason.isEmpty { fatalError("an unplaceable statement without a reason") }
    case .notDataAccess(let what):
        if what.isEmpty { fatalError("a statement that is no data access without saying what it is") }
    }
    return 0
}
