/// The collection functions over maps and objects: `keys`, `values`,
/// `lookup`, `merge`, `zipmap`, `transpose`.
///
/// All but `transpose` keep the sensitive marks of the values they move,
/// as Terraform does, so `merge(local.tags, { token = var.secret })` keeps
/// the tags readable and `keys` of a map of secrets is not secret.
enum CollectionMaps {
    typealias Support = CollectionSupport

    static func keys(_ arguments: [Value]) throws(FunctionError) -> Value {
        let (mapping, sensitive) = Support.ownMark(arguments[0])
        let result: Value
        switch mapping.content {
        case .object(let attributes):
            result = .tuple(Value.sortedKeys(attributes).map(Value.string))
        case .unknown(.object(let types)):
            // An object's attribute names are in its type.
            result = .tuple(types.keys.sorted(by: Value.keyOrder).map(Value.string))
        case .map(let attributes, _):
            result = .list(strings: Value.sortedKeys(attributes))
        case .unknown(.map):
            result = .unknown(.list(.string))
        case .unknown(.dynamic):
            result = .unknown
        default:
            throw Support.invalid(0, "inputMap", "must have map or object type")
        }
        return result.marked(sensitive: sensitive)
    }

    static func values(_ arguments: [Value]) throws(FunctionError) -> Value {
        let (mapping, sensitive) = Support.ownMark(arguments[0])
        let result: Value
        switch mapping.content {
        case .object(let attributes):
            result = .tuple(Value.sortedKeys(attributes).map { attributes[$0]! })
        case .unknown(.object(let types)):
            result = .unknown(.tuple(types.keys.sorted(by: Value.keyOrder).map { types[$0]! }))
        case .map(let attributes, let elementType):
            result = .list(Value.sortedKeys(attributes).map { attributes[$0]! }, element: elementType)
        case .unknown(.map(let elementType)):
            result = .unknown(.list(elementType))
        case .unknown(.dynamic):
            result = .unknown
        default:
            throw Support.invalid(0, "mapping", "values() requires a map as the first argument")
        }
        return result.marked(sensitive: sensitive)
    }

    static func lookup(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard arguments.count <= 3 else {
            throw FunctionError(argument: 3, "lookup() takes two or three arguments, got \(arguments.count).")
        }
        let (mapping, mapSensitive) = Support.ownMark(arguments[0])
        let key = arguments[1]
        let fallback: Value? = arguments.count == 3 ? arguments[2] : nil
        let sensitive = mapSensitive || key.isSensitive
        let name = key.isKnown ? key.stringValue ?? "" : nil
        // The result's type, decided before the values are looked at.
        let resultType: ValueType
        switch mapping.content {
        case .object, .unknown(.object):
            guard let name else { return Value.unknown.marked(sensitive: sensitive) }
            if let attribute = mapping.attributes?[name] {
                resultType = attribute.type
            } else if case .unknown(.object(let types)) = mapping.content, let type = types[name] {
                resultType = type
            } else if let fallback {
                resultType = fallback.type
            } else {
                let shown = key.isSensitive ? "(sensitive value)" : name.goQuoted
                throw Support.invalid(0, "inputMap", "the given object has no attribute \(shown)")
            }
        case .map(_, let elementType), .unknown(.map(let elementType)):
            if let fallback, !Conversion.canConvert(fallback, to: elementType) {
                throw Support.invalid(2, "default", "the default value must have the same type as the map elements")
            }
            resultType = elementType
        case .unknown(.dynamic):
            return Value.unknown.marked(sensitive: sensitive)
        default:
            throw Support.invalid(0, "inputMap", "lookup() requires a map as the first argument")
        }
        guard mapping.isKnown, let name else { return Value.unknown(resultType).marked(sensitive: sensitive) }
        if let found = mapping.attributes?[name] {
            return found.marked(sensitive: sensitive)
        }
        guard let fallback else {
            let shown = key.isSensitive ? "(sensitive value)" : name.goQuoted
            throw Support.invalid(1, "key", "lookup failed to find key \(shown)")
        }
        do {
            return try Conversion.convert(fallback, to: resultType).marked(sensitive: sensitive)
        } catch {
            throw Support.invalid(2, "default", error.message)
        }
    }

