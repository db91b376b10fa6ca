import PCDiagnostics
import PCLSyntax

/// One module's declarations, with its child modules loaded: the whole
/// configuration is the root `Module`.
public struct Module: Sendable {
    /// The directory, as the user would write it (relative to where the
    /// command runs): `path.module`.
    public var directory: String
    /// Where the directory really is, for reading files (`file()`,
    /// `templatefile()`) when the command runs with `-chdir`.
    public var resolvedDirectory: String
    /// The static path from the root: `["app", "db"]`.
    public var path: [String]
    public var files: [SyntaxFile]
    public var variables: [String: VariableDeclaration] = [:]
    public var locals: [String: LocalDeclaration] = [:]
    public var outputs: [String: OutputDeclaration] = [:]
    public var resources: [ResourceAddress: ResourceDeclaration] = [:]
    public var moduleCalls: [String: ModuleCall] = [:]
    public var children: [String: Module] = [:]
    public var providers: [ProviderDeclaration] = []
    public var moved: [MovedDeclaration] = []
    /// `pcplan { required_providers { aws = { source = … } } }`
    public var requiredProviders: [String: String] = [:]
    /// `pcplan { backend "TYPE" { … } }`: where the root module's state
    /// lives. Meaningful in the root module only.
    public var backend: BackendDeclaration?

    public init(directory: String, resolvedDirectory: String? = nil, path: [String], files: [SyntaxFile]) {
        self.directory = directory
        self.resolvedDirectory = resolvedDirectory ?? directory
        self.path = path
        self.files = files
    }

    /// Every module in the tree, this one first, children in name order.
    public var allModules: [Module] {
        var result = [self]
        for name in children.keys.sorted() {
            result += children[name]!.allModules
        }
        return result
    }

    /// The descendant at `path` (relative to this module).
    public func descendant(_ path: ArraySlice<String>) -> Module? {
        guard let first = path.first else { return self }
        return children[first]?.descendant(path.dropFirst())
    }

    /// `module.app.module.db`, or "root module".
    public var displayName: String {
        path.isEmpty ? "root module" : path.map { "module.\($0)" }.joined(separator: ".")
    }
}
