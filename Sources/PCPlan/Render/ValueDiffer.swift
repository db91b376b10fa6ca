import PCLang
import PCProvider

/// Computes the `DiffNode` tree of a resource or output change, following
/// the rules of Terraform's plan renderer so that pcplan's plans read the
/// same: which parts count as created, deleted or updated, which are hidden
/// as unchanged, where "(known after apply)" and "(sensitive value)" go.
///
/// Two flavours, as in Terraform: *typed* for resource attributes (maps keep
/// quoted keys, nulls in objects are absent) and *dynamic* for outputs, JSON
/// documents and attributes whose schema says "any type", where every value
/// is read as JSON would be.
struct ValueDiffer: Sendable {
    /// Updates of JSON documents become flat paths (`StructuralDiff`)
    /// instead of nested `jsonencode(…)` diffs: the markdown review form.
    var flattensJSONUpdates = false

    /// One side of a change. `explicit` tells an element that is present
    /// but null from one that is missing, which decides between "updated to
    /// null" and "deleted" inside collections.
    struct Side {
        var value: Value
        var explicit: Bool

        static let absent = Side(value: .null, explicit: false)

        init(value: Value, explicit: Bool) {
            self.value = value
            self.explicit = explicit
        }

        /// Null in a plan's JSON: a null value, or an unknown one (which the
        /// JSON plan writes as null in `after`).
        var isNil: Bool { value.isNull || !value.isKnown }
        var isAbsent: Bool { isNil && !explicit }
        var isSensitive: Bool { value.isSensitive }
    }

    // MARK: Entry points

    /// The diff of a whole resource instance, rendered as a block.
    func resource(_ change: ResourceChange, schema: ResourceSchema?) -> DiffNode {
        block(
            Side(value: change.before, explicit: false), Side(value: change.after, explicit: false), schema: schema,
            replace: ReplaceMatcher(change.replacePaths), jsonAttributes: change.jsonAttributes)
    }

    /// The diff of an output value (always the dynamic flavour).
    func output(_ change: OutputChange) -> DiffNode {
        var before = change.before, after = change.after
        if change.isSensitive {
            before = before.marked()
            after = after.marked()
        }
        return dynamic(
            Self.bounded(Side(value: before, explicit: false)), Self.bounded(Side(value: after, explicit: false)),
            keyed: false)
    }

    /// Values nested deeper than this are shown as one line of JSON, so
    /// rendering never recurses without bound.
    static let valueDepthLimit = 48

    /// `side` with a value nested too deep replaced by its compact JSON
    /// (or by a sensitive or unknown placeholder when it holds such parts).
    static func bounded(_ side: Side) -> Side {
        guard side.value.isDeeper(than: valueDepthLimit) else { return side }
        var value: Value
        if side.value.containsSensitive {
            value = Value.string("").marked()
        } else if let text = try? side.value.jsonString() {
            value = .string(text)
        } else {
            value = .unknown(.string)
        }
        value.isSensitive = value.isSensitive || side.value.isSensitive
        return Side(value: value, explicit: side.explicit)
    }

    // MARK: Blocks

