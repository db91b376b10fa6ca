// Converting values once the types have been found compatible. Each
// function receives the value's static type (`source`), so elements of a
// list are not re-typed one by one; only values whose static type is still
// "any" are checked again against their real type, as cty does.

extension Conversion {
    static func apply(
        _ value: Value, from source: ValueType, to target: ConversionTarget, path: inout ValuePath
    ) throws(ConversionError) -> Value {
        let sensitive = value.isSensitive
        switch value.content {
        case .unknown:
            return Value(.unknown(replacingDynamic(in: target.type, from: source)), sensitive: sensitive)
        case .null:
            return Value(.null(replacingDynamic(in: target.type, from: source)), sensitive: sensitive)
        default:
            break
        }
        if target.isDynamic || target.isSatisfied(by: source) { return value }
        if source == .dynamic {
            return try convert(value, to: target, path: path)
        }
        var result: Value
        switch (value.content, target.shape) {
        case (_, .primitive(let wanted)):
            result = try convertPrimitive(value, to: wanted, path: path)
        case (.object(let attributes), .object(let wanted, let optional)):
            result = try convertObject(attributes, source: source, to: wanted, optional: optional, path: &path)
        case (.tuple(let elements), .tuple(let wanted)):
            guard case .tuple(let types) = source, types.count == elements.count, wanted.count == elements.count else {
                throw mismatch(value, target, path)
            }
            var converted: [Value] = []
            converted.reserveCapacity(elements.count)
            for index in elements.indices {
                path.steps.append(.index(.number(index)))
                converted.append(try apply(elements[index], from: types[index], to: wanted[index], path: &path))
                path.steps.removeLast()
            }
            result = .tuple(converted)
        case (.list(let elements, let element), .list(let wanted)),
             (.set(let elements, let element), .list(let wanted)):
            if case .set = value.content, elements.count > 1, !value.isWhollyKnown {
                // Unknown elements of a set may turn out equal and merge, so
                // even the number of list elements is not known yet.
                let type = replacingDynamic(in: wanted.type, from: element)
                return Value(.unknown(.list(type)), sensitive: sensitive)
            }
            let converted = try convertElements(elements, from: element, to: wanted, path: &path)
            let type = try commonType(converted, wanted: wanted, empty: wanted.isDynamic ? element : wanted.type, kind: "list", path: path)
            result = .list(converted, element: type)
        case (.list(let elements, let element), .set(let wanted)),
             (.set(let elements, let element), .set(let wanted)):
            let converted = try convertElements(elements, from: element, to: wanted, path: &path)
            let type = try commonType(converted, wanted: wanted, empty: wanted.isDynamic ? element : wanted.type, kind: "set", path: path)
            result = makeSet(converted, element: type)
        case (.map(let entries, let element), .map(let wanted)):
            result = try convertMap(entries, from: element, to: wanted, path: &path)
        case (.tuple(let elements), .list(let wanted)), (.tuple(let elements), .set(let wanted)):
            result = try convertTupleToSequence(elements, source: source, to: target, wanted: wanted, path: &path)
        case (.object(let attributes), .map(let wanted)):
            result = try convertObjectToMap(attributes, source: source, wanted: wanted, path: &path)
        case (.map(let entries, let element), .object(let wanted, let optional)):
            result = try convertMapToObject(entries, from: element, to: wanted, optional: optional, path: path)
        default:
            throw mismatch(value, target, path)
        }
        // A set may have taken marks from its elements; keep those too.
        if sensitive { result.isSensitive = true }
        return result
    }

    private static func mismatch(_ value: Value, _ target: ConversionTarget, _ path: ValuePath) -> ConversionError {
        ConversionError(path: path, message: mismatchMessage(from: value.type, to: target))
    }

    private static func convertPrimitive(_ value: Value, to wanted: ValueType, path: ValuePath) throws(ConversionError) -> Value {
        switch (value.content, wanted) {
        case (.number(let number), .string):
            return .string(number.description)
        case (.bool(let bool), .string):
            return .string(bool ? "true" : "false")
        case (.string(let string), .number):
            guard let number = Number(parsing: string) else {
                throw ConversionError(path: path, message: "a number is required")
            }
            return .number(number)
        case (.string(let string), .bool):
            switch string {
            case "true", "1": return .true
            case "false", "0": return .false
            default:
                switch string.lowercased() {
                case "true":
                    throw ConversionError(path: path, message: "a bool is required; to convert from string, use lowercase \"true\"")
                case "false":
                    throw ConversionError(path: path, message: "a bool is required; to convert from string, use lowercase \"false\"")
                default:
                    throw ConversionError(path: path, message: "a bool is required")
                }
            }
        case (.string, .string), (.number, .number), (.bool, .bool):
            return value
        default:
            throw ConversionError(path: path, message: constraintName(wanted) + " required")
        }
    }

