// Type unification as cty's "unsafe" variant does it, which is what
// Terraform uses for conditionals and for collections built from
// structural values. The rules are subtle on purpose (objects with
// different attributes unify to a map, tuples of different lengths to a
// list); they are reproduced step by step rather than simplified.

extension Conversion {
    static func unifyUnsafe(_ given: [ValueType]) -> ValueType? {
        guard let first = given.first else { return nil }
        if given.allSatisfy({ $0 == first }) { return first }
        // Repeats change nothing in the outcome but would make the
        // preference order quadratic in the number of elements of a long
        // tuple; only distinct types are considered, in first-seen order.
        var seen: Set<ValueType> = []
        let types = given.filter { seen.insert($0).inserted }
        if types.count == 1 { return first }
        var maps = 0, lists = 0, sets = 0, objects = 0, tuples = 0, dynamics = 0
        for type in types {
            switch type {
            case .map: maps += 1
            case .list: lists += 1
            case .set: sets += 1
            case .object: objects += 1
            case .tuple: tuples += 1
            case .dynamic: dynamics += 1
            default: break
            }
        }
        let count = types.count
        let hasDynamic = dynamics > 0
        // When every type is of one structural kind a new type may unify
        // them even if none of them does; that must be tried first.
        if maps > 0 && maps + dynamics == count {
            return unifyCollections(types, hasDynamic: hasDynamic, make: ValueType.map)
        } else if maps > 0 && maps + objects + dynamics == count {
            if let unified = unifyObjectsAsMaps(types), case .map = unified { return unified }
        } else if lists > 0 && lists + dynamics == count {
            return unifyCollections(types, hasDynamic: hasDynamic, make: ValueType.list)
        } else if lists > 0 && lists + tuples + dynamics == count {
            if let unified = unifyTuplesAsLists(types), case .list = unified { return unified }
        } else if sets > 0 && sets + dynamics == count {
            return unifyCollections(types, hasDynamic: hasDynamic, make: ValueType.set)
        } else if objects > 0 && objects + dynamics == count {
            return unifyObjects(types, hasDynamic: hasDynamic)
        } else if tuples > 0 && tuples + dynamics == count {
            return unifyTuples(types, hasDynamic: hasDynamic)
        } else if objects > 0 && tuples > 0 {
            return nil
        }
        return unifyByPreference(types)
    }

    /// Tries the given types from the most general down, taking the first
    /// that all the others convert to.
    private static func unifyByPreference(_ types: [ValueType]) -> ValueType? {
        preferences: for wanted in preferenceOrder(types) {
            let candidate = types[wanted]
            let target = ConversionTarget.plain(candidate)
            for (index, type) in types.enumerated() where index != wanted && type != candidate {
                if !conversionExists(from: type, to: target) { continue preferences }
            }
            return candidate
        }
        return nil
    }

    private static func allConvert(_ types: [ValueType], to result: ValueType) -> Bool {
        let target = ConversionTarget.plain(result)
        return types.allSatisfy { $0 == result || conversionExists(from: $0, to: target) }
    }

    private static func unifyCollections(
        _ types: [ValueType], hasDynamic: Bool, make: (ValueType) -> ValueType
    ) -> ValueType? {
        // Which rule applies once the dynamic ones are known cannot be
        // predicted, so the result is "any type".
        if hasDynamic { return .dynamic }
        guard let element = unifyUnsafe(types.map { $0.elementType ?? .dynamic }) else { return nil }
        let result = make(element)
        return allConvert(types, to: result) ? result : nil
    }

    private static func unifyObjects(_ types: [ValueType], hasDynamic: Bool) -> ValueType? {
        if hasDynamic { return .dynamic }
        let all = types.map(objectAttributes)
        let first = all[0]
        // Only objects with exactly the same attribute names unify to an
        // object; anything else is tried as a map.
        for attributes in all.dropFirst() {
            if attributes.count != first.count || attributes.keys.contains(where: { first[$0] == nil }) {
                return unifyObjectsToMap(types)
            }
        }
        var result: [String: ValueType] = [:]
        result.reserveCapacity(first.count)
        for name in first.keys {
            guard let unified = unifyUnsafe(all.map { $0[name]! }) else { return nil }
            result[name] = unified
        }
        let object = ValueType.object(result)
        return allConvert(types, to: object) ? object : unifyObjectsToMap(types)
    }

    private static func unifyObjectsToMap(_ types: [ValueType]) -> ValueType? {
        let attributeTypes = types.flatMap { objectAttributes($0).values }
        guard let element = unifyUnsafe(attributeTypes) else { return nil }
        let map = ValueType.map(element)
        return allConvert(types, to: map) ? map : nil
    }

    private static func unifyTuples(_ types: [ValueType], hasDynamic: Bool) -> ValueType? {
        if hasDynamic { return .dynamic }
        let all = types.map(tupleElements)
        let length = all[0].count
        if all.contains(where: { $0.count != length }) { return unifyTuplesToList(types) }
        var result: [ValueType] = []
        result.reserveCapacity(length)
        for index in 0..<length {
            guard let unified = unifyUnsafe(all.map { $0[index] }) else { return nil }
            result.append(unified)
        }
        let tuple = ValueType.tuple(result)
        return allConvert(types, to: tuple) ? tuple : unifyTuplesToList(types)
    }

