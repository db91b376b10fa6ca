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

        // Command-line commands and the views they print.
        .target(
            name: "PCCommands",
            dependencies: [
                "PCDiagnostics",
                "PCLSyntax",
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
            dependencies: ["PCLSyntax", "PCDiagnostics", "PCLTestSupport"],
            path: "Benchmarks/pcplan-bench"
        ),

        .testTarget(name: "PCDiagnosticsTests", dependencies: ["PCDiagnostics"]),
        .testTarget(
            name: "PCLSyntaxTests",
            dependencies: ["PCLSyntax", "PCDiagnostics", "PCLTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "PCCommandsTests", dependencies: ["PCCommands", "PCLSyntax", "PCDiagnostics", "PCLTestSupport"]),
        .testTarget(name: "SystemLibrariesTests", dependencies: ["CCurl", "COpenSSL", "CSQLite"]),
    ]
)
