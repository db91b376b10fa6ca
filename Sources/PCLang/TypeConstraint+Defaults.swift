// Filling in the defaults of `optional(T, default)` attributes, on the
// value as given and before any conversion, which is the order Terraform
// uses: `[{a = "x"}]` for `list(object({a = string, b = optional(number,
// 5)}))` first becomes `[{a = "x", b = 5}]`, then a list. Like Terraform,
// a null or unknown value is left alone, and an attribute given as null
// takes the default.

extension TypeConstraint {
    /// `value` with the defaults of optional attributes filled in at every
    /// depth; not converted, so its type may still differ from `type`.
    public func applyingDefaults(to value: Value) -> Value {
        guard hasDefaults, value.isKnown, !value.isNull else { return value }
        let sensitive = value.isSensitive
        var result: Value
        switch value.content {
        case .list(let elements, let element):
            let filled = elementsWithDefaults(elements)
            if filled.isEmpty {
                result = .list([], element: element)
            } else if case let (unified, type)? = Conversion.unifyValues(filled) {
                result = .list(unified, element: type)
            } else {
                result = .tuple(filled)
            }
        case .set(let elements, let element):
            let filled = elementsWithDefaults(elements)
            if filled.isEmpty {
                result = .set([], element: element)
            } else if case let (unified, type)? = Conversion.unifyValues(filled) {
                result = Conversion.makeSet(unified, element: type)
            } else {
                result = .tuple(filled)
            }
        case .tuple(let elements):
            result = .tuple(elementsWithDefaults(elements))
        case .map(let entries, let element):
            let filled = entriesWithDefaults(entries)
            if filled.isEmpty {
                result = .map([:], element: element)
            } else if let map = Self.unifiedMap(filled) {
                result = map
            } else {
                result = .object(filled)
            }
        case .object(let attributes):
            result = .object(entriesWithDefaults(attributes))
        default:
            return value
        }
        return result.marked(sensitive: sensitive || result.isSensitive)
    }

    /// The constraint for element `index` of a list, set or tuple value:
    /// by position for a tuple constraint, the element constraint for a
    /// collection, none when the value does not match the constraint (the
    /// conversion will report that).
    private func constraint(forElement index: Int) -> TypeConstraint? {
        switch kind {
        case .tuple(let elements): index < elements.count ? elements[index] : nil
        case .list(let element), .set(let element), .map(let element): element
        default: nil
        }
    }

    private func constraint(forKey key: String) -> TypeConstraint? {
        switch kind {
        case .object(let attributes): attributes.first { $0.name == key }?.constraint
        case .list(let element), .set(let element), .map(let element): element
        default: nil
        }
    }

    private func elementsWithDefaults(_ elements: [Value]) -> [Value] {
        elements.enumerated().map { index, element in
            constraint(forElement: index)?.applyingDefaults(to: element) ?? element
        }
    }

    private func entriesWithDefaults(_ entries: [String: Value]) -> [String: Value] {
        var result: [String: Value] = [:]
        result.reserveCapacity(entries.count)
        let attributes: [String: Attribute]
        if case .object(let list) = kind {
            attributes = Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        } else {
            attributes = [:]
        }
        for (key, entry) in entries {
            let inner = attributes.isEmpty ? constraint(forKey: key) : attributes[key]?.constraint
            result[key] = inner?.applyingDefaults(to: entry) ?? entry
        }
        for (name, attribute) in attributes {
            guard let defaultValue = attribute.defaultValue else { continue }
            if let given = result[name], !given.isNull { continue }
            result[name] = attribute.constraint.applyingDefaults(to: defaultValue)
        }
        return result
    }

    private static func unifiedMap(_ entries: [String: Value]) -> Value? {
        let keys = entries.keys.sorted(by: Value.keyOrder)
        guard case let (values, type)? = Conversion.unifyValues(keys.map { entries[$0]! }) else { return nil }
        return .map(Dictionary(uniqueKeysWithValues: zip(keys, values)), element: type)
    }
}
