/// The providers a run can use, by local name.
public struct ProviderRegistry: Sendable {
    public private(set) var providers: [String: any Provider]

    public init(_ providers: [any Provider]) {
        var table: [String: any Provider] = [:]
        for provider in providers { table[provider.name] = provider }
        self.providers = table
    }

    public func provider(named name: String) -> (any Provider)? {
        providers[name]
    }

    /// `provider["pcplan/builtin"]`, or with an alias
    /// `provider["hashicorp/aws"].west`: how state records a provider.
    public func address(of name: String, alias: String?) -> String {
        let source = providers[name]?.source ?? name
        return "provider[\"\(source)\"]" + (alias.map { ".\($0)" } ?? "")
    }
}

extension ProviderRegistry {
    /// The schema of a resource or data source type, found by the
    /// provider its type name implies.
    public func schema(forType type: String, dataSource: Bool) -> ResourceSchema? {
        let name = type.split(separator: "_", maxSplits: 1).first.map(String.init) ?? type
        guard let provider = providers[name] else { return nil }
        return dataSource ? provider.dataSourceSchemas[type] : provider.resourceSchemas[type]
    }
}
