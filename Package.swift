// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "pcplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pcplan", targets: ["pcplan"]),
        .library(name: "PCLSyntax", targets: ["PCLSyntax"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // System libraries, wrapped thinly. Each has a module map, a shim
        // header for what Swift cannot call directly, and the Debian package
        // that provides it.
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),

        // Diagnostics and source positions, shared by every stage.
        .target(name: "PCDiagnostics"),

        // Lexer, parser, syntax tree and formatter for PCL (HCL native syntax).
        .target(name: "PCLSyntax", dependencies: ["PCDiagnostics"]),

        // Values with unknown and sensitive marks, types and conversions,
        // expression evaluation and Terraform's function library.
        .target(name: "PCLang", dependencies: ["PCDiagnostics", "PCLSyntax", "COpenSSL"]),

        // A generic directed acyclic graph: cycles with their path,
        // deterministic topological order, critical path, DOT.
        .target(name: "PCGraph"),

        // The SQLite wrapper and the state store behind a backend seam.
        .target(name: "PCState", dependencies: ["CSQLite"]),

        // Configuration model: addresses, declarations, directory and
        // module loading.
        .target(name: "PCConfig", dependencies: ["PCDiagnostics", "PCLSyntax", "PCLang"]),

        // The provider protocol, schemas and the built-in providers.
        .target(name: "PCProvider", dependencies: ["PCLang", "COpenSSL"]),

        // The HTTP client on libcurl: pooled handles, timeouts, proxies,
        // TLS through OpenSSL.
        .target(name: "PCHTTP", dependencies: ["CCurl"]),

        // AWS plumbing: SigV4, the credentials chain, the Query / JSON /
        // REST-JSON protocols, XML, AWS errors and retries.
        .target(name: "PCAWS", dependencies: ["PCHTTP", "PCLang", "COpenSSL"]),

        // The AWS provider: one resource or data source type per file.
        .target(name: "PCProviderAWS", dependencies: ["PCAWS", "PCHTTP", "PCProvider", "PCLang"]),
        // The S3 state backend: a snapshot and a journal in S3, locks in
        // DynamoDB, behind PCState's StateBackend.
        .target(name: "PCStateS3", dependencies: ["PCState", "PCAWS"]),

        // Planner, plan model, plan file, renderers and structural diff.
        .target(
            name: "PCPlan",
            dependencies: ["PCDiagnostics", "PCLSyntax", "PCLang", "PCConfig", "PCGraph", "PCState", "PCProvider", "COpenSSL"]
        ),

        // The executor: a Dispatch-driven walk of actions with bounded
        // parallelism, critical path first, interruptible.
        .target(name: "PCApply", dependencies: ["PCGraph"]),

        // Command-line commands and the views they print.
        .target(
            name: "PCCommands",
            dependencies: [
                "PCDiagnostics",
                "PCLSyntax",
                "PCLang",
                "PCConfig",
                "PCGraph",
                "PCState",
                "PCProvider",
                "PCPlan",
                "PCApply",
                "PCAWS",
                "PCProviderAWS",
                "PCStateS3",
                "CCurl",
                "COpenSSL",
                "CSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(name: "pcplan", dependencies: ["PCCommands"]),

        // Generators of realistic configurations, shared by the property
        // tests and the benchmark. Not part of any product.
        .target(name: "PCLTestSupport", dependencies: ["PCLSyntax"]),

        // In-process throughput benchmark of the front end; not run by tests.
        .executableTarget(
            name: "pcplan-bench",
            dependencies: ["PCLSyntax", "PCDiagnostics", "PCLTestSupport", "PCGraph", "PCConfig", "PCLang", "PCPlan", "PCProvider", "PCState", "PCApply"],
            path: "Benchmarks/pcplan-bench"
        ),

        .testTarget(name: "PCDiagnosticsTests", dependencies: ["PCDiagnostics"]),
        .testTarget(
            name: "PCLSyntaxTests",
            dependencies: ["PCLSyntax", "PCDiagnostics", "PCLTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PCCommandsTests", dependencies: ["PCCommands", "PCConfig", "PCPlan", "PCState", "PCLang", "PCProvider", "PCLSyntax", "PCDiagnostics", "PCLTestSupport"]),
        .testTarget(name: "PCLangTests", dependencies: ["PCLang", "PCLSyntax", "PCDiagnostics"]),
        .testTarget(name: "PCGraphTests", dependencies: ["PCGraph"]),
        .testTarget(name: "PCStateTests", dependencies: ["PCState"]),
        .testTarget(
            name: "PCPlanTests",
            dependencies: ["PCPlan", "PCConfig", "PCLang", "PCState", "PCProvider", "PCGraph", "PCDiagnostics"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "SystemLibrariesTests", dependencies: ["CCurl", "COpenSSL", "CSQLite"]),
        .testTarget(name: "PCApplyTests", dependencies: ["PCApply", "PCGraph"]),
        .testTarget(name: "PCHTTPTests", dependencies: ["PCHTTP"]),
        .testTarget(name: "PCAWSTests", dependencies: ["PCAWS", "PCHTTP", "PCLang"], resources: [.copy("Fixtures")]),
        // Integration tests against a local AWS endpoint (moto's server,
        // started on 127.0.0.1 with signature checking on).
        .testTarget(
            name: "PCProviderAWSTests",
            dependencies: ["PCProviderAWS", "PCAWS", "PCHTTP", "PCProvider", "PCLang", "PCPlan", "PCCommands", "PCState", "PCStateS3"],
            resources: [.copy("Fixtures")]
        ),
    ]
)
