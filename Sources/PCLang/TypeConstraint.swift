/// A variable's type constraint, as written in `variable { type = … }`:
/// `string`, `list(object({ name = string, port = optional(number, 80) }))`,
/// `any`.
///
/// Unlike a `ValueType`, a constraint knows which object attributes are
/// optional and their defaults, and `convert` applies them as Terraform
/// does for variables: defaults first, on the value as given, then the
/// conversion, which fills optional attributes still missing with null.
public struct TypeConstraint: Sendable, Hashable, CustomStringConvertible {
    public indirect enum Kind: Sendable, Hashable {
        case string
        case number
        case bool
        /// `any`: the value keeps its own type.
        case any
        case list(TypeConstraint)
        case set(TypeConstraint)
        case map(TypeConstraint)
        case tuple([TypeConstraint])
        /// Attributes in the order they were written.
        case object([Attribute])
    }

    /// One attribute of an `object({…})` constraint.
    public struct Attribute: Sendable, Hashable {
        public var name: String
        public var constraint: TypeConstraint
        /// Written `optional(T)` or `optional(T, default)`.
        public var isOptional: Bool
        /// The default of `optional(T, default)`, already converted to `T`.
        public var defaultValue: Value?

        public init(_ name: String, _ constraint: TypeConstraint, optional: Bool = false, default defaultValue: Value? = nil) {
            self.name = name
            self.constraint = constraint
            self.isOptional = optional || defaultValue != nil
            self.defaultValue = defaultValue
        }
    }

    public let kind: Kind
    /// The type of the values the constraint produces; optional attributes
    /// are ordinary attributes of it, and `any` is `.dynamic`.
    public let type: ValueType
    /// What conversions aim at: the type plus which attributes are optional.
    let target: ConversionTarget
    /// Whether a default is declared here or anywhere inside.
    let hasDefaults: Bool

    public init(_ kind: Kind) {
        self.kind = kind
        switch kind {
        case .string:
            (type, target, hasDefaults) = (.string, .plain(.string), false)
        case .number:
            (type, target, hasDefaults) = (.number, .plain(.number), false)
        case .bool:
            (type, target, hasDefaults) = (.bool, .plain(.bool), false)
        case .any:
            (type, target, hasDefaults) = (.dynamic, .plain(.dynamic), false)
        case .list(let element):
            type = .list(element.type)
            target = element.target.plainType != nil ? .plain(type) : .list(element.target)
            hasDefaults = element.hasDefaults
        case .set(let element):
            type = .set(element.type)
            target = element.target.plainType != nil ? .plain(type) : .set(element.target)
            hasDefaults = element.hasDefaults
        case .map(let element):
            type = .map(element.type)
            target = element.target.plainType != nil ? .plain(type) : .map(element.target)
            hasDefaults = element.hasDefaults
        case .tuple(let elements):
            type = .tuple(elements.map(\.type))
            let isPlain = elements.allSatisfy { $0.target.plainType != nil }
            target = isPlain ? .plain(type) : .tuple(elements.map(\.target))
            hasDefaults = elements.contains(where: \.hasDefaults)
        case .object(let attributes):
            var types: [String: ValueType] = [:]
            var targets: [String: ConversionTarget] = [:]
            var optional: Set<String> = []
            var isPlain = true
            var defaults = false
            for attribute in attributes {
                types[attribute.name] = attribute.constraint.type
                targets[attribute.name] = attribute.constraint.target
                if attribute.isOptional { optional.insert(attribute.name) }
                isPlain = isPlain && !attribute.isOptional && attribute.constraint.target.plainType != nil
                defaults = defaults || attribute.defaultValue != nil || attribute.constraint.hasDefaults
            }
            type = .object(types)
            target = isPlain ? .plain(type) : .object(targets, optional: optional)
            hasDefaults = defaults
        }
    }

    /// The constraint that accepts exactly `type` (`.dynamic` is `any`).
    public init(exactly type: ValueType) {
        switch type {
        case .string: self.init(.string)
        case .number: self.init(.number)
        case .bool: self.init(.bool)
        case .dynamic: self.init(.any)
        case .list(let element): self.init(.list(TypeConstraint(exactly: element)))
        case .set(let element): self.init(.set(TypeConstraint(exactly: element)))
        case .map(let element): self.init(.map(TypeConstraint(exactly: element)))
        case .tuple(let elements): self.init(.tuple(elements.map { TypeConstraint(exactly: $0) }))
        case .object(let attributes):
            let names = attributes.keys.sorted(by: Value.keyOrder)
            self.init(.object(names.map { Attribute($0, TypeConstraint(exactly: attributes[$0]!)) }))
        }
    }

    public static let string = TypeConstraint(.string)
    public static let number = TypeConstraint(.number)
    public static let bool = TypeConstraint(.bool)
    public static let any = TypeConstraint(.any)
    public static func list(_ element: TypeConstraint) -> TypeConstraint { TypeConstraint(.list(element)) }
    public static func set(_ element: TypeConstraint) -> TypeConstraint { TypeConstraint(.set(element)) }
    public static func map(_ element: TypeConstraint) -> TypeConstraint { TypeConstraint(.map(element)) }
    public static func tuple(_ elements: [TypeConstraint]) -> TypeConstraint { TypeConstraint(.tuple(elements)) }
    public static func object(_ attributes: [Attribute]) -> TypeConstraint { TypeConstraint(.object(attributes)) }

    public static func == (lhs: TypeConstraint, rhs: TypeConstraint) -> Bool { lhs.kind == rhs.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// Whether the constraint mentions optional attributes anywhere.
    public var hasOptionalAttributes: Bool { target.plainType == nil }

    // MARK: Conversion

    /// `value` made to satisfy the constraint, as Terraform does for a
    /// variable's value: defaults of optional attributes filled in at every
    /// depth (not inside null objects), then converted, with optional
    /// attributes still missing set to null.
    public func convert(_ value: Value) throws(ConversionError) -> Value {
        let prepared = hasDefaults && !value.isNull ? applyingDefaults(to: value) : value
        if let type = target.plainType {
            return try Conversion.convert(prepared, to: type)
        }
        return try Conversion.convert(prepared, to: target, path: ValuePath())
    }

    // MARK: Printing

    /// The constraint as it is written: `list(object({a=string, b=optional(number, 5)}))`.
    public var description: String {
        switch kind {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .any: "any"
        case .list(let element): "list(\(element))"
        case .set(let element): "set(\(element))"
        case .map(let element): "map(\(element))"
        case .tuple(let elements): "tuple([" + elements.map(\.description).joined(separator: ", ") + "])"
        case .object(let attributes):
            "object({" + attributes.map(\.description).joined(separator: ", ") + "})"
        }
    }
}

extension TypeConstraint.Attribute: CustomStringConvertible {
    /// `name=type`, `name=optional(type)` or `name=optional(type, default)`.
    public var description: String {
        let written = constraint.description
        guard isOptional else { return "\(name)=\(written)" }
        guard let defaultValue else { return "\(name)=optional(\(written))" }
        return "\(name)=optional(\(written), \(ConstantSyntax.render(defaultValue)))"
    }
}