    func block(
        _ before: Side, _ after: Side, schema: ResourceSchema?, replace: ReplaceMatcher, jsonAttributes: Set<String>
    ) -> DiffNode {
        if let node = sensitive(before, after, replace: replace.matches, block: true) { return node }
        if let node = unknown(before, after, replace: replace.matches, before: {
            block($0, .absent, schema: schema, replace: replace, jsonAttributes: jsonAttributes)
        }) {
            return node
        }
        var current = Self.defaultAction(before, after)
        let beforeAttributes = before.value.attributes ?? [:]
        let afterAttributes = after.value.attributes ?? [:]
        let blockSchemas = schema?.blocks ?? [:]
        var names = Set(beforeAttributes.keys).union(afterAttributes.keys)
        if let schema { names.formUnion(schema.attributes.keys) }
        names.subtract(blockSchemas.keys)

        var attributes: [DiffNode.Entry] = []
        attributes.reserveCapacity(names.count)
        for name in names.sorted(by: Value.keyOrder) {
            let childBefore = Self.bounded(Side(value: beforeAttributes[name] ?? .null, explicit: false))
            let childAfter = Self.bounded(Side(value: afterAttributes[name] ?? .null, explicit: false))
            let childReplace = replace.child(key: name), document = jsonAttributes.contains(name)
            // Attributes of any type (`pcplan_data.input`) are shown as JSON
            // values, as Terraform shows them.
            let node =
                schema?.attributes[name]?.type == .dynamic
                ? dynamic(childBefore, childAfter, keyed: document, replace: childReplace.matches)
                : typed(childBefore, childAfter, replace: childReplace, document: document)
            if node.action == .noop && childBefore.isNil && childAfter.isNil { continue }
            attributes.append(DiffNode.Entry(key: name, node: node))
            current = Self.combine(current, node.action)
        }

        var groups: [DiffNode.BlockGroup] = []
        for name in blockSchemas.keys.sorted(by: Value.keyOrder) {
            let blockSchema = blockSchemas[name]!
            let childBefore = Side(value: beforeAttributes[name] ?? .null, explicit: false)
            let childAfter = Side(value: afterAttributes[name] ?? .null, explicit: false)
            let childReplace = replace.child(key: name)
            let isUnknown = !childAfter.value.isKnown
            var nodes: [DiffNode]
            var action: ChangeAction
            let nesting: DiffNode.BlockGroup.Nesting
            switch blockSchema.nesting {
            case .single:
                nesting = .single
                let node = block(
                    childBefore, childAfter, schema: blockSchema.content, replace: childReplace, jsonAttributes: [])
                nodes = [node]
                action = node.action
            case .list:
                nesting = .list
                (nodes, action) = blockSequence(
                    childBefore, childAfter, isSet: false, schema: blockSchema.content, replace: childReplace)
            case .set:
                nesting = .set
                (nodes, action) = blockSequence(
                    childBefore, childAfter, isSet: true, schema: blockSchema.content, replace: childReplace)
            }
            if action == .noop && childBefore.isNil && childAfter.isNil && !isUnknown { continue }
            if isUnknown && nesting != .single { nodes = [] }
            groups.append(
                DiffNode.BlockGroup(
                    name: name, nesting: nesting, blocks: nodes, replace: childReplace.matches,
                    beforeSensitive: childBefore.isSensitive, afterSensitive: childAfter.isSensitive, unknown: isUnknown))
            current = Self.combine(current, action)
        }
        return DiffNode(current, replace: replace.matches, .block(attributes: attributes, blocks: groups))
    }

    /// The blocks of a list or set nesting, paired by position in a list
    /// and by content in a set.
    private func blockSequence(
        _ before: Side, _ after: Side, isSet: Bool, schema: ResourceSchema, replace: ReplaceMatcher
    ) -> ([DiffNode], ChangeAction) {
        let beforeElements = before.isNil ? [] : before.value.elements ?? []
        let afterElements = after.isNil ? [] : after.value.elements ?? []
        let pairs: [(Int?, Int?)] = isSet
            ? Self.setPairs(beforeElements, afterElements)
            : (0..<max(beforeElements.count, afterElements.count)).map { ($0, $0) }
        var current = Self.defaultAction(before, after)
        var nodes: [DiffNode] = []
        nodes.reserveCapacity(pairs.count)
        for (b, a) in pairs {
            let node = block(
                Self.element(beforeElements, b), Self.element(afterElements, a), schema: schema,
                replace: replace.child(index: b ?? a ?? 0), jsonAttributes: [])
            nodes.append(node)
            current = Self.combine(current, node.action)
        }
        return (nodes, current)
    }

    // MARK: Marks

    /// A sensitive value is never shown; its node only keeps the action (an
    /// update when only the mark changes).
    func sensitive(_ before: Side, _ after: Side, replace: Bool, block: Bool) -> DiffNode? {
        let beforeSensitive = before.isSensitive, afterSensitive = after.isSensitive
        guard beforeSensitive || afterSensitive else { return nil }
        let inner: ChangeAction
        if !after.value.isKnown {
            inner = before.isAbsent ? .create : .update
        } else {
            var b = before, a = after
            b.value.isSensitive = false
            a.value.isSensitive = false
            inner = Self.action(b, a)
        }
        var action = inner
        if action == .noop && beforeSensitive != afterSensitive && !(before.isAbsent && after.isAbsent) {
            action = .update
        }
        let kind: DiffNode.Kind =
            block
            ? .sensitiveBlock(beforeSensitive: beforeSensitive, afterSensitive: afterSensitive, innerAction: inner)
            : .sensitive(beforeSensitive: beforeSensitive, afterSensitive: afterSensitive, innerAction: inner)
        return DiffNode(action, replace: replace, kind)
    }

