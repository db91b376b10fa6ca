import PCDiagnostics
import PCLSyntax

// Templates, object constructors and `for` expressions.
extension EvaluationRun {
    mutating func template(_ node: SyntaxExpression.Template) -> Value {
        var text = ""
        var sensitive = false
        var unknown = false
        for part in node.parts {
            let value = evaluate(part)
            sensitive = sensitive || value.containsSensitive
            guard let piece = templatePiece(value, range: part.range) else {
                unknown = true
                continue
            }
            text += piece
        }
        return (unknown ? Value.unknown(.string) : Value.string(text)).marked(sensitive: sensitive)
    }

    /// The string an interpolated value contributes, or nil when it is
    /// unknown or unusable (after reporting why).
    mutating func templatePiece(_ value: Value, range: SourceRange) -> String? {
        let plain = value.unmarkedDeepValue
        if case .unknown = plain.content { return nil }
        if plain.isNull {
            report(.invalidTemplateValue,
                   "The expression result is null. Cannot include a null value in a string template.", at: range)
            return nil
        }
        guard let string = (try? Conversion.convert(plain, to: .string))?.stringValue else {
            report(.invalidTemplateValue,
                   "Cannot include the given value in a string template: string required, but the value is \(plain.type.friendlyName).",
                   at: range)
            return nil
        }
        return string
    }

    mutating func templateIf(_ node: SyntaxExpression.TemplateIf) -> Value {
        let condition = evaluate(node.condition)
        let plain = condition.unmarkedDeepValue
        if case .unknown = plain.content { return Value.unknown(.string).marked(sensitive: condition.isSensitive) }
        guard !plain.isNull, let decided = (try? Conversion.convert(plain, to: .bool))?.boolValue else {
            report(.incorrectConditionType, "The condition of an %{if} directive must be a bool.", at: node.condition.range)
            return .unknown(.string)
        }
        if decided { return template(node.trueResult).marked(sensitive: condition.isSensitive) }
        guard let falseResult = node.falseResult else { return Value.string("").marked(sensitive: condition.isSensitive) }
        return template(falseResult).marked(sensitive: condition.isSensitive)
    }

    mutating func templateFor(_ node: SyntaxExpression.TemplateFor) -> Value {
        let collection = evaluate(node.collection)
        guard let pairs = iterationPairs(collection, range: node.collection.range) else {
            return Value.unknown(.string).marked(sensitive: collection.isSensitive)
        }
        var text = ""
        var unknown = false
        var sensitive = collection.isSensitive
        let saved = locals
        for (key, value) in pairs {
            if let keyName = node.keyVariable { locals[keyName] = key }
            locals[node.valueVariable] = value
            let piece = template(node.body)
            sensitive = sensitive || piece.isSensitive
            if let string = piece.stringValue { text += string } else { unknown = true }
        }
        locals = saved
        return (unknown ? Value.unknown(.string) : Value.string(text)).marked(sensitive: sensitive)
    }

    /// The key/value pairs a `for` walks: index and element for sequences,
    /// the element twice for sets, key and element for maps and objects.
    /// Nil (after a diagnostic where needed) when it cannot walk the value.
    mutating func iterationPairs(_ collection: Value, range: SourceRange) -> [(Value, Value)]? {
        let sensitive = collection.isSensitive
        switch collection.content {
        case .unknown:
            return nil
        case .null:
            report(.invalidForExpressionValue, "A null value cannot be used as the collection in a 'for' expression.", at: range)
            return nil
        case .list(let elements, _), .tuple(let elements):
            return elements.enumerated().map { (Value.number($0.offset), $0.element.marked(sensitive: sensitive)) }
        case .set(let elements, _):
            return elements.map { ($0.marked(sensitive: sensitive), $0.marked(sensitive: sensitive)) }
        case .map(let attributes, _), .object(let attributes):
            return Value.sortedKeys(attributes).map { (Value.string($0), attributes[$0]!.marked(sensitive: sensitive)) }
        default:
            report(.invalidForExpressionValue,
                   "A 'for' expression must have a list, set, tuple, map or object as its collection; this value is \(collection.type.friendlyName).",
                   at: range)
            return nil
        }
    }

