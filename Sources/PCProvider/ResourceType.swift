import PCLang

/// One managed resource type of a built-in provider: its schema and its
/// operations. The provider routes calls by type name.
public protocol ResourceType: Sendable {
    var name: String { get }
    var schema: ResourceSchema { get }
    /// Defaults to `SchemaPlanning.plan`: computed attributes unknown on
    /// create, replacement where a forcing attribute changes.
    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange
    func create(planned: Value) throws(ProviderError) -> Value
    func update(prior: Value, planned: Value) throws(ProviderError) -> Value
    func delete(prior: Value) throws(ProviderError)
    /// Nil when the object no longer exists.
    func read(state: Value) throws(ProviderError) -> Value?
    func importObject(id: String) throws(ProviderError) -> Value
    /// See `ConfiguredProvider.findCreated`. By default `.notFound`: the
    /// built-in types' objects live nowhere but in the state (except
    /// `local_file`, which looks).
    func findCreated(request: Value) throws(ProviderError) -> CreatedObjectLookup
}

extension ResourceType {
    public func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        SchemaPlanning.plan(request, schema: schema)
    }

    public func update(prior: Value, planned: Value) throws(ProviderError) -> Value {
        try SchemaPlanning.resolvingUnknowns(planned, with: prior)
    }

    public func read(state: Value) throws(ProviderError) -> Value? { state }

    public func importObject(id: String) throws(ProviderError) -> Value {
        throw ProviderError("Import not supported", detail: "Objects of type \(name) cannot be imported.")
    }

    public func findCreated(request: Value) throws(ProviderError) -> CreatedObjectLookup { .notFound }
}

/// The plan every simple resource type needs.
public enum SchemaPlanning {
    public static func plan(_ request: PlanChangeRequest, schema: ResourceSchema) -> PlannedChange {
        guard var attributes = request.proposed.attributes else { return PlannedChange(planned: request.proposed) }
        guard let prior = request.prior.attributes, !request.prior.isNull else {
            for (name, attribute) in schema.attributes where attribute.isComputed && (attributes[name]?.isNull ?? true) {
                attributes[name] = .unknown(attribute.type)
            }
            return PlannedChange(planned: .object(attributes))
        }
        var replace: [ValuePath] = []
        for (name, attribute) in schema.attributes where attribute.forcesReplacement {
            let before = prior[name] ?? .null(attribute.type)
            let after = attributes[name] ?? .null(attribute.type)
            if !after.isWhollyKnown || !before.hasSameContent(as: after) {
                replace.append(ValuePath([.attribute(name)]))
            }
        }
        for (name, block) in schema.blocks where block.forcesReplacement {
            if !(prior[name] ?? .null).hasSameContent(as: attributes[name] ?? .null) { replace.append(ValuePath([.attribute(name)])) }
        }
        if !replace.isEmpty {
            // A replacement is a new object: what the provider computes is
            // unknown again.
            for (name, attribute) in schema.attributes where attribute.presence == .computed {
                attributes[name] = .unknown(attribute.type)
            }
        }
        return PlannedChange(planned: .object(attributes), requiresReplace: replace.sorted { "\($0)" < "\($1)" })
    }

    /// Fills the unknowns left in `planned` from `source` (used when an
    /// update keeps computed attributes).
    public static func resolvingUnknowns(_ planned: Value, with source: Value) throws(ProviderError) -> Value {
        guard var attributes = planned.attributes else { return planned.isKnown ? planned : source }
        let recorded = source.attributes ?? [:]
        for (name, value) in attributes where !value.isWhollyKnown {
            attributes[name] = recorded[name] ?? .null
        }
        return .object(attributes)
    }
}
