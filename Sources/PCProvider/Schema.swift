import PCLang

/// What a resource or data source type accepts and produces: the contract
/// the planner checks configurations against and renders plans from.
public struct ResourceSchema: Sendable {
    public var attributes: [String: AttributeSchema]
    public var blocks: [String: BlockSchema]
    /// Bumped when the shape of recorded state changes.
    public var version: Int
    /// One sentence for `pcplan providers schema` and the docs.
    public var summary: String

    public init(
        attributes: [String: AttributeSchema], blocks: [String: BlockSchema] = [:], version: Int = 0, summary: String = ""
    ) {
        self.attributes = attributes
        self.blocks = blocks
        self.version = version
        self.summary = summary
    }

    /// The object type of a value of this schema (attributes and blocks).
    public var valueType: ValueType {
        var types = attributes.mapValues(\.type)
        for (name, block) in blocks {
            types[name] = block.valueType
        }
        return .object(types)
    }

    /// Paths of every sensitive attribute, at any depth of nested blocks
    /// reachable by attribute names only (single blocks).
    public var sensitiveAttributeNames: Set<String> {
        Set(attributes.filter(\.value.isSensitive).map(\.key))
    }
}

public struct AttributeSchema: Sendable {
    public enum Presence: Sendable, Hashable {
        /// The configuration must set it.
        case required
        /// The configuration may set it; otherwise it is null.
        case optional
        /// Only the provider sets it ("known after apply" on create).
        case computed
        /// The configuration may set it; otherwise the provider chooses.
        case optionalComputed
    }

    public var type: ValueType
    public var presence: Presence
    /// Changing it cannot be done in place: the object is replaced.
    public var forcesReplacement: Bool
    public var isSensitive: Bool
    /// The attribute holds a JSON document (a policy, container
    /// definitions): plans diff its structure rather than its text.
    public var isJSONDocument: Bool
    public var summary: String

    public init(
        _ type: ValueType, _ presence: Presence, forcesReplacement: Bool = false, sensitive: Bool = false,
        jsonDocument: Bool = false, summary: String = ""
    ) {
        self.type = type
        self.presence = presence
        self.forcesReplacement = forcesReplacement
        self.isSensitive = sensitive
        self.isJSONDocument = jsonDocument
        self.summary = summary
    }

    public var isRequired: Bool { presence == .required }
    public var isComputed: Bool { presence == .computed || presence == .optionalComputed }
    public var isSettable: Bool { presence != .computed }
}

/// A nested block type (`ingress { … }`, `lifecycle`-like provider blocks).
public struct BlockSchema: Sendable {
    public enum Nesting: Sendable, Hashable {
        /// At most one; its value is an object or null.
        case single
        /// An ordered list of blocks.
        case list
        /// An unordered set of blocks.
        case set
    }

    public var nesting: Nesting
    public var content: ResourceSchema
    public var minItems: Int
    public var maxItems: Int?
    public var forcesReplacement: Bool

    public init(_ nesting: Nesting, _ content: ResourceSchema, minItems: Int = 0, maxItems: Int? = nil, forcesReplacement: Bool = false) {
        self.nesting = nesting
        self.content = content
        self.minItems = minItems
        self.maxItems = maxItems
        self.forcesReplacement = forcesReplacement
    }

    public var valueType: ValueType {
        switch nesting {
        case .single: content.valueType
        case .list: .list(content.valueType)
        case .set: .set(content.valueType)
        }
    }
}
