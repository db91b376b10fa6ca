import PCLang

/// The differences between two JSON documents (ECS container definitions,
/// IAM policies) as a short list of changed paths, so that a reviewer sees
/// `[web].environment[LOG_LEVEL].value = "info" -> "debug"` instead of
/// the whole document printed twice.
///
/// Elements of an array are matched by their *natural key* when every
/// element has one (`naturalKeys`, tried in order: containers and
/// environment variables by `name`, port mappings by `containerPort`, mount
/// points by `containerPath`, IAM statements by `Sid`, …), otherwise as
/// Terraform matches list elements (position, or longest common
/// subsequence when elements were added or removed). Unchanged parts are
/// never listed.
public struct StructuralDiff: Sendable, Equatable {
    /// One step of a path into a document.
    public enum PathComponent: Sendable, Hashable {
        /// An object's attribute.
        case key(String)
        /// An array element found by its natural key (`name` = `web`).
        case keyed(key: String, value: Value)
        /// An array element found by position.
        case index(Int)
    }

    public enum Change: Sendable, Equatable {
        case added(Value)
        case removed(Value)
        case changed(from: Value, to: Value)
        /// The same keyed elements, in another order.
        case reordered
    }

    public struct Entry: Sendable, Equatable {
        public var path: [PathComponent]
        public var change: Change

        /// The path as text: `[web].environment[LOG_LEVEL].value`, or
        /// `(document)` for the whole document.
        public var pathText: String { StructuralDiff.text(of: path) }

        /// One line: `path = before -> after`, `path = value` for an added
        /// or removed part, `path = (order changed)`.
        public var description: String {
            switch change {
            case .added(let value), .removed(let value): pathText + " = " + StructuralDiff.text(of: value)
            case .changed(let before, let after):
                pathText + " = " + StructuralDiff.text(of: before) + " -> " + StructuralDiff.text(of: after)
            case .reordered: pathText + " = (order changed)"
            }
        }

        /// The diff symbol of the entry's line.
        var action: ChangeAction {
            switch change {
            case .added: .create
            case .removed: .delete
            case .changed, .reordered: .update
            }
        }
    }

    /// The changes in document order (keys sorted, arrays in element order).
    public var entries: [Entry]

    /// The keys that identify array elements, in the order they are tried.
    public static let naturalKeys = ["name", "containerPort", "containerPath", "Sid", "containerName", "sourceContainer"]

    /// The changes from `before` to `after` (values as `Value.fromJSON`
    /// reads them).
    public init(from before: Value, to after: Value) {
        entries = []
        var path: [PathComponent] = []
        walk(before, after, path: &path, depth: 0)
    }

    /// The changes between two JSON texts; nil when either is not JSON.
    public init?(json before: String, _ after: String) {
        guard let beforeValue = try? Value.fromJSON(before), let afterValue = try? Value.fromJSON(after) else {
            return nil
        }
        self.init(from: beforeValue, to: afterValue)
    }

    /// Documents nested deeper than this are compared as wholes below it,
    /// so a hostile document cannot exhaust the stack.
    static let depthLimit = 200

    private mutating func walk(_ before: Value, _ after: Value, path: inout [PathComponent], depth: Int) {
        if ValueDiffer.same(before, after) { return }
        let beforeKind = JSONKind(before), afterKind = JSONKind(after)
        guard depth < Self.depthLimit else {
            entries.append(Entry(path: path, change: .changed(from: before, to: after)))
            return
        }
        switch (beforeKind, afterKind) {
        case (.object, .object):
            let b = before.attributes ?? [:], a = after.attributes ?? [:]
            var keys = Set(b.keys)
            keys.formUnion(a.keys)
            for key in keys.sorted(by: Value.keyOrder) {
                path.append(.key(key))
                switch (b[key], a[key]) {
                case (let x?, let y?): walk(x, y, path: &path, depth: depth + 1)
                case (nil, let y?): entries.append(Entry(path: path, change: .added(y)))
                case (let x?, nil): entries.append(Entry(path: path, change: .removed(x)))
                case (nil, nil): break
                }
                path.removeLast()
            }
        case (.array, .array):
            walkArray(before.elements ?? [], after.elements ?? [], path: &path, depth: depth)
        default:
            entries.append(Entry(path: path, change: .changed(from: before, to: after)))
        }
    }

