import PCProvider

/// The providers every command works with, in one place: the built-in
/// ones, with relative paths taken from the terminal's working directory.
enum ProviderCatalog {
    static func providers(for terminal: Terminal) -> [any Provider] {
        BuiltinProvider.all(workingDirectory: terminal.workingDirectory)
    }

    static func registry(for terminal: Terminal) -> ProviderRegistry {
        ProviderRegistry(providers(for: terminal))
    }

    /// For commands that only read schemas (no provider is called).
    static let schemasOnly = ProviderRegistry(BuiltinProvider.all)
}
