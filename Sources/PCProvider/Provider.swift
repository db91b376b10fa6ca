import PCLang

/// A provider: the types of object it manages, and how to plan, create,
/// change, read, delete and import them.
///
/// Providers are called from many threads at once by the applier, so every
/// implementation must be thread-safe. Values passed in and returned are
/// unmarked (no sensitive marks); the planner applies the schema's marks.
public protocol Provider: Sendable {
    /// The local name used in configurations: the type prefix before the
    /// first underscore (`aws` for `aws_ecs_service`).
    var name: String { get }
    /// The source address recorded in state, e.g. `pcplan/builtin`.
    var source: String { get }
    var resourceSchemas: [String: ResourceSchema] { get }
    var dataSourceSchemas: [String: ResourceSchema] { get }
    /// The `provider "NAME" { … }` block's schema.
    var configurationSchema: ResourceSchema { get }

    /// Returns a configured instance for one `provider` block (or the
    /// default, empty configuration).
    func configured(with configuration: Value) throws(ProviderError) -> any ConfiguredProvider
}

/// A provider with its configuration applied (credentials, region).
public protocol ConfiguredProvider: Sendable {
    /// The planned new state of one resource instance, and the attribute
    /// paths whose change forces replacement. `prior` is null when the
    /// object does not exist yet; `proposed` is the configuration merged
    /// with the prior state's computed values; `configuration` is the
    /// configuration as written (null attributes where unset).
    func planChange(_ request: PlanChangeRequest) throws(ProviderError) -> PlannedChange

    /// Makes the planned change real and returns the new state; a null
    /// `planned` means delete.
    func applyChange(_ request: ApplyChangeRequest) throws(ProviderError) -> Value

    /// The current state of an object, or nil when it no longer exists.
    func read(type: String, state: Value) throws(ProviderError) -> Value?

    /// Reads a data source.
    func readDataSource(type: String, configuration: Value) throws(ProviderError) -> Value

    /// The state of an existing object adopted by `pcplan import`.
    func importResource(type: String, id: String) throws(ProviderError) -> Value

    /// After a run died between a create and recording it: the object the
    /// create request (`request`, the planned object) made, found by what
    /// identifies it (a name, tags, a path).
    func findCreated(type: String, request: Value) throws(ProviderError) -> CreatedObjectLookup
}

/// What a provider can say about an object a dead run may have created.
public enum CreatedObjectLookup: Sendable, Equatable {
    /// It exists; this is its state, to record.
    case found(Value)
    /// It does not exist: the create can simply run again.
    case notFound
    /// The provider has no way to look; a person has to.
    case cannotTell
}

extension ConfiguredProvider {
    public func findCreated(type: String, request: Value) throws(ProviderError) -> CreatedObjectLookup { .cannotTell }
}

public struct PlanChangeRequest: Sendable {
    public var type: String
    public var prior: Value
    public var proposed: Value
    public var configuration: Value

    public init(type: String, prior: Value, proposed: Value, configuration: Value) {
        self.type = type
        self.prior = prior
        self.proposed = proposed
        self.configuration = configuration
    }
}

public struct PlannedChange: Sendable {
    /// Null when the object is to be deleted.
    public var planned: Value
    /// Attribute paths whose change cannot be made in place.
    public var requiresReplace: [ValuePath]

    public init(planned: Value, requiresReplace: [ValuePath] = []) {
        self.planned = planned
        self.requiresReplace = requiresReplace
    }
}

public struct ApplyChangeRequest: Sendable {
    public var type: String
    public var prior: Value
    public var planned: Value
    public var configuration: Value

    public init(type: String, prior: Value, planned: Value, configuration: Value) {
        self.type = type
        self.prior = prior
        self.planned = planned
        self.configuration = configuration
    }
}

/// A provider's failure, in words for the person running the command.
public struct ProviderError: Error, Sendable, Equatable {
    public var summary: String
    public var detail: String
    /// The attribute at fault, if one is.
    public var attribute: ValuePath?
    /// Set when the object was created but a later step failed (a waiter,
    /// tagging, an attachment): its state so far. The applier records it as
    /// tainted, so the next plan replaces it instead of losing it.
    public var createdObject: Value?

    public init(_ summary: String, detail: String = "", attribute: ValuePath? = nil, createdObject: Value? = nil) {
        self.summary = summary
        self.detail = detail
        self.attribute = attribute
        self.createdObject = createdObject
    }
}
