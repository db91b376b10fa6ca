// Conversions between structural values (tuples, objects) and collections
// (lists, sets, maps): `[1, "a"]` to a list of strings, `{a = 1}` to a map,
// a map to an object type.

extension Conversion {
    static func convertTupleToSequence(
        _ elements: [Value], source: ValueType, to target: ConversionTarget, wanted: ConversionTarget,
        path: inout ValuePath
    ) throws(ConversionError) -> Value {
        let isSet: Bool
        if case .set = target.shape { isSet = true } else { isSet = false }
        if elements.isEmpty {
            return isSet ? .set([], element: wanted.type) : .list([], element: wanted.type)
        }
        guard case .tuple(let types) = source, types.count == elements.count,
              let elementTarget = sequenceElementTarget(types, wanted) else {
            throw ConversionError(path: path, message: mismatchMessage(from: source, to: target))
        }
        var converted: [Value] = []
        converted.reserveCapacity(elements.count)
        for index in elements.indices {
            path.steps.append(.index(.number(index)))
            converted.append(try apply(elements[index], from: types[index], to: elementTarget, path: &path))
            path.steps.removeLast()
        }
        let kind = isSet ? "set" : "list"
        let elementType: ValueType
        let fixedType = elementTarget.type
        if !fixedType.containsDynamic {
            elementType = fixedType
        } else {
            if !isSet {
                // Elements that kept their own types under "any type" are
                // brought to one type where possible.
                converted = try unifyElements(converted, path: &path)
            }
            elementType = converted[0].type
            for element in converted.dropFirst() where element.type != elementType {
                throw ConversionError(path: path, message: "element types must all match for conversion to \(kind)")
            }
        }
        return isSet ? makeSet(converted, element: elementType) : .list(converted, element: elementType)
    }

    private static func unifyElements(_ elements: [Value], path: inout ValuePath) throws(ConversionError) -> [Value] {
        let types = elements.map(\.type)
        guard let unified = unifyUnsafe(types) else {
            throw ConversionError(path: path, message: "cannot find a common base type for all elements")
        }
        var result = elements
        for index in elements.indices where types[index] != unified {
            path.steps.append(.index(.number(index)))
            result[index] = try convert(elements[index], to: .plain(unified), path: path)
            path.steps.removeLast()
        }
        return result
    }

    static func convertObjectToMap(
        _ attributes: [String: Value], source: ValueType, wanted: ConversionTarget, path: inout ValuePath
    ) throws(ConversionError) -> Value {
        if attributes.isEmpty { return .map([:], element: wanted.type) }
        guard case .object(let types) = source,
              let elementTarget = mapElementTarget(Array(types.values), wanted) else {
            throw ConversionError(path: path, message: mismatchMessage(from: source, to: .map(wanted)))
        }
        var converted: [String: Value] = [:]
        converted.reserveCapacity(attributes.count)
        for name in attributes.keys.sorted(by: Value.keyOrder) {
            let attribute = attributes[name]!
            path.steps.append(.index(.string(name)))
            converted[name] = try apply(attribute, from: types[name] ?? attribute.type, to: elementTarget, path: &path)
            path.steps.removeLast()
        }
        return try finishMap(converted, wanted: elementTarget, message: "attribute types must all match for conversion to map", path: &path)
    }

    static func convertMapToObject(
        _ entries: [String: Value], from element: ValueType, to wanted: [String: ConversionTarget],
        optional: Set<String>, path: ValuePath
    ) throws(ConversionError) -> Value {
        var result: [String: Value] = [:]
        result.reserveCapacity(wanted.count)
        var elementPath = path
        for key in entries.keys.sorted(by: Value.keyOrder) {
            // Keys the object type does not have are dropped.
            guard let attributeTarget = wanted[key], let entry = entries[key] else { continue }
            guard attributeTarget.isSatisfied(by: element) || conversionExists(from: element, to: attributeTarget) else {
                let reason = mismatchMessage(from: entry.type, to: attributeTarget)
                throw ConversionError(
                    path: path, message: "map element type is incompatible with attribute \(key.goQuoted): \(reason)")
            }
            elementPath.steps.append(.index(.string(key)))
            result[key] = try apply(entry, from: element, to: attributeTarget, path: &elementPath)
            elementPath.steps.removeLast()
        }
        for name in wanted.keys.sorted(by: Value.keyOrder) where result[name] == nil {
            guard optional.contains(name) else {
                throw ConversionError(path: path, message: "map has no element for required attribute \(name.goQuoted)")
            }
            result[name] = .null(wanted[name]!.type)
        }
        return .object(result)
    }
}