    /// "(known after apply)", after what the value was if it had one.
    func unknown(_ before: Side, _ after: Side, replace: Bool, before makeBefore: (Side) -> DiffNode) -> DiffNode? {
        guard !after.value.isKnown else { return nil }
        var after = after
        after.explicit = true
        let action = Self.action(before, after)
        if before.isNil {
            return DiffNode(action, replace: replace, .unknown(before: nil))
        }
        return DiffNode(action, replace: replace, .unknown(before: makeBefore(before)))
    }

    // MARK: Typed values

    func typed(_ before: Side, _ after: Side, replace: ReplaceMatcher, document: Bool) -> DiffNode {
        if let node = sensitive(before, after, replace: replace.matches, block: false) { return node }
        if let node = unknown(before, after, replace: replace.matches, before: {
            typed($0, .absent, replace: replace, document: document)
        }) {
            return node
        }
        if !before.isNil && !after.isNil && JSONKind(before.value) != JSONKind(after.value) {
            return DiffNode(
                .update, replace: replace.matches,
                .typeChange(
                    before: typed(before, .absent, replace: .none, document: document),
                    after: typed(.absent, after, replace: .none, document: document)))
        }
        let shape = after.isNil ? before.value : after.value
        switch shape.content {
        case .null, .unknown, .bool, .number:
            return DiffNode(
                Self.action(before, after), replace: replace.matches,
                .primitive(before: before.value, after: after.value))
        case .string:
            return string(before, after, replace: replace.matches, document: document)
        case .object:
            var current = Self.defaultAction(before, after)
            let entries = objectEntries(before, after, explicitChildren: false, current: &current) { b, a, key in
                typed(b, a, replace: replace.child(key: key), document: false)
            }
            return DiffNode(current, replace: replace.matches, .object(attributes: entries, nested: false))
        case .map:
            var current = Self.defaultAction(before, after)
            let entries = objectEntries(before, after, explicitChildren: true, current: &current) { b, a, key in
                typed(b, a, replace: replace.child(key: key), document: false)
            }
            return DiffNode(current, replace: replace.matches, .map(elements: entries))
        case .list, .tuple:
            let (nodes, action) = sequence(before, after, keyed: false, objects: { $0.isObjectLike }) { b, a, index in
                typed(b, a, replace: replace.child(index: index), document: false)
            }
            return DiffNode(action, replace: replace.matches, .list(elements: nodes, context: true))
        case .set:
            let beforeElements = before.isNil ? [] : before.value.elements ?? []
            let afterElements = after.isNil ? [] : after.value.elements ?? []
            var current = Self.defaultAction(before, after)
            var nodes: [DiffNode] = []
            for (b, a) in Self.setPairs(beforeElements, afterElements) {
                let node = typed(
                    Self.element(beforeElements, b), Self.element(afterElements, a),
                    replace: replace.child(index: b ?? a ?? 0), document: false)
                nodes.append(node)
                current = Self.combine(current, node.action)
            }
            return DiffNode(current, replace: replace.matches, .set(elements: nodes))
        }
    }

    // MARK: Dynamic values (outputs, JSON documents)