    private static func convertObject(
        _ attributes: [String: Value], source: ValueType, to wanted: [String: ConversionTarget],
        optional: Set<String>, path: inout ValuePath
    ) throws(ConversionError) -> Value {
        guard case .object(let types) = source else {
            throw ConversionError(path: path, message: "object required")
        }
        var result: [String: Value] = [:]
        result.reserveCapacity(wanted.count)
        for name in attributes.keys.sorted(by: Value.keyOrder) {
            guard let attributeTarget = wanted[name], let attribute = attributes[name] else { continue }
            path.steps.append(.attribute(name))
            result[name] = try apply(attribute, from: types[name] ?? attribute.type, to: attributeTarget, path: &path)
            path.steps.removeLast()
        }
        for name in optional where result[name] == nil {
            if let attributeTarget = wanted[name] { result[name] = .null(attributeTarget.type) }
        }
        return .object(result)
    }

    private static func convertElements(
        _ elements: [Value], from element: ValueType, to wanted: ConversionTarget, path: inout ValuePath
    ) throws(ConversionError) -> [Value] {
        if wanted.isSatisfied(by: element) { return elements }
        var converted: [Value] = []
        converted.reserveCapacity(elements.count)
        for (index, value) in elements.enumerated() {
            path.steps.append(.index(.number(index)))
            converted.append(try apply(value, from: element, to: wanted, path: &path))
            path.steps.removeLast()
        }
        return converted
    }

    /// The one element type of converted elements; an error when a target
    /// of "any type" let them keep different types.
    private static func commonType(
        _ elements: [Value], wanted: ConversionTarget, empty: ValueType, kind: String, path: ValuePath
    ) throws(ConversionError) -> ValueType {
        guard let first = elements.first else { return empty }
        let wantedType = wanted.type
        if !wantedType.containsDynamic { return wantedType }
        let type = first.type
        for element in elements.dropFirst() where element.type != type {
            throw ConversionError(path: path, message: "element types must all match for conversion to \(kind)")
        }
        return type
    }

    /// A set of `elements`; marks move from the elements to the set, which
    /// is the only place a set can carry them.
    static func makeSet(_ elements: [Value], element: ValueType) -> Value {
        guard elements.contains(where: \.containsSensitive) else { return .set(elements, element: element) }
        return Value.set(elements.map(\.unmarkedDeepValue), element: element).marked()
    }

    private static func convertMap(
        _ entries: [String: Value], from element: ValueType, to wanted: ConversionTarget, path: inout ValuePath
    ) throws(ConversionError) -> Value {
        if entries.isEmpty { return .map([:], element: wanted.isDynamic ? element : wanted.type) }
        var converted: [String: Value] = [:]
        converted.reserveCapacity(entries.count)
        for key in entries.keys.sorted(by: Value.keyOrder) {
            path.steps.append(.index(.string(key)))
            converted[key] = try apply(entries[key]!, from: element, to: wanted, path: &path)
            path.steps.removeLast()
        }
        return try finishMap(converted, wanted: wanted, message: "element types must all match for conversion to map", path: &path)
    }

    /// Makes a map of converted entries, unifying their types first when
    /// the element type is a collection or an object that "any type" may
    /// have left different from entry to entry.
    static func finishMap(
        _ entries: [String: Value], wanted: ConversionTarget, message: String, path: inout ValuePath
    ) throws(ConversionError) -> Value {
        let wantedType = wanted.type
        if !wantedType.containsDynamic { return .map(entries, element: wantedType) }
        var entries = entries
        let keys = entries.keys.sorted(by: Value.keyOrder)
        if wanted.isCollection || wanted.isObject {
            entries = try unifyEntries(entries, keys: keys, path: &path)
        }
        let type = entries[keys[0]]!.type
        for key in keys.dropFirst() where entries[key]!.type != type {
            throw ConversionError(path: path, message: message)
        }
        return .map(entries, element: type)
    }

    private static func unifyEntries(
        _ entries: [String: Value], keys: [String], path: inout ValuePath
    ) throws(ConversionError) -> [String: Value] {
        let types = keys.map { entries[$0]!.type }
        guard let unified = unifyUnsafe(types) else {
            throw ConversionError(path: path, message: "cannot find a common base type for all elements")
        }
        var result = entries
        for (key, type) in zip(keys, types) where type != unified {
            path.steps.append(.index(.string(key)))
            result[key] = try convert(entries[key]!, to: .plain(unified), path: path)
            path.steps.removeLast()
        }
        return result
    }
}