    private static func unifyTuplesToList(_ types: [ValueType]) -> ValueType? {
        let elementTypes = types.flatMap(tupleElements)
        guard let element = unifyUnsafe(elementTypes) else { return nil }
        let list = ValueType.list(element)
        return allConvert(types, to: list) ? list : nil
    }

    /// Unifies the tuples among `types` as a list, then everything with
    /// that list in their place.
    private static func unifyTuplesAsLists(_ types: [ValueType]) -> ValueType? {
        let tuples = types.filter { if case .tuple = $0 { true } else { false } }
        guard let list = unifyTuplesToList(tuples), case .list = list else { return nil }
        let replaced = types.map { if case .tuple = $0 { list } else { $0 } }
        guard let unified = unifyUnsafe(replaced), case .list = unified else { return nil }
        return unified
    }

    private static func unifyObjectsAsMaps(_ types: [ValueType]) -> ValueType? {
        let objects = types.filter { if case .object = $0 { true } else { false } }
        guard let map = unifyObjectsToMap(objects), case .map = map else { return nil }
        let replaced = types.map { if case .object = $0 { map } else { $0 } }
        guard let unified = unifyUnsafe(replaced), case .map = unified else { return nil }
        return unified
    }

    private static func objectAttributes(_ type: ValueType) -> [String: ValueType] {
        if case .object(let attributes) = type { return attributes }
        return [:]
    }

    private static func tupleElements(_ type: ValueType) -> [ValueType] {
        if case .tuple(let elements) = type { return elements }
        return []
    }

    // MARK: Preference order

    /// Indexes of `types`, most general first: a topological order of the
    /// "more general than" relation that keeps the given order among
    /// types that do not compare. Mirrors cty, including its result for
    /// types it cannot order.
    static func preferenceOrder(_ types: [ValueType]) -> [Int] {
        let count = types.count
        var edges = [[Int]](repeating: [], count: count)
        var inDegree = [Int](repeating: 0, count: count)
        for i in 0..<count {
            for j in (i + 1)..<count {
                let order = compareGenerality(types[i], types[j])
                if order < 0 {
                    edges[i].append(j)
                    inDegree[j] += 1
                } else if order > 0 {
                    edges[j].append(i)
                    inDegree[i] += 1
                }
            }
        }
        var result: [Int] = []
        result.reserveCapacity(count)
        for index in 0..<count where inDegree[index] == 0 {
            result.append(index)
        }
        var next = 0
        while next < result.count {
            let index = result[next]
            next += 1
            for successor in edges[index] {
                inDegree[successor] -= 1
                if inDegree[successor] == 0 { result.append(successor) }
            }
        }
        // cty leaves unreached slots as index 0.
        while result.count < count { result.append(0) }
        return result
    }

    /// Negative when `a` is the more general (preferred) type, positive
    /// when `b` is, zero when neither.
    static func compareGenerality(_ a: ValueType, _ b: ValueType) -> Int {
        if a == .dynamic || b == .dynamic {
            if a != .dynamic { return -1 }
            if b != .dynamic { return 1 }
            return 0
        }
        if a.isPrimitive && b.isPrimitive {
            // Every primitive value can be written as a string.
            if a == .string || b == .string {
                if a != .string { return 1 }
                if b != .string { return -1 }
            }
            return 0
        }
        switch (a, b) {
        case (.list(let x), .list(let y)), (.set(let x), .set(let y)), (.map(let x), .map(let y)):
            return compareGenerality(x, y)
        default:
            break
        }
        var a = a, b = b, sign = 1
        switch (a, b) {
        case (.tuple, .list), (.object, .map), (.set, .tuple), (.set, .list):
            swap(&a, &b)
            sign = -1
        default:
            break
        }
        switch (a, b) {
        case (.tuple, .set), (.list, .set):
            return -1 * sign
        case (.list, .tuple):
            return -1 * sign
        case (.map, .object):
            return -1 * sign
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return 0 }
            var aMoreGeneral = false, bMoreGeneral = false
            for (name, typeX) in x {
                guard let typeY = y[name] else { return 0 }
                let order = compareGenerality(typeX, typeY)
                if order < 0 { aMoreGeneral = true } else if order > 0 { bMoreGeneral = true }
            }
            return generality(aMoreGeneral, bMoreGeneral) * sign
        case (.tuple(let x), .tuple(let y)):
            guard x.count == y.count else { return 0 }
            var aMoreGeneral = false, bMoreGeneral = false
            for (typeX, typeY) in zip(x, y) {
                let order = compareGenerality(typeX, typeY)
                if order < 0 { aMoreGeneral = true } else if order > 0 { bMoreGeneral = true }
            }
            return generality(aMoreGeneral, bMoreGeneral) * sign
        default:
            return 0
        }
    }

    private static func generality(_ aMoreGeneral: Bool, _ bMoreGeneral: Bool) -> Int {
        switch (aMoreGeneral, bMoreGeneral) {
        case (true, false): -1
        case (false, true): 1
        default: 0
        }
    }
}