    static func merge(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard !arguments.isEmpty else { return .emptyObject }
        var sensitive = false
        var parts: [Value] = []
        parts.reserveCapacity(arguments.count)
        // The result's type, as Terraform decides it: the arguments' type
        // when they all have the same, else an object of every attribute.
        var attributeTypes: [String: ValueType] = [:]
        var firstType: ValueType?
        var matching = true
        var attributesKnown = true
        var undecided = false
        for (index, argument) in arguments.enumerated() {
            let (part, marked) = Support.ownMark(argument)
            sensitive = sensitive || marked
            parts.append(part)
            var type = part.type
            switch type {
            case .dynamic:
                undecided = true
                continue
            case .object(let types):
                if part.isNull {
                    type = .emptyObject
                } else {
                    attributeTypes.merge(types) { _, later in later }
                }
            case .map(let elementType):
                if let attributes = part.attributes {
                    for key in attributes.keys { attributeTypes[key] = elementType }
                } else if !part.isNull {
                    attributesKnown = false
                }
            default:
                throw Support.invalid(index, "maps", "arguments must be maps or objects, got \(type.friendlyName.goQuoted)")
            }
            if let firstType {
                matching = matching && type == firstType
            } else {
                firstType = type
            }
        }
        let resultType: ValueType
        if undecided {
            resultType = .dynamic
        } else if matching, let firstType {
            resultType = firstType
        } else {
            resultType = attributesKnown ? .object(attributeTypes) : .dynamic
        }
        if parts.contains(where: { !$0.isKnown }) {
            return Value.unknown(resultType).marked(sensitive: sensitive)
        }
        var merged: [String: Value] = [:]
        for part in parts {
            guard let attributes = part.attributes else { continue }
            merged.merge(attributes) { _, later in later }
        }
        if case .map(let elementType) = resultType {
            return Value.map(merged, element: elementType).marked(sensitive: sensitive)
        }
        return Value.object(merged).marked(sensitive: sensitive)
    }

    static func zipmap(_ arguments: [Value]) throws(FunctionError) -> Value {
        let keys = arguments[0]
        let (values, valuesSensitive) = Support.ownMark(arguments[1])
        // Keys cannot carry marks, so a secret key makes the whole result
        // secret.
        let sensitive = valuesSensitive || keys.containsSensitive
        let names = keys.elements ?? []
        let resultType: ValueType
        switch values.content {
        case .list(_, let elementType), .unknown(.list(let elementType)):
            resultType = .map(elementType)
        case .tuple(let elements):
            if keys.isWhollyKnown {
                guard names.count == elements.count else { throw countMismatch(names.count, elements.count) }
                if let index = names.firstIndex(where: \.isNull) { throw nullKey(index) }
            }
            // The object's type follows from the values built below.
            resultType = .dynamic
        case .unknown(.tuple(let types)):
            guard keys.isWhollyKnown else {
                resultType = .dynamic
                break
            }
            guard names.count == types.count else { throw countMismatch(names.count, types.count) }
            var attributeTypes: [String: ValueType] = [:]
            for (index, name) in names.enumerated() {
                guard let text = name.stringValue else { throw nullKey(index) }
                attributeTypes[text] = types[index]
            }
            resultType = .object(attributeTypes)
        case .unknown(.dynamic):
            return Value.unknown.marked(sensitive: sensitive)
        default:
            throw Support.invalid(1, "values", "values argument must be a list or tuple value")
        }
        guard keys.isWhollyKnown, let elements = values.elements else {
            return Value.unknown(resultType).marked(sensitive: sensitive)
        }
        guard names.count == elements.count else { throw countMismatch(names.count, elements.count) }
        var result: [String: Value] = [:]
        result.reserveCapacity(names.count)
        for (index, name) in names.enumerated() {
            guard let text = name.stringValue else { throw nullKey(index) }
            result[text] = elements[index]
        }
        if case .map(let elementType) = resultType {
            return Value.map(result, element: elementType).marked(sensitive: sensitive)
        }
        return Value.object(result).marked(sensitive: sensitive)
    }

    private static func countMismatch(_ keys: Int, _ values: Int) -> FunctionError {
        Support.failed("number of keys (\(keys)) does not match number of values (\(values))")
    }

    private static func nullKey(_ index: Int) -> FunctionError {
        Support.invalid(0, "keys", "keys list has null value at index \(index)")
    }

    static func transpose(_ arguments: [Value]) throws(FunctionError) -> Value {
        guard let attributes = arguments[0].attributes else { return .unknown(.map(.list(.string))) }
        var transposed: [String: [String]] = [:]
        for key in Value.sortedKeys(attributes) {
            guard let strings = attributes[key]!.elements else {
                throw Support.invalid(0, "values", "input must not contain null list")
            }
            for string in strings {
                guard let text = string.stringValue else {
                    throw Support.invalid(0, "values", "input list must not contain null string")
                }
                // Keys are visited in order, so each list is built sorted.
                transposed[text, default: []].append(key)
            }
        }
        return .map(transposed.mapValues { Value.list(strings: $0) }, element: .list(.string))
    }
}
