import Foundation
import PCAWS
import PCLang
import PCProvider

/// Reading arguments from planned objects, configurations and decoded JSON
/// replies, and building states, so resource types do not each re-invent
/// the unwrapping of `Value`.
///
/// Readers treat absent, null and unknown alike: "not set" (nil). They work
/// on objects and maps, so the same calls read a planned state and an
/// `AWSClient.json` reply (`reply.stringAttribute("clusterArn")`).
extension Value {
    /// The attribute when it is set: nil when absent, null or unknown.
    func attributeValue(_ name: String) -> Value? {
        guard let value = attributes?[name], !value.isNull, value.isKnown else { return nil }
        return value
    }

    func stringAttribute(_ name: String) -> String? {
        attributeValue(name)?.stringValue
    }

    /// A whole number; nil when unset or not an integer.
    func intAttribute(_ name: String) -> Int? {
        attributeValue(name)?.numberValue?.intValue
    }

    func doubleAttribute(_ name: String) -> Double? {
        attributeValue(name)?.numberValue?.doubleValue
    }

    func boolAttribute(_ name: String) -> Bool? {
        attributeValue(name)?.boolValue
    }

    /// The strings of a list, set or tuple attribute, in order (sets in
    /// their canonical order); unknown or null elements are skipped.
    func stringListAttribute(_ name: String) -> [String]? {
        attributeValue(name)?.elements?.compactMap(\.stringValue)
    }

    /// A map or object attribute of strings; non-string values are skipped.
    func stringMapAttribute(_ name: String) -> [String: String]? {
        guard let attributes = attributeValue(name)?.attributes else { return nil }
        return attributes.compactMapValues(\.stringValue)
    }

    /// The elements of a list or set block (or a list of objects in a
    /// JSON reply); empty when there are none.
    func blockList(_ name: String) -> [Value] {
        attributeValue(name)?.elements ?? []
    }

    /// A single nested block or JSON object; nil when absent.
    func singleBlock(_ name: String) -> Value? {
        guard let value = attributeValue(name), value.attributes != nil else { return nil }
        return value
    }

    /// A string argument the schema marks required, or a clear error if the
    /// planner somehow passed none.
    func requiredString(_ name: String, in type: String) throws(ProviderError) -> String {
        guard let value = stringAttribute(name) else {
            throw ProviderError(
                "Missing argument \"\(name)\"", detail: "\(type) needs \"\(name)\", and it is not set (or not known yet).",
                attribute: ValuePath([.attribute(name)]))
        }
        return value
    }

    // MARK: Building states

    /// An object of `schema`'s shape: `attributes` as given, every other
    /// attribute a null of its type, every block not given empty (a null
    /// single block, an empty list or set); elements of given blocks are
    /// completed the same way. Attributes the schema does not know are
    /// dropped, so a state never carries stray keys.
    static func state(_ attributes: [String: Value], schema: ResourceSchema) -> Value {
        var result: [String: Value] = [:]
        for (name, attribute) in schema.attributes {
            result[name] = attributes[name] ?? .null(attribute.type)
        }
        for (name, block) in schema.blocks {
            let elementType = block.content.valueType
            let given = attributes[name]
            switch block.nesting {
            case .single:
                if let given, !given.isNull, let inner = given.attributes {
                    result[name] = state(inner, schema: block.content)
                } else {
                    result[name] = .null(elementType)
                }
            case .list:
                let elements = (given?.elements ?? []).map { state($0.attributes ?? [:], schema: block.content) }
                result[name] = .list(elements, element: elementType)
            case .set:
                let elements = (given?.elements ?? []).map { state($0.attributes ?? [:], schema: block.content) }
                result[name] = .set(elements, element: elementType)
            }
        }
        return .object(result)
    }

    /// This object with `changes` applied (other attributes kept).
    func updating(_ changes: [String: Value]) -> Value {
        var attributes = self.attributes ?? [:]
        for (name, value) in changes { attributes[name] = value }
        return .object(attributes)
    }

    /// A string, or a null string.
    static func optionalString(_ value: String?) -> Value {
        value.map(Value.string) ?? .null(.string)
    }

    /// A number, or a null number.
    static func optionalInt(_ value: Int?) -> Value {
        value.map { .number(Number($0)) } ?? .null(.number)
    }

    /// A number, or a null number (also for a value that is not finite).
    static func optionalDouble(_ value: Double?) -> Value {
        guard let value, let number = Number(exactly: value) else { return .null(.number) }
        return .number(number)
    }

    static func optionalBool(_ value: Bool?) -> Value {
        value.map(Value.bool) ?? .null(.bool)
    }

    /// A set of strings (sets have no order: AWS's order never shows as a diff).
    static func stringSet(_ strings: [String]) -> Value {
        .set(strings.map(Value.string), element: .string)
    }

    /// A map of strings (tags).
    static func stringMap(_ map: [String: String]) -> Value {
        .map(map.mapValues(Value.string), element: .string)
    }
}

extension XMLValue {
    /// The whole number at `path`; nil when absent or not a number.
    func int(_ path: String...) -> Int? {
        descendant(path).flatMap { Int($0.text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The `true`/`false` at `path`; nil when absent or something else.
    func bool(_ path: String...) -> Bool? {
        switch descendant(path)?.text.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
