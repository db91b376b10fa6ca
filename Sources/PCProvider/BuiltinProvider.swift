import PCLang

/// A provider made of `ResourceType`s that needs no configuration: the
/// built-in `pcplan`, `local`, `time` and `random` providers.
public struct BuiltinProvider: Provider, ConfiguredProvider {
    public let name: String
    public let source: String
    let types: [String: any ResourceType]

    public init(name: String, types: [any ResourceType]) {
        self.name = name
        self.source = "pcplan/\(name)"
        var table: [String: any ResourceType] = [:]
        for type in types { table[type.name] = type }
        self.types = table
    }

    /// Every built-in provider, with relative paths taken from the
    /// process's working directory.
    public static let all: [any Provider] = all(workingDirectory: ".")

    /// Every built-in provider, with relative paths (of `local_file`) taken
    /// from `workingDirectory`.
    public static func all(workingDirectory: String) -> [any Provider] {
        [
            BuiltinProvider(name: "pcplan", types: [PCPlanDataResource()]),
            BuiltinProvider(name: "local", types: [LocalFileResource(baseDirectory: workingDirectory)]),
            BuiltinProvider(name: "time", types: [TimeSleepResource()]),
            BuiltinProvider(name: "random", types: [RandomIDResource()]),
        ]
    }

    public var resourceSchemas: [String: ResourceSchema] { types.mapValues(\.schema) }
    public var dataSourceSchemas: [String: ResourceSchema] { [:] }
    public var configurationSchema: ResourceSchema { ResourceSchema(attributes: [:]) }

    public func configured(with configuration: Value) throws(ProviderError) -> any ConfiguredProvider { self }

    private func type(_ name: String) throws(ProviderError) -> any ResourceType {
        guard let type = types[name] else {
            throw ProviderError("Unsupported resource type", detail: "The \(self.name) provider has no resource type \"\(name)\".")
        }
        return type
    }

    public func planChange(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        try type(request.type).plan(request)
    }

    public func applyChange(_ request: ApplyChangeRequest) throws(ProviderError) -> Value {
        let resource = try type(request.type)
        if request.planned.isNull {
            try resource.delete(prior: request.prior)
            return .null
        }
        if request.prior.isNull { return try resource.create(planned: request.planned) }
        return try resource.update(prior: request.prior, planned: request.planned)
    }

    public func read(type name: String, state: Value) throws(ProviderError) -> Value? {
        try type(name).read(state: state)
    }

    public func readDataSource(type: String, configuration: Value) throws(ProviderError) -> Value {
        throw ProviderError("Unsupported data source", detail: "The \(name) provider has no data sources.")
    }

    public func findCreated(type name: String, request: Value) throws(ProviderError) -> CreatedObjectLookup {
        try type(name).findCreated(request: request)
    }

    public func importResource(type name: String, id: String) throws(ProviderError) -> Value {
        try type(name).importObject(id: id)
    }
}
