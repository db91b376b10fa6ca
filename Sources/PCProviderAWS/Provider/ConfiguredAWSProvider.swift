import PCAWS
import PCLang
import PCProvider

/// The `aws` provider configured for one provider block: routes each call
/// to its type with the block's client, and keeps every state it returns
/// in the schema's shape.
struct ConfiguredAWSProvider: ConfiguredProvider {
    let api: AWSClient
    let resourceTypes: [String: any AWSResourceType]
    let dataSourceTypes: [String: any AWSDataSourceType]

    func planChange(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        try resource(request.type).plan(request)
    }

    func applyChange(_ request: ApplyChangeRequest) throws(ProviderError) -> Value {
        let type = try resource(request.type)
        if request.planned.isNull {
            try type.delete(prior: request.prior, api: api)
            return .null
        }
        let result: Value
        if request.prior.isNull {
            result = try type.create(planned: request.planned, api: api)
        } else {
            result = try type.update(prior: request.prior, planned: request.planned, api: api)
        }
        return try complete(result, of: type, doing: request.prior.isNull ? "create" : "update")
    }

    func read(type name: String, state: Value) throws(ProviderError) -> Value? {
        let type = try resource(name)
        guard let found = try type.read(state: state, api: api) else { return nil }
        return try complete(found, of: type, doing: "read")
    }

    func readDataSource(type name: String, configuration: Value) throws(ProviderError) -> Value {
        guard let type = dataSourceTypes[name] else {
            throw ProviderError(
                "Unsupported data source", detail: "The aws provider has no data source \"\(name)\". It has: \(dataSourceTypes.keys.sorted().joined(separator: ", ")).")
        }
        let found = try type.read(configuration: configuration, api: api)
        return Value.state(found.unmarkedDeepValue.attributes ?? [:], schema: type.schema)
    }

    func importResource(type name: String, id: String) throws(ProviderError) -> Value {
        let type = try resource(name)
        return try complete(try type.importObject(id: id, api: api), of: type, doing: "import")
    }

    func findCreated(type name: String, request: Value) throws(ProviderError) -> CreatedObjectLookup {
        let type = try resource(name)
        switch try type.findCreated(request: request, api: api) {
        case .found(let state): return .found(try complete(state, of: type, doing: "find"))
        case .notFound: return .notFound
        case .cannotTell: return .cannotTell
        }
    }

    private func resource(_ name: String) throws(ProviderError) -> any AWSResourceType {
        guard let type = resourceTypes[name] else {
            let known = resourceTypes.keys.sorted()
            throw ProviderError(
                "Unsupported resource type",
                detail: "The aws provider has no resource type \"\(name)\"."
                    + (known.isEmpty ? "" : " It has: \(known.joined(separator: ", "))."))
        }
        return type
    }

    /// The state in the schema's shape, unmarked. A state still holding
    /// unknowns is the type's bug; the object is kept (as tainted) with
    /// those attributes null, so it is neither lost nor trusted.
    private func complete(_ state: Value, of type: any AWSResourceType, doing: String) throws(ProviderError) -> Value {
        let shaped = Value.state(state.unmarkedDeepValue.attributes ?? [:], schema: type.schema)
        guard shaped.isWhollyKnown else {
            let unknown = Value.sortedKeys(shaped.attributes ?? [:]).filter { !(shaped.attributes?[$0]?.isWhollyKnown ?? true) }
            var nulled = shaped.attributes ?? [:]
            for name in unknown { nulled[name] = .null(type.schema.attributes[name]?.type ?? .dynamic) }
            throw ProviderError(
                "\(type.name) left values unknown after \(doing)",
                detail: "After \(doing), \(type.name) still has unknown values in \(unknown.joined(separator: ", ")). "
                    + "This is a bug in the AWS provider; the object is recorded as tainted and will be replaced.",
                createdObject: doing == "create" ? .object(nulled) : nil)
        }
        return shaped
    }
}
