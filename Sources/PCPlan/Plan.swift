import PCLang

/// What `pcplan plan` decided: every resource instance's change with its
/// reasons, drift found by refresh, output changes, and what the plan is
/// bound to (the state's lineage and serial, the configuration's digest),
/// so that applying it later can refuse if either moved on.
public struct Plan: Sendable {
    public enum Mode: String, Sendable, Hashable {
        case normal
        case destroy
        case refreshOnly = "refresh-only"
    }

    public var mode: Mode
    public var pcplanVersion: String
    /// The state this plan was made against; nil lineage for a new state.
    public var stateLineage: String?
    public var stateSerial: Int
    /// SHA-256 of the configuration files, in path order.
    public var configurationDigest: String
    /// RFC 3339 time the plan was made (`plantimestamp()`).
    public var timestamp: String
    /// Root module variables as resolved, marks included.
    public var variables: [String: Value]
    /// Sorted by address.
    public var resourceChanges: [ResourceChange]
    /// Changes made outside pcplan, found by refresh; shown apart.
    public var resourceDrift: [ResourceChange]
    public var outputChanges: [OutputChange]
    /// Addresses given with `-target`, if any.
    public var targets: [String]

    public init(
        mode: Mode = .normal, pcplanVersion: String, stateLineage: String?, stateSerial: Int,
        configurationDigest: String, timestamp: String, variables: [String: Value] = [:],
        resourceChanges: [ResourceChange] = [], resourceDrift: [ResourceChange] = [],
        outputChanges: [OutputChange] = [], targets: [String] = []
    ) {
        self.mode = mode
        self.pcplanVersion = pcplanVersion
        self.stateLineage = stateLineage
        self.stateSerial = stateSerial
        self.configurationDigest = configurationDigest
        self.timestamp = timestamp
        self.variables = variables
        self.resourceChanges = resourceChanges
        self.resourceDrift = resourceDrift
        self.outputChanges = outputChanges
        self.targets = targets
    }

    /// Whether applying would change anything (resources or outputs).
    public var hasChanges: Bool {
        resourceChanges.contains { $0.action != .noop && $0.action != .read }
            || outputChanges.contains { $0.action != .noop }
    }

    public var summary: PlanSummary { PlanSummary(self) }
}

/// The counts of the closing `Plan: X to add, Y to change, Z to destroy.`
public struct PlanSummary: Sendable, Equatable {
    public var add = 0
    public var change = 0
    public var destroy = 0
    public var read = 0
    public var importCount = 0

    public init(_ plan: Plan) {
        for change in plan.resourceChanges {
            switch change.action {
            case .create: add += 1
            case .update: self.change += 1
            case .delete: destroy += 1
            case .deleteThenCreate, .createThenDelete:
                add += 1
                destroy += 1
            case .read: read += 1
            case .noop: break
            }
        }
    }
}

/// What happens to one object.
public enum ChangeAction: String, Sendable, Hashable, CaseIterable {
    case noop = "no-op"
    case create
    case read
    case update
    case delete
    /// Replace: destroy the old object, then create the new one.
    case deleteThenCreate = "delete-create"
    /// Replace with `create_before_destroy`.
    case createThenDelete = "create-delete"

    public var isReplace: Bool { self == .deleteThenCreate || self == .createThenDelete }

    /// Terraform's JSON `actions` array for this action.
    public var jsonActions: [String] {
        switch self {
        case .noop: ["no-op"]
        case .create: ["create"]
        case .read: ["read"]
        case .update: ["update"]
        case .delete: ["delete"]
        case .deleteThenCreate: ["delete", "create"]
        case .createThenDelete: ["create", "delete"]
        }
    }
}

/// Why an action was chosen, in Terraform's `action_reason` vocabulary.
public enum ActionReason: String, Sendable, Hashable {
    case replaceBecauseTainted = "replace_because_tainted"
    case replaceBecauseCannotUpdate = "replace_because_cannot_update"
    case replaceByRequest = "replace_by_request"
    case replaceByTriggers = "replace_by_triggers"
    case deleteBecauseNoResourceConfig = "delete_because_no_resource_config"
    case deleteBecauseWrongRepetition = "delete_because_wrong_repetition"
    case deleteBecauseCountIndex = "delete_because_count_index"
    case deleteBecauseEachKey = "delete_because_each_key"
    case deleteBecauseNoModule = "delete_because_no_module"
    case deleteBecauseDestroyMode = "delete_because_destroy_mode"
    case readBecauseConfigUnknown = "read_because_config_unknown"
    case readBecauseDependencyPending = "read_because_dependency_pending"
}

/// The change to one resource instance.
public struct ResourceChange: Sendable {
    public enum Mode: String, Sendable, Hashable {
        case managed
        case data
    }

    /// `module.app["a"].aws_ecs_service.this[0]`
    public var address: String
    /// The address in state before a `moved` block renamed it.
    public var previousAddress: String?
    /// `module.app["a"]`, nil in the root module.
    public var moduleAddress: String?
    public var mode: Mode
    public var type: String
    public var name: String
    /// `count.index` (a number) or `each.key` (a string); nil for none.
    public var index: Value?
    /// `provider["pcplan/builtin"]`-style provider address.
    public var provider: String
    public var action: ChangeAction
    public var reason: ActionReason?
    /// The recorded object (null when creating), sensitive marks applied.
    public var before: Value
    /// The planned object (null when deleting); unknown where only apply
    /// will tell, sensitive marks applied.
    public var after: Value
    /// Attribute paths that force the replacement.
    public var replacePaths: [ValuePath]
    /// Why values in `after` are unknown, by attribute name: "computed by
    /// the provider", "depends on aws_lb.main.dns_name".
    public var unknownReasons: [String: String]
    /// Attributes holding JSON documents, diffed structurally in reviews.
    public var jsonAttributes: Set<String>
    /// Instance addresses this change must wait for (create/update) or
    /// that must wait for it (delete).
    public var dependencies: [String]
    /// The configuration as written, evaluated (null for deletes); the
    /// applier passes it to the provider.
    public var configuration: Value
    /// Set for the deposed object of a `create_before_destroy` replace.
    public var deposedKey: String?

    public init(
        address: String, previousAddress: String? = nil, moduleAddress: String? = nil, mode: Mode,
        type: String, name: String, index: Value? = nil, provider: String, action: ChangeAction,
        reason: ActionReason? = nil, before: Value, after: Value, replacePaths: [ValuePath] = [],
        unknownReasons: [String: String] = [:], jsonAttributes: Set<String> = [], dependencies: [String] = [],
        configuration: Value = .null, deposedKey: String? = nil
    ) {
        self.address = address
        self.previousAddress = previousAddress
        self.moduleAddress = moduleAddress
        self.mode = mode
        self.type = type
        self.name = name
        self.index = index
        self.provider = provider
        self.action = action
        self.reason = reason
        self.before = before
        self.after = after
        self.replacePaths = replacePaths
        self.unknownReasons = unknownReasons
        self.jsonAttributes = jsonAttributes
        self.dependencies = dependencies
        self.configuration = configuration
        self.deposedKey = deposedKey
    }
}

public struct OutputChange: Sendable {
    public var name: String
    public var action: ChangeAction
    public var before: Value
    public var after: Value
    public var isSensitive: Bool

    public init(name: String, action: ChangeAction, before: Value, after: Value, isSensitive: Bool) {
        self.name = name
        self.action = action
        self.before = before
        self.after = after
        self.isSensitive = isSensitive
    }
}