    mutating func object(_ node: SyntaxExpression.Object) -> Value {
        var attributes: [String: Value] = [:]
        attributes.reserveCapacity(node.items.count)
        var unknownKey = false
        for item in node.items {
            let name: String
            if case .scopeTraversal(let traversal) = item.key, traversal.steps.isEmpty {
                name = traversal.root
            } else {
                let key = evaluate(item.key)
                let plain = key.unmarkedDeepValue
                if case .unknown = plain.content {
                    unknownKey = true
                    _ = evaluate(item.value)
                    continue
                }
                guard !plain.isNull, let string = (try? Conversion.convert(plain, to: .string))?.stringValue else {
                    report(.invalidExpression, summary: "Incorrect key type",
                           "An object key must be a string, but this key is \(plain.isNull ? "null" : plain.type.friendlyName).",
                           at: item.key.range)
                    _ = evaluate(item.value)
                    continue
                }
                name = string
            }
            let value = evaluate(item.value)
            if attributes[name] != nil {
                report(.duplicateObjectKey, summary: "Duplicate object attribute",
                       "An attribute named \"\(name)\" was already defined in this object.", at: item.key.range)
                continue
            }
            attributes[name] = value
        }
        return unknownKey ? .unknown : .object(attributes)
    }

    mutating func forExpression(_ node: SyntaxExpression.ForExpression) -> Value {
        let collection = evaluate(node.collection)
        guard let pairs = iterationPairs(collection, range: node.collection.range) else {
            return Value.unknown.marked(sensitive: collection.isSensitive)
        }
        let sensitive = collection.isSensitive
        let saved = locals
        defer { locals = saved }
        var elements: [Value] = []
        var object: [String: Value] = [:]
        var groups: [String: [Value]] = [:]
        var unknown = false
        for (key, value) in pairs {
            if let keyName = node.keyVariable { locals[keyName] = key }
            locals[node.valueVariable] = value
            if let conditionExpression = node.condition {
                let condition = evaluate(conditionExpression)
                let plain = condition.unmarkedDeepValue
                if case .unknown = plain.content {
                    unknown = true
                    continue
                }
                guard !plain.isNull, let include = (try? Conversion.convert(plain, to: .bool))?.boolValue else {
                    report(.invalidForExpressionValue, "The 'if' clause of a 'for' expression must produce a bool.", at: conditionExpression.range)
                    return .unknown
                }
                if !include { continue }
            }
            guard node.isObject, let keyExpression = node.keyResult else {
                elements.append(evaluate(node.valueResult))
                continue
            }
            let keyValue = evaluate(keyExpression).unmarkedDeepValue
            if case .unknown = keyValue.content {
                unknown = true
                continue
            }
            guard !keyValue.isNull, let name = (try? Conversion.convert(keyValue, to: .string))?.stringValue else {
                report(.invalidForExpressionValue, "The key expression of a 'for' expression must produce a string.", at: keyExpression.range)
                return .unknown
            }
            let result = evaluate(node.valueResult)
            if node.isGrouped {
                groups[name, default: []].append(result)
            } else if object[name] != nil {
                report(.duplicateObjectKey,
                       "Two elements produced the key \"\(name)\". If duplicates are expected, add an ellipsis (...) after the value expression to group the elements by key.",
                       at: keyExpression.range, context: node.range)
                return .unknown
            } else {
                object[name] = result
            }
        }
        if unknown { return Value.unknown.marked(sensitive: sensitive) }
        if !node.isObject { return Value.tuple(elements).marked(sensitive: sensitive) }
        if node.isGrouped { return Value.object(groups.mapValues { Value.tuple($0) }).marked(sensitive: sensitive) }
        return Value.object(object).marked(sensitive: sensitive)
    }
}
