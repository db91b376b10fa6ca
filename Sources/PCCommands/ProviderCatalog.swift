import Foundation
import PCAWS
import PCProvider
import PCProviderAWS

/// The providers every command works with, in one place: the built-in
/// ones (relative paths taken from the terminal's working directory) and
/// AWS (credentials, endpoints and proxies from the terminal's
/// environment).
enum ProviderCatalog {
    static func providers(for terminal: Terminal) -> [any Provider] {
        BuiltinProvider.all(workingDirectory: terminal.workingDirectory) + [aws(for: terminal)]
    }

    /// The AWS provider for the terminal's environment; the S3 backend
    /// builds its client through it, so credentials, endpoints, proxies,
    /// retries and the debug log work as for the provider.
    static func aws(for terminal: Terminal) -> AWSProvider {
        let environment = AWSEnvironment(
            variables: terminal.environment,
            homeDirectory: terminal.environment["HOME"] ?? AWSEnvironment.current.homeDirectory)
        let log = DebugLog(terminal: terminal)
        return AWSProvider(environment: environment, log: { entry in log.write(entry) })
    }

    static func registry(for terminal: Terminal) -> ProviderRegistry {
        ProviderRegistry(providers(for: terminal))
    }

    /// For commands that only read schemas (no provider is called).
    static let schemasOnly = ProviderRegistry(BuiltinProvider.all + [AWSProvider()])
}

/// `PCPLAN_LOG=debug`: the AWS client's redacted request and response
/// entries, on standard error. The provider decides whether to log (it reads
/// `PCPLAN_LOG`); this only serialises the writes, which come from many
/// worker threads at once.
///
/// Thread-safe: `lock` guards every write to the terminal's error stream.
final class DebugLog: @unchecked Sendable {
    private let terminal: Terminal
    private let lock = NSLock()

    init(terminal: Terminal) {
        self.terminal = terminal
    }

    func write(_ entry: String) {
        lock.lock()
        defer { lock.unlock() }
        terminal.standardError.write("[DEBUG] " + entry + (entry.hasSuffix("\n") ? "" : "\n"))
        terminal.standardError.flush()
    }
}
