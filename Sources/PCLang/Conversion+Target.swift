/// What a conversion aims at: a type, plus which object attributes inside
/// it are optional. Only type constraints (`optional(T)` in a variable's
/// type) have optional attributes, so the usual target is `.plain`, which
/// costs nothing to build; a `TypeConstraint` builds its target once.
indirect enum ConversionTarget: Sendable, Hashable {
    /// A type with no optional attributes anywhere inside.
    case plain(ValueType)
    case list(ConversionTarget)
    case set(ConversionTarget)
    case map(ConversionTarget)
    case tuple([ConversionTarget])
    case object([String: ConversionTarget], optional: Set<String>)

    /// The target taken apart one level, whatever its spelling.
    enum Shape {
        case dynamic
        case primitive(ValueType)
        case list(ConversionTarget)
        case set(ConversionTarget)
        case map(ConversionTarget)
        case tuple([ConversionTarget])
        case object([String: ConversionTarget], optional: Set<String>)
    }

    var shape: Shape {
        switch self {
        case .plain(let type):
            switch type {
            case .dynamic: return .dynamic
            case .string, .number, .bool: return .primitive(type)
            case .list(let element): return .list(.plain(element))
            case .set(let element): return .set(.plain(element))
            case .map(let element): return .map(.plain(element))
            case .tuple(let elements): return .tuple(elements.map(ConversionTarget.plain))
            case .object(let attributes): return .object(attributes.mapValues(ConversionTarget.plain), optional: [])
            }
        case .list(let element): return .list(element)
        case .set(let element): return .set(element)
        case .map(let element): return .map(element)
        case .tuple(let elements): return .tuple(elements)
        case .object(let attributes, let optional): return .object(attributes, optional: optional)
        }
    }

    /// The type of the values a conversion to this target produces, with
    /// optional attributes as ordinary ones.
    var type: ValueType {
        switch self {
        case .plain(let type): type
        case .list(let element): .list(element.type)
        case .set(let element): .set(element.type)
        case .map(let element): .map(element.type)
        case .tuple(let elements): .tuple(elements.map(\.type))
        case .object(let attributes, _): .object(attributes.mapValues(\.type))
        }
    }

    /// The type when this target has no optional attributes at all, which
    /// allows the cheap identity check.
    var plainType: ValueType? {
        if case .plain(let type) = self { return type }
        return nil
    }

    var isDynamic: Bool {
        if case .plain(.dynamic) = self { return true }
        return false
    }

    /// Whether a value of `type` is already what this target asks for, so
    /// no conversion is needed (cty compares with the optional attributes
    /// removed).
    func isSatisfied(by type: ValueType) -> Bool {
        switch self {
        case .plain(let own): return own == type
        default: return self.type == type
        }
    }

    var isCollection: Bool {
        switch shape {
        case .list, .set, .map: true
        default: false
        }
    }

    var isObject: Bool {
        if case .object = shape { return true }
        return false
    }

    /// The element of a list, set or map target.
    var elementIfCollection: ConversionTarget? {
        switch shape {
        case .list(let element), .set(let element), .map(let element): element
        default: nil
        }
    }
}
