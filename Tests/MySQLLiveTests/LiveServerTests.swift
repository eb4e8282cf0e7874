import Testing

/// Every test against the main server (`LiveServers`: performance_schema, the query logs, TCP,
/// no TLS), which the suite starts once; the tests are in this type's extensions, one file per
/// concern. The workload run they share takes about 65 s; the other tests run beside it.
@Suite("Live server", .mainServer)
struct LiveServerTests {}
