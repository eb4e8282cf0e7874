// swift-tools-version: 6.0
import PackageDescription

/// One settings array for every target: Swift 6 language mode everywhere, warnings kept at zero
/// by review (the build treats none as acceptable).
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "ddbmodel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ddbmodel", targets: ["ddbmodel"]),
        .executable(name: "ddbmodel-bench", targets: ["ddbmodel-bench"]),
        .executable(name: "ddbmodel-import-bench", targets: ["ddbmodel-import-bench"]),
        .executable(name: "ddbmodel-design-bench", targets: ["ddbmodel-design-bench"]),
        .executable(name: "ddbmodel-memdb-bench", targets: ["ddbmodel-memdb-bench"]),
        .executable(name: "ddbmodel-traffic-bench", targets: ["ddbmodel-traffic-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // libedit's C API (histedit.h), with small wrappers for its variadic functions.
        .systemLibrary(
            name: "CLibedit",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // MariaDB Connector/C's API (mysql.h): the live server reader's client library.
        .systemLibrary(
            name: "CMariaDB",
            pkgConfig: "libmariadb",
            providers: [.apt(["libmariadb-dev"])]
        ),
        // A line editor over libedit, and a plain reader for pipes.
        .target(name: "LineEditing", dependencies: ["CLibedit"], swiftSettings: strictSettings),
        // The pure domain: requirements, checks, the requirements document. No I/O, no C.
        .target(name: "Requirements", swiftSettings: strictSettings),
        // MySQL DDL (schema files, migrations, mysqldump output) parsed into tables, each column with
        // the DynamoDB type it maps to (the domain's `DynamoDBType`). Pure.
        .target(name: "MySQLSchema", dependencies: ["Requirements"], swiftSettings: strictSettings),
        // MySQL DML (SELECT, INSERT, UPDATE, DELETE, REPLACE; digests and literal statements) read
        // into the shape an access pattern needs. Pure.
        .target(name: "SQLStatements", swiftSettings: strictSettings),
        // Measured statement traffic: fingerprints, slow and general logs (read memory-mapped, on
        // every core), the capture script and its output, performance_schema snapshots turned
        // into average and peak RPS.
        .target(name: "QueryTraffic", swiftSettings: strictSettings),
        // Measured statements turned into access patterns to review, with their provenance. Pure.
        .target(name: "TrafficPatterns", dependencies: ["Requirements", "SQLStatements", "QueryTraffic"], swiftSettings: strictSettings),
        // A live MySQL or MariaDB server read without writing: its schema from information_schema
        // and statement traffic sampled from performance_schema, over a read-only session.
        .target(name: "MySQLLive", dependencies: ["CMariaDB", "MySQLSchema", "QueryTraffic"], swiftSettings: strictSettings),
        // A parsed MySQL schema turned into entities and relationships, and re-imports merged.
        .target(name: "SchemaImport", dependencies: ["Requirements", "MySQLSchema"], swiftSettings: strictSettings),
        // The design engine: confirmed requirements in, a DynamoDB data model out. Pure.
        .target(name: "DesignEngine", dependencies: ["Requirements"], swiftSettings: strictSettings),
        // dynamodb_data_model.md rendered from a data model. Pure.
        .target(name: "DataModelDocument", dependencies: ["DesignEngine", "Requirements"], swiftSettings: strictSettings),
        // migrationContract.json: built from a data model, validated (also for hand-edited files). Pure.
        .target(name: "MigrationContract", dependencies: ["JSONCore", "DesignEngine", "Requirements", "MySQLSchema"], swiftSettings: strictSettings),
        // What an approved contract is exported with: CloudFormation, Workbench, DMS, boto3, contract v2. Pure.
        .target(name: "ContractExport", dependencies: ["JSONCore", "MigrationContract", "DesignEngine", "Requirements"], swiftSettings: strictSettings),
        // JSON values that keep member order, the one JSON parser (line/column errors), and the
        // writers: the ordered layout and canonical JSON (sorted keys) for `Encodable` values.
        .target(name: "JSONCore", swiftSettings: strictSettings),
        // SHA-256 and HMAC-SHA256: the approved contract's digest and the SigV4 signature.
        .target(name: "Digests", swiftSettings: strictSettings),
        // The typed DynamoDB API: attribute values, requests and responses, errors, the JSON protocol's shapes. Pure.
        .target(name: "DynamoDBAPI", dependencies: ["JSONCore"], swiftSettings: strictSettings),
        // A small DynamoDB client: the JSON protocol over HTTP(S), signed with Signature Version 4.
        .target(name: "DynamoDBClient", dependencies: ["DynamoDBAPI", "JSONCore", "Digests"], swiftSettings: strictSettings),
        // DynamoDB in memory: tables, indexes, expressions, transactions and capacity, no I/O.
        .target(name: "InMemoryDynamoDB", dependencies: ["DynamoDBAPI"], swiftSettings: strictSettings),
        // `ddbmodel validate`: the model run against a DynamoDB API endpoint, results asserted.
        // A model executed against any DynamoDB service: sample items through the planned writes,
        // every pattern run as planned and its results asserted; the in-memory proof. Pure.
        .target(name: "ModelExecution", dependencies: ["DynamoDBAPI", "InMemoryDynamoDB", "JSONCore", "DesignEngine", "Requirements"], swiftSettings: strictSettings),
        .target(name: "ModelValidation", dependencies: ["JSONCore", "DynamoDBAPI", "DynamoDBClient", "DesignEngine", "Requirements", "MigrationContract", "ModelExecution"], swiftSettings: strictSettings),
        // The one seeded generator (SplitMix64): the benchmarks' inputs and the tests' generated cases.
        .target(name: "SeededRandom", swiftSettings: strictSettings),
        // Words of the commands printed for the user to paste, quoted for a POSIX shell.
        .target(name: "ShellQuoting", swiftSettings: strictSettings),
        // Files on disk: atomic writes, the session lock, loading JSON with precise errors.
        .target(name: "SessionStore", dependencies: ["JSONCore", "ShellQuoting"], swiftSettings: strictSettings),
        // Requirements written as a YAML file, turned into domain values.
        .target(
            name: "RequirementsYAML",
            dependencies: ["Requirements", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        // The guided flow and its gates, driven through an injected line reader and output sink.
        .target(name: "Conversation", dependencies: ["ModelExecution", "Requirements", "MySQLSchema", "SchemaImport", "SQLStatements", "QueryTraffic", "TrafficPatterns", "DesignEngine", "MigrationContract", "Digests", "ShellQuoting"], swiftSettings: strictSettings),
        // The command-line commands; the executable only calls into this.
        .target(
            name: "DDBModelCommands",
            dependencies: [
                "Conversation", "Requirements", "RequirementsYAML", "SessionStore", "LineEditing", "JSONCore", "MySQLSchema",
                "MySQLLive", "QueryTraffic", "SQLStatements",
                "DesignEngine", "DataModelDocument", "MigrationContract", "ContractExport", "DynamoDBAPI", "DynamoDBClient", "ModelValidation", "ModelExecution", "Digests",
                "ShellQuoting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "ddbmodel", dependencies: ["DDBModelCommands"], swiftSettings: strictSettings),
        .executableTarget(
            name: "ddbmodel-bench",
            dependencies: ["Conversation", "Requirements", "SessionStore", "DDBModelCommands"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ddbmodel-import-bench",
            dependencies: ["MySQLSchema", "SeededRandom", "Conversation", "DDBModelCommands", "SessionStore"],
            swiftSettings: strictSettings
        ),
        // Times design + render of a generated 300-entity, 1,000-pattern session (docs/benchmarks.md).
        .executableTarget(
            name: "ddbmodel-design-bench",
            dependencies: ["DesignEngine", "ModelExecution", "DataModelDocument", "Requirements", "SeededRandom"],
            swiftSettings: strictSettings
        ),
        // Times 20,000 mixed requests against the in-memory DynamoDB (docs/benchmarks.md).
        .executableTarget(name: "ddbmodel-memdb-bench", dependencies: ["InMemoryDynamoDB", "DynamoDBAPI", "DynamoDBClient", "SeededRandom"], swiftSettings: strictSettings),
        // Times reading a generated 1 GB slow query log against pt-query-digest (docs/benchmarks.md).
        .executableTarget(
            name: "ddbmodel-traffic-bench",
            dependencies: ["QueryTraffic", "SQLStatements", "TrafficPatterns", "SchemaImport", "MySQLSchema", "Requirements", "SeededRandom"],
            swiftSettings: strictSettings
        ),
        .target(name: "TestSupport", dependencies: ["Conversation", "Requirements", "DesignEngine", "RequirementsYAML", "ModelExecution", "SeededRandom"], path: "Tests/TestSupport", swiftSettings: strictSettings),
        .testTarget(name: "TestSupportTests", dependencies: ["TestSupport"], swiftSettings: strictSettings),
        .testTarget(
            name: "DesignEngineTests",
            dependencies: ["DesignEngine", "DataModelDocument", "ModelExecution", "Requirements", "RequirementsYAML", "TestSupport"],
            exclude: ["Scenarios", "Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "DataModelDocumentTests", dependencies: ["DataModelDocument", "DesignEngine", "Requirements", "TestSupport"], exclude: ["Golden"], swiftSettings: strictSettings),
        .testTarget(name: "MigrationContractTests", dependencies: ["JSONCore", "MigrationContract", "Digests", "DesignEngine", "Requirements", "RequirementsYAML", "MySQLSchema", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "ContractExportTests", dependencies: ["ContractExport", "ModelExecution", "InMemoryDynamoDB", "DynamoDBAPI", "MigrationContract", "DesignEngine", "Requirements", "RequirementsYAML", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(name: "DynamoDBAPITests", dependencies: ["DynamoDBAPI", "JSONCore"], swiftSettings: strictSettings),
        .testTarget(name: "DynamoDBClientTests", dependencies: ["DynamoDBClient", "DynamoDBAPI", "JSONCore", "Digests", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "InMemoryDynamoDBTests", dependencies: ["InMemoryDynamoDB", "DynamoDBAPI", "DynamoDBClient", "JSONCore", "TestSupport", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(name: "ModelValidationTests", dependencies: ["JSONCore", "ModelValidation", "DynamoDBAPI", "DynamoDBClient", "DesignEngine", "Requirements", "RequirementsYAML", "MigrationContract", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "JSONCoreTests", dependencies: ["JSONCore", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(
            name: "ModelExecutionTests",
            dependencies: ["ModelExecution", "DataModelDocument", "InMemoryDynamoDB", "DynamoDBAPI", "DesignEngine", "Requirements", "RequirementsYAML", "TestSupport", "SeededRandom"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "RequirementsTests", dependencies: ["Requirements", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "CanonicalJSONTests", dependencies: ["JSONCore", "Conversation", "TestSupport", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(name: "TrafficPatternsTests", dependencies: ["TrafficPatterns", "QueryTraffic", "SQLStatements", "Requirements", "SchemaImport", "MySQLSchema"], swiftSettings: strictSettings),
        .testTarget(name: "QueryTrafficTests", dependencies: ["QueryTraffic", "TestSupport", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(name: "SchemaImportTests", dependencies: ["SchemaImport", "MySQLSchema", "Requirements"], swiftSettings: strictSettings),
        .testTarget(name: "MySQLSchemaTests", dependencies: ["MySQLSchema", "TestSupport", "SeededRandom"], exclude: ["Corpus"], swiftSettings: strictSettings),
        .testTarget(name: "SQLStatementsTests", dependencies: ["SQLStatements"], exclude: ["Corpus"], swiftSettings: strictSettings),
        .testTarget(name: "MySQLServerTests", dependencies: ["MySQLSchema", "TestSupport"], exclude: ["Fixtures"], swiftSettings: strictSettings),
        .testTarget(
            name: "MySQLLiveTests",
            dependencies: ["MySQLLive", "MySQLSchema", "QueryTraffic", "CMariaDB", "TestSupport", "SQLStatements", "TrafficPatterns", "SchemaImport", "Requirements", "ddbmodel"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ShellQuotingTests", dependencies: ["ShellQuoting", "TestSupport"], swiftSettings: strictSettings),
        .testTarget(name: "SessionStoreTests", dependencies: ["SessionStore", "TestSupport", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(name: "RequirementsYAMLTests", dependencies: ["RequirementsYAML", "Requirements", "TestSupport", "SeededRandom"], swiftSettings: strictSettings),
        .testTarget(
            name: "ConversationTests",
            dependencies: ["Conversation", "Requirements", "RequirementsYAML", "DesignEngine", "MigrationContract", "ModelExecution", "Digests", "MySQLSchema", "TestSupport"],
            exclude: ["Golden"],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "LineEditingTests", dependencies: ["LineEditing", "TestSupport", "ddbmodel"], swiftSettings: strictSettings),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TestSupport", "ddbmodel", "DDBModelCommands", "SessionStore", "Conversation", "DesignEngine", "DataModelDocument", "MigrationContract", "ModelExecution", "Digests", "Requirements", "RequirementsYAML", "SeededRandom"],
            swiftSettings: strictSettings
        ),
    ]
)
