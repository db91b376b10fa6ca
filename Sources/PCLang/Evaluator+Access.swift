import PCDiagnostics
import PCLSyntax

// Attribute access, indexing and splats.
extension EvaluationRun {
    mutating func attribute(_ value: Value, name: String, range: SourceRange) -> Value {
        let sensitive = value.isSensitive
        switch value.content {
        case .unknown(let type):
            if case .object(let attributes) = type {
                guard let attributeType = attributes[name] else {
                    report(.unsupportedAttribute, "This object does not have an attribute named \"\(name)\".", at: range)
                    return .unknown
                }
                return Value.unknown(attributeType).marked(sensitive: sensitive)
            }
            if case .map(let element) = type { return Value.unknown(element).marked(sensitive: sensitive) }
            return Value.unknown.marked(sensitive: sensitive)
        case .null:
            report(.unsupportedAttribute, summary: "Attempt to get attribute from null value",
                   "This value is null, so it does not have any attributes.", at: range)
            return .unknown
        case .object(let attributes):
            guard let attribute = attributes[name] else {
                let suggestion = Suggestion.closest(to: name, among: attributes.keys)
                    .map { " Did you mean \"\($0)\"?" } ?? ""
                report(.unsupportedAttribute, "This object does not have an attribute named \"\(name)\".\(suggestion)", at: range)
                return .unknown
            }
            return attribute.marked(sensitive: sensitive)
        case .map(let elements, _):
            guard let element = elements[name] else {
                report(.unsupportedAttribute, "This map does not have an element with the key \"\(name)\".", at: range)
                return .unknown
            }
            return element.marked(sensitive: sensitive)
        case .list, .tuple, .set:
            report(.unsupportedAttribute,
                   "Can't access attributes on a list of objects. Did you mean to access attribute \"\(name)\" for a specific element of the list, or across all elements of the list with a splat (\"[*].\(name)\")?",
                   at: range)
            return .unknown
        default:
            report(.unsupportedAttribute, "Can't access attributes on a primitive-typed value (\(value.type.friendlyName)).", at: range)
            return .unknown
        }
    }

    mutating func index(_ collection: Value, key: Value, range: SourceRange, keyRange: SourceRange) -> Value {
        let sensitive = collection.isSensitive || key.isSensitive
        if key.isNull {
            report(.invalidIndex, "Can't use a null value as an indexing key.", at: keyRange)
            return .unknown
        }
        switch collection.content {
        case .null:
            report(.invalidIndex, summary: "Attempt to index null value", "This value is null, so it does not have any indices.", at: range)
            return .unknown
        case .unknown(let type):
            if let element = type.elementType { return Value.unknown(element).marked(sensitive: sensitive) }
            return Value.unknown.marked(sensitive: sensitive)
        case .list(let elements, _), .tuple(let elements):
            guard key.isKnown else { return Value.unknown.marked(sensitive: sensitive) }
            guard let number = (try? Conversion.convert(key.unmarkedDeepValue, to: .number))?.numberValue else {
                report(.invalidIndex, "The given key does not identify an element in this collection value: a number is required.", at: keyRange)
                return .unknown
            }
            guard let position = number.intValue, number.isInteger, elements.indices.contains(position) else {
                let detail = number.isInteger && !number.isNegative
                    ? "The given key does not identify an element in this collection value: the collection has \(elements.count) element\(elements.count == 1 ? "" : "s")."
                    : "The given key does not identify an element in this collection value: the index must be a whole number, zero or greater."
                report(.invalidIndex, detail, at: keyRange)
                return .unknown
            }
            return elements[position].marked(sensitive: sensitive)
        case .map(let elements, _), .object(let elements):
            guard key.isKnown else { return Value.unknown.marked(sensitive: sensitive) }
            guard let name = (try? Conversion.convert(key.unmarkedDeepValue, to: .string))?.stringValue else {
                report(.invalidIndex, "The given key does not identify an element in this collection value: a string is required.", at: keyRange)
                return .unknown
            }
            guard let element = elements[name] else {
                report(.invalidIndex, "The given key does not identify an element in this collection value.", at: keyRange)
                return .unknown
            }
            return element.marked(sensitive: sensitive)
        case .set:
            report(.invalidIndex,
                   "Elements of a set are identified only by their value and don't have any separate index or key to select with, so it's only possible to perform operations across all elements of the set.",
                   at: range)
            return .unknown
        default:
            report(.invalidIndex, "This value does not have any indices.", at: range)
            return .unknown
        }
    }

    /// `x[*].a`: applies the rest to each element. A null source gives an
    /// empty tuple and any other single value is treated as a one-element
    /// tuple, as Terraform does.
    mutating func splat(_ node: SyntaxExpression.Splat) -> Value {
        let source = evaluate(node.source)
        let sensitive = source.isSensitive
        let elements: [Value]
        var resultIsList = false
        switch source.content {
        case .null:
            return Value.emptyTuple.marked(sensitive: sensitive)
        case .unknown:
            return Value.unknown.marked(sensitive: sensitive)
        case .list(let items, _), .set(let items, _):
            elements = items
            resultIsList = true
        case .tuple(let items):
            elements = items
        default:
            elements = [source.marked(sensitive: false)]
        }
        let saved = locals[EvaluationRun.splatItemName]
        var results: [Value] = []
        results.reserveCapacity(elements.count)
        for element in elements {
            locals[EvaluationRun.splatItemName] = element
            results.append(evaluate(node.each))
        }
        locals[EvaluationRun.splatItemName] = saved
        if resultIsList, let type = Conversion.unify(results.map(\.type)),
           let converted = try? results.map({ value throws(ConversionError) in try Conversion.convert(value, to: type) }) {
            return Value.list(converted, element: type).marked(sensitive: sensitive)
        }
        return Value.tuple(results).marked(sensitive: sensitive)
    }
}