    private mutating func walkArray(_ before: [Value], _ after: [Value], path: inout [PathComponent], depth: Int) {
        let key = Self.naturalKey(before, after)
        let pairs: [(Int?, Int?)]
        if let key {
            pairs = Self.keyedPairs(before, after, key: key)
            let order = pairs.compactMap { pair -> Int? in pair.1 == nil ? nil : pair.0 }
            if zip(order, order.dropFirst()).contains(where: { $0 > $1 }) {
                entries.append(Entry(path: path, change: .reordered))
            }
        } else {
            pairs = ValueDiffer.slicePairs(before, after, equal: ValueDiffer.same, objects: { $0.isObjectLike })
        }
        for (b, a) in pairs {
            let component: PathComponent
            if let key, let element = a.map({ after[$0] }) ?? b.map({ before[$0] }),
                let value = element.attributes?[key]
            {
                component = .keyed(key: key, value: value)
            } else {
                component = .index(a ?? b ?? 0)
            }
            path.append(component)
            switch (b, a) {
            case (let b?, let a?): walk(before[b], after[a], path: &path, depth: depth + 1)
            case (nil, let a?): entries.append(Entry(path: path, change: .added(after[a])))
            case (let b?, nil): entries.append(Entry(path: path, change: .removed(before[b])))
            case (nil, nil): break
            }
            path.removeLast()
        }
    }

    // MARK: Matching

    /// The natural key shared by every element of both arrays, with
    /// distinct values on each side; nil when there is none (then elements
    /// are matched by position).
    public static func naturalKey(_ before: [Value], _ after: [Value]) -> String? {
        guard !before.isEmpty || !after.isEmpty else { return nil }
        candidates: for key in naturalKeys {
            for side in [before, after] {
                var seen = Set<String>()
                for element in side {
                    guard element.isObjectLike, let value = element.attributes?[key], let identity = identity(of: value),
                        seen.insert(identity).inserted
                    else { continue candidates }
                }
            }
            return key
        }
        return nil
    }

    /// Pairs of `(before index, after index)` matched by natural key, in
    /// the order of `after` with removed elements where they stood; nil
    /// when the arrays have no natural key.
    public static func pairElements(_ before: [Value], _ after: [Value]) -> [(Int?, Int?)]? {
        naturalKey(before, after).map { keyedPairs(before, after, key: $0) }
    }

    static func keyedPairs(_ before: [Value], _ after: [Value], key: String) -> [(Int?, Int?)] {
        var beforeIndex: [String: Int] = [:]
        for (index, element) in before.enumerated() {
            if let identity = element.attributes?[key].flatMap(identity(of:)) { beforeIndex[identity] = index }
        }
        let matchOfAfter = after.map { element in
            element.attributes?[key].flatMap(identity(of:)).flatMap { beforeIndex[$0] }
        }
        var matched = [Bool](repeating: false, count: before.count)
        for case let b? in matchOfAfter { matched[b] = true }
        var pairs: [(Int?, Int?)] = []
        pairs.reserveCapacity(max(before.count, after.count))
        // Removed elements appear where they stood: before the first kept
        // element that followed them.
        var next = 0
        for (a, match) in matchOfAfter.enumerated() {
            guard let b = match else {
                pairs.append((nil, a))
                continue
            }
            while next < b {
                if !matched[next] { pairs.append((next, nil)) }
                next += 1
            }
            next = max(next, b + 1)
            pairs.append((b, a))
        }
        for b in next..<max(next, before.count) where !matched[b] {
            pairs.append((b, nil))
        }
        return pairs
    }

    /// A key value as a dictionary key; nil for values that cannot be keys.
    private static func identity(of value: Value) -> String? {
        switch value.content {
        case .string(let string): "s" + string
        case .number(let number): "n" + number.description
        case .bool(let bool): bool ? "btrue" : "bfalse"
        default: nil
        }
    }

    // MARK: Text

    static func text(of path: [PathComponent]) -> String {
        guard !path.isEmpty else { return "(document)" }
        var text = ""
        for component in path {
            switch component {
            case .key(let key):
                let name = key.isIdentifier ? key : key.goQuoted
                text += text.isEmpty ? name : "." + name
            case .keyed(let key, let value):
                text += key == "name" ? "[" + keyText(value) + "]" : "[" + key + "=" + StructuralDiff.text(of: value) + "]"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// A name bare when that cannot be mistaken for a position or break
    /// the path (`web`, `LOG_LEVEL`), quoted otherwise.
    private static func keyText(_ value: Value) -> String {
        guard let string = value.stringValue else { return text(of: value) }
        let bare =
            !string.isEmpty && !string.allSatisfy(\.isNumber)
            && string.unicodeScalars.allSatisfy { scalar in
                scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_-.:/@+".unicodeScalars.contains(scalar)
            }
        return bare ? string : string.goQuoted
    }

    /// A value as compact JSON.
    static func text(of value: Value) -> String {
        if value.isSensitive { return "(sensitive value)" }
        switch value.content {
        case .string(let string): return string.goQuoted
        case .number(let number): return number.description
        case .bool(let bool): return bool ? "true" : "false"
        case .null: return "null"
        case .unknown: return "(known after apply)"
        default:
            if value.containsSensitive { return "(sensitive value)" }
            return (try? value.jsonString()) ?? "(known after apply)"
        }
    }
}
