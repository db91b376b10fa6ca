import Foundation
import PCLang
import PCProvider

/// Small pieces the storage types share: states for objects that exist but
/// could not be read back, generated unique names, and plan-time checks.
enum StorageStateSupport {
    /// `planned` with `changes` applied and every unknown left made null: the
    /// state to hand the applier (as `createdObject`) when an object was
    /// created but reading it back failed. It is recorded tainted, so the
    /// nulls never drive a plan on their own.
    static func knownState(_ planned: Value, _ changes: [String: Value], schema: ResourceSchema) -> Value {
        var attributes = planned.updating(changes).attributes ?? [:]
        for (name, value) in attributes where !value.isWhollyKnown {
            attributes[name] = .null(schema.attributes[name]?.type ?? schema.blocks[name]?.valueType ?? .dynamic)
        }
        return .state(attributes, schema: schema)
    }

    /// `prefix` followed by random lowercase hex digits, `length` characters
    /// in all: names and creation tokens made at plan time, so that the
    /// plan shows them and a dead run's object can be found by them.
    static func uniqueName(prefix: String, length: Int) -> String {
        var name = prefix
        while name.count < length {
            name += String(UInt64.random(in: 0...UInt64.max), radix: 16)
        }
        return String(name.prefix(length))
    }

    /// Tags as read back: no tags stay null when the prior state (or the
    /// plan) had none set, so a configuration without `tags` plans no change.
    static func tags(_ tags: [String: String], prior: Value) -> Value {
        if tags.isEmpty, prior.attributes?["tags"]?.isNull ?? true { return .null(.map(.string)) }
        return AWSTags.value(tags)
    }

    /// An error about one argument, pointing at it.
    static func invalid(_ summary: String, _ detail: String, attribute: String) -> ProviderError {
        ProviderError(summary, detail: detail, attribute: ValuePath([.attribute(attribute)]))
    }

    /// The set of strings an attribute holds, or nil while unknown or unset.
    static func knownStrings(_ object: Value, _ name: String) -> Set<String>? {
        guard let value = object.attributes?[name], !value.isNull, value.isWhollyKnown else { return nil }
        return Set(value.elements?.compactMap(\.stringValue) ?? [])
    }
}
