/// The type of a value, as Terraform's type system has it.
///
/// `dynamic` is the type of a value whose type is not known yet (an unknown
/// value of type "any", or `null` written without context); as a type
/// constraint it is `any` and accepts everything.
public indirect enum ValueType: Sendable, Hashable {
    case string
    case number
    case bool
    case list(ValueType)
    case set(ValueType)
    case map(ValueType)
    case tuple([ValueType])
    case object([String: ValueType])
    case dynamic

    /// The empty object type, `{}`'s type.
    public static let emptyObject = ValueType.object([:])
    /// The empty tuple type, `[]`'s type.
    public static let emptyTuple = ValueType.tuple([])

    public var isPrimitive: Bool {
        switch self {
        case .string, .number, .bool: true
        default: false
        }
    }

    public var isCollection: Bool {
        switch self {
        case .list, .set, .map: true
        default: false
        }
    }

    public var isStructural: Bool {
        switch self {
        case .tuple, .object: true
        default: false
        }
    }

    /// The element type of a list, set or map.
    public var elementType: ValueType? {
        switch self {
        case .list(let element), .set(let element), .map(let element): element
        default: nil
        }
    }

    /// Whether the type mentions `dynamic` anywhere, so a conversion has
    /// to look at the value rather than only at the type.
    public var containsDynamic: Bool {
        switch self {
        case .string, .number, .bool: false
        case .dynamic: true
        case .list(let element), .set(let element), .map(let element): element.containsDynamic
        case .tuple(let elements): elements.contains { $0.containsDynamic }
        case .object(let attributes): attributes.values.contains { $0.containsDynamic }
        }
    }

    /// How Terraform names the type in messages: "string", "list of
    /// number", "map of object", "tuple", "object".
    public var friendlyName: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .dynamic: "dynamic"
        case .list(let element): "list of \(element.friendlyName)"
        case .set(let element): "set of \(element.friendlyName)"
        case .map(let element): "map of \(element.friendlyName)"
        case .tuple: "tuple"
        case .object: "object"
        }
    }

    /// The type written as a type constraint expression, as `type()` in
    /// `terraform console` and error messages show it:
    /// `list(string)`, `object({name=string})`.
    public var constraintSyntax: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .dynamic: "dynamic"
        case .list(let element): "list(\(element.constraintSyntax))"
        case .set(let element): "set(\(element.constraintSyntax))"
        case .map(let element): "map(\(element.constraintSyntax))"
        case .tuple(let elements):
            "tuple([" + elements.map(\.constraintSyntax).joined(separator: ", ") + "])"
        case .object(let attributes):
            "object({" + attributes.keys.sorted().map { "\($0)=\(attributes[$0]!.constraintSyntax)" }
                .joined(separator: ", ") + "})"
        }
    }
}

extension ValueType: CustomStringConvertible {
    public var description: String { constraintSyntax }
}
