// Which conversions exist, decided on types alone, as cty decides them
// before it looks at any value. Terraform always asks for cty's "unsafe"
// conversions (string to number, list to set, map to object are allowed and
// may fail on the value), so only those are modelled.

extension Conversion {
    static func conversionExists(from source: ValueType, to target: ConversionTarget) -> Bool {
        if target.isSatisfied(by: source) { return true }
        switch (source, target.shape) {
        case (_, .dynamic):
            return true
        case (.dynamic, _):
            // Decided when the value is known; an unknown or null value of
            // unknown type converts to anything.
            return true
        case (.string, .primitive(let wanted)), (.number, .primitive(let wanted)), (.bool, .primitive(let wanted)):
            return primitiveConversionExists(from: source, to: wanted)
        case (.object(let attributes), .object(let wanted, let optional)):
            for (name, attributeTarget) in wanted {
                guard let attributeType = attributes[name] else {
                    if optional.contains(name) { continue }
                    return false
                }
                if !conversionExists(from: attributeType, to: attributeTarget) { return false }
            }
            return true
        case (.tuple(let elements), .tuple(let wanted)):
            guard elements.count == wanted.count else { return false }
            for (element, elementTarget) in zip(elements, wanted) where !conversionExists(from: element, to: elementTarget) {
                return false
            }
            return true
        case (.list(let element), .list(let wanted)), (.set(let element), .list(let wanted)),
             (.list(let element), .set(let wanted)), (.set(let element), .set(let wanted)),
             (.map(let element), .map(let wanted)):
            return conversionExists(from: element, to: wanted)
        case (.tuple(let elements), .list(let wanted)), (.tuple(let elements), .set(let wanted)):
            return sequenceElementTarget(elements, wanted) != nil
        case (.object(let attributes), .map(let wanted)):
            return mapElementTarget(Array(attributes.values), wanted) != nil
        case (.map(let element), .object(let wanted, let optional)):
            for (name, attributeTarget) in wanted where !conversionExists(from: element, to: attributeTarget) {
                // An optional attribute the map cannot fill is an error only
                // if the map really has that key.
                if !optional.contains(name) { return false }
            }
            return true
        default:
            return false
        }
    }

    static func primitiveConversionExists(from source: ValueType, to target: ValueType) -> Bool {
        switch (source, target) {
        case (.number, .string), (.bool, .string), (.string, .number), (.string, .bool): true
        default: source == target
        }
    }

    /// The element type tuple elements become in a list or set: the wanted
    /// one, or, for "any single type", their unified type. Nil when some
    /// element cannot become it.
    static func sequenceElementTarget(_ elements: [ValueType], _ wanted: ConversionTarget) -> ConversionTarget? {
        if elements.isEmpty { return wanted }
        var target = wanted
        if wanted.isDynamic {
            guard let unified = unifyUnsafe(elements) else { return nil }
            // A list of "dynamic" can hold only values whose types are
            // themselves still unknown.
            if unified == .dynamic, elements.contains(where: { $0 != .dynamic }) { return nil }
            target = .plain(unified)
        }
        for element in elements where !conversionExists(from: element, to: target) {
            return nil
        }
        return target
    }

    /// The element type object attributes become in a map.
    static func mapElementTarget(_ attributes: [ValueType], _ wanted: ConversionTarget) -> ConversionTarget? {
        if attributes.isEmpty { return wanted }
        var target = wanted
        if wanted.isDynamic {
            guard let unified = unifyUnsafe(attributes) else { return nil }
            target = .plain(unified)
        }
        for attribute in attributes where !conversionExists(from: attribute, to: target) {
            return nil
        }
        return target
    }

    /// The type of a null or unknown result: the target type, except that
    /// where the target says "any type" the source's own type is kept.
    static func replacingDynamic(in target: ValueType, from source: ValueType) -> ValueType {
        if source == .dynamic { return target }
        switch target {
        case .dynamic:
            return source
        case .string, .number, .bool:
            return target
        case .map(let element):
            switch source {
            case .map(let sourceElement):
                return .map(replacingDynamic(in: element, from: sourceElement))
            case .object(let attributes):
                let unified = unifyUnsafe(Array(attributes.values)) ?? .dynamic
                return .map(replacingDynamic(in: element, from: unified))
            default:
                return target
            }
        case .object(let attributes):
            var result: [String: ValueType] = [:]
            result.reserveCapacity(attributes.count)
            switch source {
            case .map(let sourceElement):
                for (name, attribute) in attributes {
                    result[name] = replacingDynamic(in: attribute, from: sourceElement)
                }
            case .object(let sourceAttributes):
                for (name, attribute) in attributes {
                    if let sourceAttribute = sourceAttributes[name] {
                        result[name] = replacingDynamic(in: attribute, from: sourceAttribute)
                    } else {
                        result[name] = attribute
                    }
                }
            default:
                return target
            }
            return .object(result)
        case .set(let element), .list(let element):
            let sourceElement: ValueType
            switch source {
            case .set(let inner), .list(let inner):
                sourceElement = inner
            case .tuple(let elements):
                sourceElement = unifyUnsafe(elements) ?? .dynamic
            default:
                return target
            }
            let replaced = replacingDynamic(in: element, from: sourceElement)
            if case .set = target { return .set(replaced) }
            return .list(replaced)
        case .tuple(let elements):
            guard case .tuple(let sourceElements) = source, sourceElements.count == elements.count else { return target }
            return .tuple(zip(elements, sourceElements).map { replacingDynamic(in: $0, from: $1) })
        }
    }
}