    /// `keyed`: arrays of objects are matched by their natural key
    /// (`StructuralDiff.pairElements`) instead of by position.
    /// `replace` marks only a sensitive or unknown value as forcing the
    /// replacement: below that, JSON values never say so (as in Terraform).
    func dynamic(_ before: Side, _ after: Side, keyed: Bool, replace: Bool = false) -> DiffNode {
        if let node = sensitive(before, after, replace: replace, block: false) { return node }
        if !after.value.isKnown {
            var explicitAfter = after
            explicitAfter.explicit = true
            let action = Self.action(before, explicitAfter)
            if before.isNil { return DiffNode(action, replace: replace, .unknown(before: nil)) }
            return DiffNode(action, replace: replace, .unknown(before: dynamic(before, .absent, keyed: keyed)))
        }
        let beforeKind = before.isNil ? JSONKind.null : JSONKind(before.value)
        let afterKind = after.isNil ? JSONKind.null : JSONKind(after.value)
        let deleted = afterKind == .null && !after.explicit
        let created = beforeKind == .null && !before.explicit
        if beforeKind == afterKind || created || deleted {
            return dynamicUpdate(before, after, kind: beforeKind == .null ? afterKind : beforeKind, keyed: keyed)
        }
        return DiffNode(
            .update,
            .typeChange(
                before: dynamicUpdate(before, .absent, kind: beforeKind, keyed: keyed),
                after: dynamicUpdate(.absent, after, kind: afterKind, keyed: keyed)))
    }

    private func dynamicUpdate(_ before: Side, _ after: Side, kind: JSONKind, keyed: Bool) -> DiffNode {
        switch kind {
        case .null, .bool, .number:
            return DiffNode(Self.action(before, after), .primitive(before: before.value, after: after.value))
        case .string:
            return string(before, after, replace: false, document: keyed)
        case .object:
            var current = Self.defaultAction(before, after)
            let entries = objectEntries(before, after, explicitChildren: true, current: &current) { b, a, _ in
                dynamic(b, a, keyed: keyed)
            }
            return DiffNode(current, .object(attributes: entries, nested: false))
        case .array:
            let (nodes, action) = sequence(before, after, keyed: keyed, objects: { $0.isObjectLike }) { b, a, _ in
                dynamic(b, a, keyed: keyed)
            }
            return DiffNode(action, .list(elements: nodes, context: true))
        }
    }

    // MARK: Strings

    /// A string, shown as JSON when it holds a JSON object or array (as
    /// Terraform does for every such string), as a heredoc when it spans
    /// lines, quoted otherwise. `document` strings are declared JSON
    /// documents: their arrays are matched by natural key.
    func string(_ before: Side, _ after: Side, replace: Bool, document: Bool) -> DiffNode {
        let action = Self.action(before, after)
        let plain = DiffNode(
            action, replace: replace, .string(before: RenderedString(before.value), after: RenderedString(after.value)))
        switch action {
        case .create, .noop:
            guard let json = Self.parseJSON(after.value) else { return plain }
            let beforeDocument = action == .noop ? Side(value: json, explicit: true) : .absent
            return DiffNode(
                action, replace: replace,
                .jsonString(document: dynamic(beforeDocument, Side(value: json, explicit: true), keyed: document)))
        case .delete:
            guard !before.isNil, let json = Self.parseJSON(before.value) else { return plain }
            return DiffNode(
                action, replace: replace,
                .jsonString(document: dynamic(Side(value: json, explicit: true), .absent, keyed: document)))
        default:
            let beforeJSON = Self.parseJSON(before.value), afterJSON = Self.parseJSON(after.value)
            if let beforeJSON, let afterJSON {
                if flattensJSONUpdates {
                    return DiffNode(action, replace: replace, .jsonPaths(StructuralDiff(from: beforeJSON, to: afterJSON)))
                }
                let document = dynamic(
                    Side(value: beforeJSON, explicit: true), Side(value: afterJSON, explicit: true), keyed: document)
                return DiffNode(action, replace: replace, .jsonString(document: document))
            }
            if beforeJSON != nil || afterJSON != nil {
                return DiffNode(
                    action, replace: replace,
                    .typeChange(
                        before: string(before, .absent, replace: false, document: document),
                        after: string(.absent, after, replace: false, document: document)))
            }
            return plain
        }
    }

    /// The parsed document when `value` is a string holding a JSON object
    /// or array. Documents nested deeper than `jsonDepthLimit` stay plain
    /// strings, so rendering never recurses without bound.
    static func parseJSON(_ value: Value) -> Value? {
        guard let text = value.stringValue, let first = text.utf8.first,
            first == UInt8(ascii: "{") || first == UInt8(ascii: "[")
        else { return nil }
        guard let document = try? Value.fromJSON(text), !document.isDeeper(than: jsonDepthLimit) else { return nil }
        return document
    }

    static let jsonDepthLimit = 64
}
