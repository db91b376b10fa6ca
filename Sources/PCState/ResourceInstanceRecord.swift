import Foundation

/// Whether an instance is a managed resource or a data source.
public enum ResourceMode: String, Sendable, Hashable, CaseIterable, Codable {
    case managed
    case data
}

/// How far an object recorded in state can be trusted.
public enum InstanceStatus: String, Sendable, Hashable, CaseIterable, Codable {
    /// Created or updated successfully.
    case ready
    /// Creation failed part-way or the user asked for replacement: the next
    /// plan replaces it.
    case tainted
}

/// The key that tells instances of one resource apart: a number with
/// `count`, a string with `for_each`, none for a single instance.
public enum InstanceKey: Sendable, Hashable, Comparable, Codable {
    case int(Int)
    case string(String)

    /// Numbers before strings, each in their natural order.
    public static func < (lhs: InstanceKey, rhs: InstanceKey) -> Bool {
        switch (lhs, rhs) {
        case let (.int(a), .int(b)): return a < b
        case let (.string(a), .string(b)): return a.utf8.lexicographicallyPrecedes(b.utf8)
        case (.int, .string): return true
        case (.string, .int): return false
        }
    }

    /// JSON text of an optional key: `null`, `3` or `"a"`.
    static func json(_ key: InstanceKey?) -> String {
        switch key {
        case nil: return "null"
        case .int(let value)?: return String(value)
        case .string(let value)?: return JSONNode.quoted(value)
        }
    }

    /// Reads what `json(_:)` wrote. The schema only admits null, integers
    /// and strings, so anything else means the file was edited by hand.
    static func parse(json text: String) -> InstanceKey?? {
        if text == "null" { return .some(nil) }
        if let number = Int(text) { return .some(.int(number)) }
        if case .string(let string)? = try? JSONNode.parse(text) { return .some(.string(string)) }
        return nil
    }
}

/// Where an instance lives: its full address and the parts it is made of.
/// A move gives an instance a new identity and keeps everything else.
///
/// The state does not parse addresses (that belongs to the configuration
/// layer); it records the parts the caller already has.
public struct InstanceIdentity: Sendable, Hashable, Codable {
    /// The full address, e.g. `module.app["a"].aws_ecs_service.this[0]`.
    public var address: String
    /// The module instance path, e.g. `module.app["a"]`; empty for the root.
    public var modulePath: String
    public var mode: ResourceMode
    public var type: String
    public var name: String
    public var indexKey: InstanceKey?

    public init(address: String, modulePath: String = "", mode: ResourceMode = .managed, type: String, name: String, indexKey: InstanceKey? = nil) {
        self.address = address
        self.modulePath = modulePath
        self.mode = mode
        self.type = type
        self.name = name
        self.indexKey = indexKey
    }
}

/// One object recorded in state: the current object of a resource instance,
/// or a deposed one (`deposedKey` set) that `create_before_destroy` left
/// behind when destroying the old object failed.
public struct ResourceInstanceRecord: Sendable, Hashable, Codable {
    public var address: String
    /// Nil for the instance's current object; a short unique key for each
    /// deposed object of the same address.
    public var deposedKey: String?
    public var modulePath: String
    public var mode: ResourceMode
    public var type: String
    public var name: String
    public var indexKey: InstanceKey?
    /// The provider configuration, e.g. `provider["pcplan/builtin"]` or
    /// `provider["aws"].west`.
    public var provider: String
    /// The object's attributes as JSON text (an object).
    public var attributesJSON: String
    /// The paths of sensitive attributes as JSON text (an array of paths).
    public var sensitivePathsJSON: String
    /// Addresses of what this object depended on when it was last applied,
    /// so that it can be destroyed in the right order once gone from config.
    public var dependencies: [String]
    /// The provider's schema version the attributes were written with.
    public var schemaVersion: Int
    public var status: InstanceStatus
    /// When the object was first recorded; an update keeps the stored time.
    /// Stored with millisecond precision.
    public var createdAt: Date
    /// When the object was last written. Stored with millisecond precision.
    public var updatedAt: Date
    /// How long the last apply of this object took, in seconds.
    public var lastApplyDuration: Double?

    public init(
        address: String,
        deposedKey: String? = nil,
        modulePath: String = "",
        mode: ResourceMode = .managed,
        type: String,
        name: String,
        indexKey: InstanceKey? = nil,
        provider: String,
        attributesJSON: String = "{}",
        sensitivePathsJSON: String = "[]",
        dependencies: [String] = [],
        schemaVersion: Int = 0,
        status: InstanceStatus = .ready,
        createdAt: Date,
        updatedAt: Date? = nil,
        lastApplyDuration: Double? = nil
    ) {
        self.address = address
        self.deposedKey = deposedKey
        self.modulePath = modulePath
        self.mode = mode
        self.type = type
        self.name = name
        self.indexKey = indexKey
        self.provider = provider
        self.attributesJSON = attributesJSON
        self.sensitivePathsJSON = sensitivePathsJSON
        self.dependencies = dependencies
        self.schemaVersion = schemaVersion
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.lastApplyDuration = lastApplyDuration
    }

    public var identity: InstanceIdentity {
        get {
            InstanceIdentity(address: address, modulePath: modulePath, mode: mode, type: type, name: name, indexKey: indexKey)
        }
        set {
            address = newValue.address
            modulePath = newValue.modulePath
            mode = newValue.mode
            type = newValue.type
            name = newValue.name
            indexKey = newValue.indexKey
        }
    }

    public var isDeposed: Bool { deposedKey != nil }
}
