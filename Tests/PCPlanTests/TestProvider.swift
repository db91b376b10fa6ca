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

    var resourceSchemas: [String: ResourceSchema] { ["test_group": Self.group] }
    var dataSourceSchemas: [String: ResourceSchema] { ["test_lookup": Self.lookup] }
    var configurationSchema: ResourceSchema { ResourceSchema(attributes: ["region": AttributeSchema(.string, .optional)]) }

    func configured(with configuration: Value) throws(ProviderError) -> any ConfiguredProvider { self }

    func planChange(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        SchemaPlanning.plan(request, schema: Self.group)
    }

    func applyChange(_ request: ApplyChangeRequest) throws(ProviderError) -> Value { request.planned }

    func read(type: String, state: Value) throws(ProviderError) -> Value? { state }

    func readDataSource(type: String, configuration: Value) throws(ProviderError) -> Value {
        guard let key = configuration.attributes?["key"]?.stringValue else { throw ProviderError("no key") }
        return .object(["key": .string(key), "value": .string("value-of-\(key)")])
    }

    func importResource(type: String, id: String) throws(ProviderError) -> Value {
        throw ProviderError("Import not supported")
    }
}
