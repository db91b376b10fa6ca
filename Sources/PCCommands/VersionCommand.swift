import ArgumentParser
import PCDiagnostics

/// `pcplan version`: the program's version, platform and linked libraries.
struct VersionCommand: TerminalCommand {
    /// This release of pcplan.
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Show the current pcplan version and the libraries it uses",
        usage: "pcplan version [options]",
        discussion: """
            Displays the version of pcplan, the platform it was built for, and the \
            versions of libcurl, OpenSSL and SQLite it is running with.
            """,
        helpNames: [.short, .long, .customLong("help", withSingleDash: true)]
    )

    static let terraformArguments = TerraformArguments(flags: ["json"], booleanOptions: [])

    @Flag(name: [.customLong("json", withSingleDash: true), .customLong("json")],
          help: "Output the version information as a JSON object.")
    var json = false

    static var platform: String {
        #if os(Linux)
        let system = "linux"
        #elseif os(macOS)
        let system = "darwin"
        #else
        let system = "unknown"
        #endif
        #if arch(x86_64)
        let machine = "amd64"
        #elseif arch(arm64)
        let machine = "arm64"
        #else
        let machine = "unknown"
        #endif
        return "\(system)_\(machine)"
    }

    func run(in terminal: Terminal) -> Int32 {
        let libraries = LinkedLibraries.current()
        if json {
            let document = JSONValue.object([
                ("pcplan_version", .string(Self.version)),
                ("platform", .string(Self.platform)),
                ("libraries", .object([
                    ("libcurl", .string(libraries.curl)),
                    ("libcurl_tls", .string(libraries.curlTLS)),
                    ("openssl", .string(libraries.openSSL)),
                    ("sqlite", .string(libraries.sqlite)),
                ])),
            ])
            terminal.standardOutput.write(document.rendered())
        } else {
            terminal.standardOutput.write("""
                pcplan v\(Self.version)
                on \(Self.platform)
                + libcurl \(libraries.curl) (\(libraries.curlTLS))
                + OpenSSL \(libraries.openSSL)
                + SQLite \(libraries.sqlite)

                """)
        }
        return ExitStatus.success
    }
}
