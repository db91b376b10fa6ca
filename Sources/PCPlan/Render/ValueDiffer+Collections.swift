import PCLang

/// Actions, equality and the matching of collection elements, as
/// Terraform's renderer decides them.
extension ValueDiffer {
    /// The action of a value judged as a whole (Terraform's
    /// `CalculateAction`).
    static func action(_ before: Side, _ after: Side) -> ChangeAction {
        if before.isAbsent && (!after.isNil || after.explicit) { return .create }
        if after.isAbsent && (!before.isNil || before.explicit) { return .delete }
        if same(before.value, after.value) && before.explicit == after.explicit
            && before.isSensitive == after.isSensitive
        {
            return .noop
        }
        return .update
    }

    /// The starting action of a collection, refined by its elements.
    static func defaultAction(_ before: Side, _ after: Side) -> ChangeAction {
        if before.isNil && after.isNil { return .noop }
        if before.isNil { return .create }
        if after.isNil { return .delete }
        return .noop
    }

    /// A collection is updated as soon as its elements disagree.
    static func combine(_ current: ChangeAction, _ next: ChangeAction) -> ChangeAction {
        if next == .noop { return current }
        return current == next ? current : .update
    }

    static func element(_ elements: [Value], _ index: Int?) -> Side {
        guard let index, elements.indices.contains(index) else { return .absent }
        return Side(value: elements[index], explicit: true)
    }

