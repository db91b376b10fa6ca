import PCConfig
import PCLang
import PCState

/// Values to and from the state's JSON columns. Sensitive paths are
/// recorded as Terraform records `sensitive_attributes`: a list of paths,
/// each a list of `{"type":"get_attr","value":NAME}` or
/// `{"type":"index","value":{"value":KEY,"type":"number"|"string"}}` steps.
public enum StateValues {
    /// The recorded object, typed by the schema when there is one, with
    /// its sensitive marks restored.
    public static func value(of record: ResourceInstanceRecord, type: ValueType?) -> Value? {
        let decoded: Value?
        if let type {
            decoded = (try? Value.fromJSON(record.attributesJSON, as: type)) ?? reshaped(record.attributesJSON, as: type)
        } else {
            decoded = try? Value.fromJSON(record.attributesJSON)
        }
        guard let decoded else { return nil }
        return decoded.markingSensitive(at: sensitivePaths(fromJSON: record.sensitivePathsJSON))
    }

    /// A recorded object read into a schema that changed since it was
    /// written: attributes the schema no longer has are dropped, new ones
    /// are null, and the rest are converted. Nil if it still does not fit.
    static func reshaped(_ json: String, as type: ValueType) -> Value? {
        guard case .object(let fields) = type, let recorded = (try? Value.fromJSON(json))?.attributes else { return nil }
        var result: [String: Value] = [:]
        for (name, fieldType) in fields {
            guard let value = recorded[name], !value.isNull else {
                result[name] = .null(fieldType)
                continue
            }
            guard let converted = try? Conversion.convert(value, to: fieldType) else { return nil }
            result[name] = converted
        }
        return .object(result)
    }

    /// An address's instance key as the state records it.
    public static func stateKey(_ key: PCConfig.InstanceKey?) -> PCState.InstanceKey? {
        switch key {
        case .index(let index)?: .int(index)
        case .key(let name)?: .string(name)
        case nil: nil
        }
    }

    /// The attributes JSON and sensitive paths JSON of a value to record.
    /// Unknown values cannot be recorded; they become null.
    public static func columns(of value: Value) -> (attributes: String, sensitivePaths: String) {
        let (plain, paths) = value.unmarkedDeep()
        let known = plain.isWhollyKnown ? plain : replacingUnknowns(plain)
        let attributes = (try? known.jsonString()) ?? "{}"
        return (attributes, sensitivePathsJSON(paths))
    }

    static func replacingUnknowns(_ value: Value) -> Value {
        switch value.content {
        case .unknown(let type): return .null(type)
        case .list(let elements, let element): return .list(elements.map(replacingUnknowns), element: element)
        case .set(let elements, let element): return .set(elements.map(replacingUnknowns), element: element)
        case .tuple(let elements): return .tuple(elements.map(replacingUnknowns))
        case .map(let attributes, let element): return .map(attributes.mapValues(replacingUnknowns), element: element)
        case .object(let attributes): return .object(attributes.mapValues(replacingUnknowns))
        default: return value
        }
    }

    public static func sensitivePathsJSON(_ paths: [ValuePath]) -> String {
        let steps: [Value] = paths.map { path in
            .tuple(path.steps.map { step in
                switch step {
                case .attribute(let name):
                    return .object(["type": .string("get_attr"), "value": .string(name)])
                case .index(let key):
                    let kind = key.numberValue != nil ? "number" : "string"
                    return .object(["type": .string("index"), "value": .object(["value": key, "type": .string(kind)])])
                }
            })
        }
        return (try? Value.tuple(steps).jsonString()) ?? "[]"
    }

    public static func sensitivePaths(fromJSON text: String) -> [ValuePath] {
        guard text != "[]", let decoded = try? Value.fromJSON(text), let paths = decoded.elements else { return [] }
        return paths.compactMap { path in
            guard let steps = path.elements else { return nil }
            var result: [PathStep] = []
            for step in steps {
                guard let attributes = step.attributes, let kind = attributes["type"]?.stringValue else { return nil }
                if kind == "get_attr", let name = attributes["value"]?.stringValue {
                    result.append(.attribute(name))
                } else if kind == "index", let key = attributes["value"]?.attributes?["value"] {
                    result.append(.index(key))
                } else {
                    return nil
                }
            }
            return ValuePath(result)
        }
    }
}
