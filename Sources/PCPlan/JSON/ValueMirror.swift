import PCLang

/// The three views of one value that Terraform's JSON plan gives: the
/// known part, and two "mirror" documents of the same shape saying where
/// the value is unknown and where it is sensitive. The rules follow
/// Terraform's `jsonplan`/`jsonstate` packages (checked against
/// `terraform show -json` 1.11):
///
/// - known part: unknown attributes of objects and maps are left out,
///   unknown elements of lists, sets and tuples become `null` (element
///   order is how a reader lines the mirrors up), a wholly unknown value
///   has no known part at all.
/// - unknown mirror: `true` where unknown; in objects and maps known
///   members are left out, in sequences they are `false`; a null is
///   `false`, empty collections are `[]` or `{}`.
/// - sensitive mirror: `true` where marked; likewise, except that an
///   unknown collection is `[]` or `{}` (nothing can be said of its
///   content) and an unknown primitive or dynamic value is `false`.
enum ValueMirror {
    /// The value without its unknown parts; nil when it is unknown itself.
    ///
    /// Sensitive parts are written as `null` (their place is still marked
    /// in the sensitivity mirror). Terraform writes them in the clear; a
    /// JSON plan is posted to pull requests and kept by CI systems, so
    /// pcplan keeps secrets out of it, as it does out of every other plan
    /// form.
    static func knownPart(_ value: Value) -> Value? {
        if value.isSensitive { return value.isKnown ? .null(value.type) : nil }
        if value.isWhollyKnown && !value.containsSensitive { return value }
        switch value.content {
        case .unknown:
            return nil
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            // A tuple, not a set: nulls standing for different unknown
            // elements must not be merged, and JSON has no set anyway.
            return .tuple(elements.map { knownPart($0) ?? .null($0.type) })
        case .map(let attributes, _), .object(let attributes):
            var known: [String: Value] = [:]
            known.reserveCapacity(attributes.count)
            for (key, member) in attributes {
                if let part = knownPart(member) { known[key] = part }
            }
            return .object(known)
        case .null, .bool, .number, .string:
            return value
        }
    }

    /// Terraform's `after_unknown` for one value.
    static func unknown(_ value: Value) -> JSONTree {
        switch value.content {
        case .null, .bool, .number, .string:
            return .bool(false)
        case .unknown:
            return .bool(true)
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            return .array(elements.map(unknown))
        case .map(let attributes, _), .object(let attributes):
            var members: [String: JSONTree] = [:]
            for (key, member) in attributes {
                let mirror = unknown(member)
                if case .bool(false) = mirror { continue }
                members[key] = mirror
            }
            return .object(members)
        }
    }

    /// Terraform's `after_sensitive`, `before_sensitive` and
    /// `sensitive_values` for one value.
    static func sensitive(_ value: Value) -> JSONTree {
        if value.isSensitive { return .bool(true) }
        switch value.content {
        case .null, .bool, .number, .string:
            return .bool(false)
        case .unknown(let type):
            switch type {
            case .list, .set, .tuple: return .emptyArray
            case .map, .object: return .emptyObject
            case .string, .number, .bool, .dynamic: return .bool(false)
            }
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            return .array(elements.map(sensitive))
        case .map(let attributes, _), .object(let attributes):
            var members: [String: JSONTree] = [:]
            for (key, member) in attributes {
                let mirror = sensitive(member)
                if case .bool(false) = mirror { continue }
                members[key] = mirror
            }
            return .object(members)
        }
    }

    /// A type in Terraform's JSON type notation: `"string"`,
    /// `["list","number"]`, `["object",{"a":"bool"}]`, `["tuple",[…]]`.
    static func type(_ type: ValueType) -> JSONTree {
        switch type {
        case .string: .string("string")
        case .number: .string("number")
        case .bool: .string("bool")
        case .dynamic: .string("dynamic")
        case .list(let element): .array([.string("list"), self.type(element)])
        case .set(let element): .array([.string("set"), self.type(element)])
        case .map(let element): .array([.string("map"), self.type(element)])
        case .tuple(let elements): .array([.string("tuple"), .array(elements.map { self.type($0) })])
        case .object(let attributes): .array([.string("object"), .object(attributes.mapValues { self.type($0) })])
        }
    }

    /// A path as `replace_paths` and `relevant_attributes` write it: each
    /// step an attribute name or an index (number or string).
    static func path(_ path: ValuePath) -> JSONTree {
        .array(path.steps.map { step in
            switch step {
            case .attribute(let name): .string(name)
            case .index(let key): .value(key.unmarkedDeepValue)
            }
        })
    }
}
