import PCLang
import PCProvider

/// A provider for planner tests: a resource type with nested blocks, a
/// sensitive attribute and a computed one, and a data source that echoes
/// its input — shapes the built-in providers do not have.
struct TestProvider: Provider, ConfiguredProvider {
    let name = "test"
    let source = "pcplan/test"

    static let group = ResourceSchema(attributes: [
        "id": AttributeSchema(.string, .computed),
        "name": AttributeSchema(.string, .required, forcesReplacement: true),
        "password": AttributeSchema(.string, .optional, sensitive: true),
        "tags": AttributeSchema(.map(.string), .optional),
        "policy": AttributeSchema(.string, .optional, jsonDocument: true),
    ], blocks: [
        "rule": BlockSchema(.list, ResourceSchema(attributes: [
            "port": AttributeSchema(.number, .required),
            "cidr": AttributeSchema(.string, .optional),
        ])),
    ])

    static let lookup = ResourceSchema(attributes: [
        "key": AttributeSchema(.string, .required),
        "value": AttributeSchema(.string, .computed),
    ])

    /// Created, then a later step (a waiter) fails when `fail` is true.
    static let flaky = ResourceSchema(attributes: [
        "id": AttributeSchema(.string, .computed),
        "name": AttributeSchema(.string, .required),
        "fail": AttributeSchema(.bool, .optional),
        "refuse": AttributeSchema(.bool, .optional),
    ])

    var resourceSchemas: [String: ResourceSchema] { ["test_group": Self.group, "test_flaky": Self.flaky] }
    var dataSourceSchemas: [String: ResourceSchema] { ["test_lookup": Self.lookup] }
    var configurationSchema: ResourceSchema { ResourceSchema(attributes: ["region": AttributeSchema(.string, .optional)]) }

    func configured(with configuration: Value) throws(ProviderError) -> any ConfiguredProvider { self }

    func planChange(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        SchemaPlanning.plan(request, schema: request.type == "test_flaky" ? Self.flaky : Self.group)
    }

    func applyChange(_ request: ApplyChangeRequest) throws(ProviderError) -> Value {
        guard request.type == "test_flaky", var attributes = request.planned.attributes else { return request.planned }
        attributes["id"] = .string("flaky-\(attributes["name"]?.stringValue ?? "")")
        if attributes["refuse"]?.boolValue == true { throw ProviderError("Refused: the request is invalid") }
        if attributes["fail"]?.boolValue == true {
            throw ProviderError("Timed out waiting for the object to become ready", createdObject: .object(attributes))
        }
        return .object(attributes)
    }

    func read(type: String, state: Value) throws(ProviderError) -> Value? { state }

    func readDataSource(type: String, configuration: Value) throws(ProviderError) -> Value {
        guard let key = configuration.attributes?["key"]?.stringValue else { throw ProviderError("no key") }
        return .object(["key": .string(key), "value": .string("value-of-\(key)")])
    }

    func importResource(type: String, id: String) throws(ProviderError) -> Value {
        throw ProviderError("Import not supported")
    }

    /// A refused create made nothing; other types cannot be looked up.
    func findCreated(type: String, request: Value) throws(ProviderError) -> CreatedObjectLookup {
        type == "test_flaky" ? .notFound : .cannotTell
    }
}
