import PCAWS
import PCLang
import PCProvider

/// One managed AWS resource type (`aws_ecs_cluster`), one per file under
/// `Resources/`. The configured provider routes calls here by `name` and
/// passes the client built from the provider block.
///
/// Values in and out are unmarked (the planner applies the schema's
/// sensitive marks). States returned must carry every schema attribute:
/// build them with `Value.state(_:schema:)` so unset ones are typed nulls.
protocol AWSResourceType: Sendable {
    /// The type name, `aws_…`.
    var name: String { get }
    var schema: ResourceSchema { get }

    /// Defaults to `SchemaPlanning.plan`: computed attributes unknown on
    /// create, replacement where a forcing attribute or block changes.
    /// Override to validate arguments (throw with `attribute:` set) or to
    /// normalise what AWS would echo differently.
    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange

    /// Creates the object and returns its full state (ids included). When
    /// the object exists but a later step fails, throw with
    /// `createdObject` set (see `ProviderError.init(_:while:createdObject:)`).
    func create(planned: Value, api: AWSClient) throws(ProviderError) -> Value

    /// Changes what can change in place. The default refuses: a type whose
    /// every argument forces replacement is never asked to update.
    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value

    /// Deletes the object; an object already gone is not an error.
    func delete(prior: Value, api: AWSClient) throws(ProviderError)

    /// The object as AWS has it now, or nil when it no longer exists.
    func read(state: Value, api: AWSClient) throws(ProviderError) -> Value?

    /// The state of an existing object for `pcplan import`. The default
    /// reads a state holding only `id`; override when the id alone cannot
    /// find the object or other attributes must be derived.
    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value

    /// After a run died between a create call and recording its result:
    /// the object that create made, found by what names it (a name, a
    /// creation token, tags). The default cannot tell.
    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup
}

extension AWSResourceType {
    func plan(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange {
        SchemaPlanning.plan(request, schema: schema)
    }

    func update(prior: Value, planned: Value, api: AWSClient) throws(ProviderError) -> Value {
        throw ProviderError(
            "\(name) cannot be updated in place",
            detail: "The plan asked to update \(name)\(prior.stringAttribute("id").map { " \"\($0)\"" } ?? "") in place, "
                + "but this type only supports replacement. This is a bug in the AWS provider: the changed argument "
                + "should force replacement.")
    }

    func importObject(id: String, api: AWSClient) throws(ProviderError) -> Value {
        let seed = Value.state(["id": .string(id)], schema: schema)
        guard let found = try read(state: seed, api: api) else {
            throw ProviderError(
                "Cannot import \(name) \"\(id)\"",
                detail: "No \(name) with id \"\(id)\" exists in this account and region. Check the id and the provider's region.")
        }
        return found
    }

    func findCreated(request: Value, api: AWSClient) throws(ProviderError) -> CreatedObjectLookup { .cannotTell }
}

/// One AWS data source type (`aws_vpc`), one per file under `DataSources/`.
protocol AWSDataSourceType: Sendable {
    /// The type name, `aws_…`.
    var name: String { get }
    var schema: ResourceSchema { get }

    /// Looks the object up from `configuration` (the arguments as written,
    /// nulls where unset) and returns the whole object: the arguments as
    /// given plus every computed attribute. An object that cannot be found
    /// is an error, with what was searched for.
    func read(configuration: Value, api: AWSClient) throws(ProviderError) -> Value
}