    /// Equality as a plan's JSON sees it: marks and declared types are
    /// ignored, lists, sets and tuples are all arrays, maps and objects
    /// are all objects, and an unknown value is null.
    static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a.content, b.content) {
        case (.null, .null), (.null, .unknown), (.unknown, .null), (.unknown, .unknown): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        default: break
        }
        if let x = a.elements, let y = b.elements {
            guard x.count == y.count else { return false }
            for index in x.indices where !same(x[index], y[index]) { return false }
            return true
        }
        if let x = a.attributes, let y = b.attributes {
            guard x.count == y.count else { return false }
            for (key, left) in x {
                guard let right = y[key], same(left, right) else { return false }
            }
            return true
        }
        return false
    }

    /// The attributes or elements of two objects or maps, diffed child by
    /// child in key order. `explicitChildren`: a present null is an explicit
    /// value (maps, JSON objects); in typed objects it counts as absent, and
    /// attributes null on both sides are left out.
    func objectEntries(
        _ before: Side, _ after: Side, explicitChildren: Bool, current: inout ChangeAction,
        child: (Side, Side, String) -> DiffNode
    ) -> [DiffNode.Entry] {
        let beforeAttributes = before.isNil ? [:] : before.value.attributes ?? [:]
        let afterAttributes = after.isNil ? [:] : after.value.attributes ?? [:]
        var keys = Set(beforeAttributes.keys)
        keys.formUnion(afterAttributes.keys)
        var entries: [DiffNode.Entry] = []
        entries.reserveCapacity(keys.count)
        for key in keys.sorted(by: Value.keyOrder) {
            let b = beforeAttributes[key], a = afterAttributes[key]
            let childBefore = Side(value: b ?? .null, explicit: explicitChildren && b != nil)
            let childAfter = Side(value: a ?? .null, explicit: explicitChildren && a != nil)
            let node = child(childBefore, childAfter, key)
            if !explicitChildren && node.action == .noop && childBefore.isNil && childAfter.isNil { continue }
            entries.append(DiffNode.Entry(key: key, node: node))
            current = Self.combine(current, node.action)
        }
        return entries
    }

    /// The elements of two lists or arrays, paired and diffed.
    func sequence(
        _ before: Side, _ after: Side, keyed: Bool, objects: (Value) -> Bool, child: (Side, Side, Int) -> DiffNode
    ) -> ([DiffNode], ChangeAction) {
        let beforeElements = before.isNil ? [] : before.value.elements ?? []
        let afterElements = after.isNil ? [] : after.value.elements ?? []
        var current = Self.defaultAction(before, after)
        let pairs =
            (keyed ? StructuralDiff.pairElements(beforeElements, afterElements) : nil)
            ?? Self.slicePairs(beforeElements, afterElements, equal: Self.same, objects: objects)
        var nodes: [DiffNode] = []
        nodes.reserveCapacity(pairs.count)
        for (b, a) in pairs {
            let node = child(
                Self.element(beforeElements, b), Self.element(afterElements, a), b ?? a ?? 0)
            nodes.append(node)
            current = Self.combine(current, node.action)
        }
        return (nodes, current)
    }

    /// Terraform's pairing of list elements: position by position when the
    /// lengths match and nothing moved; otherwise along the longest common
    /// subsequence, pairing changed objects that sit at the same place.
    static func slicePairs<Element>(
        _ before: [Element], _ after: [Element], equal: (Element, Element) -> Bool, objects: (Element) -> Bool
    ) -> [(Int?, Int?)] {
        if before.count == after.count && !isReorder(before, after, equal: equal) {
            return before.indices.map { ($0, $0) }
        }
        let common = longestCommonSubsequence(before, after, equal: equal)
        var pairs: [(Int?, Int?)] = []
        pairs.reserveCapacity(max(before.count, after.count))
        var b = 0, a = 0, c = 0
        while b < before.count || a < after.count || c < common.count {
            while b < before.count && (c >= common.count || !equal(before[b], common[c])) {
                let pairsObjects =
                    objects(before[b]) && a < after.count && objects(after[a])
                    && (c >= common.count || !equal(after[a], common[c]))
                if pairsObjects {
                    pairs.append((b, a))
                    b += 1
                    a += 1
                    continue
                }
                pairs.append((b, nil))
                b += 1
            }
            while a < after.count && (c >= common.count || !equal(after[a], common[c])) {
                pairs.append((nil, a))
                a += 1
            }
            if c < common.count {
                pairs.append((b, a))
                b += 1
                a += 1
                c += 1
            }
        }
        return pairs
    }

    /// Whether every element of `before` is somewhere in `after`.
    private static func isReorder<Element>(
        _ before: [Element], _ after: [Element], equal: (Element, Element) -> Bool
    ) -> Bool {
        guard before.count == after.count, before.count * after.count <= quadraticLimit else { return false }
        if zip(before, after).allSatisfy({ equal($0, $1) }) { return false }
        return before.allSatisfy { element in after.contains { equal(element, $0) } }
    }

    /// Lists longer than this product are compared by common prefix and
    /// suffix only, so a huge list cannot take quadratic time and memory.
    static let quadraticLimit = 4_000_000

    /// The longest common subsequence, walked back from the end as
    /// Terraform does, so ties resolve the same way.
    static func longestCommonSubsequence<Element>(
        _ xs: [Element], _ ys: [Element], equal: (Element, Element) -> Bool
    ) -> [Element] {
        if xs.isEmpty || ys.isEmpty { return [] }
        if xs.count * ys.count > quadraticLimit {
            var prefix = 0
            while prefix < min(xs.count, ys.count) && equal(xs[prefix], ys[prefix]) { prefix += 1 }
            var suffix = 0
            while suffix < min(xs.count, ys.count) - prefix
                && equal(xs[xs.count - 1 - suffix], ys[ys.count - 1 - suffix])
            {
                suffix += 1
            }
            return Array(xs[..<prefix]) + Array(xs[(xs.count - suffix)...])
        }
        let width = xs.count
        var lengths = [Int](repeating: 0, count: xs.count * ys.count)
        var matches = [Bool](repeating: false, count: xs.count * ys.count)
        for y in 0..<ys.count {
            for x in 0..<xs.count {
                let cell = width * y + x
                if equal(xs[x], ys[y]) {
                    matches[cell] = true
                    lengths[cell] = (x == 0 || y == 0) ? 1 : lengths[width * (y - 1) + (x - 1)] + 1
                } else {
                    let left = x > 0 ? lengths[cell - 1] : 0
                    let up = y > 0 ? lengths[cell - width] : 0
                    lengths[cell] = max(left, up)
                }
            }
        }
        var sequence: [Element] = []
        sequence.reserveCapacity(lengths[lengths.count - 1])
        var x = xs.count - 1, y = ys.count - 1
        while x >= 0 && y >= 0 && sequence.count < lengths[lengths.count - 1] {
            let cell = width * y + x
            if matches[cell] {
                sequence.append(xs[x])
                x -= 1
                y -= 1
            } else {
                let left = x > 0 ? lengths[cell - 1] : 0
                let up = y > 0 ? lengths[cell - width] : 0
                if left > up { x -= 1 } else { y -= 1 }
            }
        }
        return sequence.reversed()
    }

    /// Terraform's pairing of set elements: equal elements together, then
    /// the removed ones, then the added ones.
    static func setPairs(_ before: [Value], _ after: [Value]) -> [(Int?, Int?)] {
        var matchedAfter = [Bool](repeating: false, count: after.count)
        var matchOfBefore = [Int?](repeating: nil, count: before.count)
        // Identical elements first, by hash, so large sets stay linear.
        var afterIndexes: [Value: [Int]] = [:]
        for a in after.indices where after[a].isKnown {
            afterIndexes[after[a], default: []].append(a)
        }
        for b in before.indices {
            guard var candidates = afterIndexes[before[b]], !candidates.isEmpty else { continue }
            let a = candidates.removeFirst()
            afterIndexes[before[b]] = candidates
            matchOfBefore[b] = a
            matchedAfter[a] = true
        }
        let unmatchedBefore = before.indices.filter { matchOfBefore[$0] == nil }
        let unmatchedAfter = after.indices.filter { !matchedAfter[$0] }
        if unmatchedBefore.count * unmatchedAfter.count <= quadraticLimit {
            for b in unmatchedBefore {
                for a in unmatchedAfter where !matchedAfter[a] {
                    if after[a].isKnown && before[b].isSensitive == after[a].isSensitive && same(before[b], after[a]) {
                        matchOfBefore[b] = a
                        matchedAfter[a] = true
                        break
                    }
                }
            }
        }
        var pairs: [(Int?, Int?)] = []
        pairs.reserveCapacity(before.count + after.count)
        for b in before.indices {
            pairs.append((b, matchOfBefore[b]))
        }
        for a in after.indices where !matchedAfter[a] {
            pairs.append((nil, a))
        }
        return pairs
    }
}

/// The kind of a value in a plan's JSON.
enum JSONKind: Sendable, Hashable {
    case null, bool, number, string, array, object

    init(_ value: Value) {
        switch value.content {
        case .null, .unknown: self = .null
        case .bool: self = .bool
        case .number: self = .number
        case .string: self = .string
        case .list, .set, .tuple: self = .array
        case .map, .object: self = .object
        }
    }
}

extension Value {
    /// Whether collections nest more than `limit` levels deep.
    func isDeeper(than limit: Int) -> Bool {
        if limit < 0 { return true }
        switch content {
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            return elements.contains { $0.isDeeper(than: limit - 1) }
        case .map(let attributes, _), .object(let attributes):
            return attributes.values.contains { $0.isDeeper(than: limit - 1) }
        default:
            return false
        }
    }

    /// An object or map: the elements Terraform pairs by position when a
    /// list changes around them.
    var isObjectLike: Bool {
        switch content {
        case .object, .map: true
        default: false
        }
    }
}
