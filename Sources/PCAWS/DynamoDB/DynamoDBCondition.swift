import PCLang

/// A condition a write must meet, checked by DynamoDB atomically with the
/// write: the way to say "only if nobody holds this lock" or "only if the
/// serial is still 7" without a race.
///
/// Built as a tree and rendered into DynamoDB's condition expression with
/// placeholders for every name (`#n0`) and value (`:v0`), so attribute
/// names that are reserved words (`Name`, `Status`, `Size`) need no care
/// and values never have to be escaped. Names are top-level attributes.
public indirect enum DynamoDBCondition: Sendable, Hashable {
    case attributeExists(String)
    case attributeNotExists(String)
    /// `name <op> value`.
    case compare(String, Comparison, DynamoDBAttributeValue)
    /// The string attribute starts with the text.
    case beginsWith(String, String)
    /// The string attribute contains the text, or the set contains the member.
    case contains(String, DynamoDBAttributeValue)
    case and(DynamoDBCondition, DynamoDBCondition)
    case or(DynamoDBCondition, DynamoDBCondition)
    case not(DynamoDBCondition)

    public enum Comparison: String, Sendable, Hashable {
        case equal = "="
        case notEqual = "<>"
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
    }

    /// `name = value`.
    public static func equals(_ name: String, _ value: DynamoDBAttributeValue) -> DynamoDBCondition {
        .compare(name, .equal, value)
    }

    /// The condition as request members: `ConditionExpression` and the
    /// name and value tables it refers to (each present only when used,
    /// as DynamoDB rejects empty ones).
    public var rendered: Rendered {
        var renderer = Renderer()
        let expression = renderer.render(self, nested: false)
        return Rendered(expression: expression, names: renderer.names, values: renderer.values)
    }

    /// What a request carries for a condition.
    public struct Rendered: Sendable, Equatable {
        public var expression: String
        /// `#n0` → attribute name.
        public var names: [String: String]
        /// `:v0` → value.
        public var values: [String: DynamoDBAttributeValue]

        /// Adds `ConditionExpression`, `ExpressionAttributeNames` and
        /// `ExpressionAttributeValues` to a request body.
        public func add(to body: inout [String: Value]) {
            body["ConditionExpression"] = .string(expression)
            if !names.isEmpty { body["ExpressionAttributeNames"] = .object(names.mapValues(Value.string)) }
            if !values.isEmpty { body["ExpressionAttributeValues"] = DynamoDBAttributeValue.wireItem(values) }
        }
    }

    /// Hands out placeholders; the same attribute name reuses its
    /// placeholder, every value gets its own.
    private struct Renderer {
        var names: [String: String] = [:]
        var values: [String: DynamoDBAttributeValue] = [:]
        private var placeholderOfName: [String: String] = [:]

        mutating func name(_ attribute: String) -> String {
            if let existing = placeholderOfName[attribute] { return existing }
            let placeholder = "#n\(placeholderOfName.count)"
            placeholderOfName[attribute] = placeholder
            names[placeholder] = attribute
            return placeholder
        }

        mutating func value(_ value: DynamoDBAttributeValue) -> String {
            let placeholder = ":v\(values.count)"
            values[placeholder] = value
            return placeholder
        }

        /// `nested` wraps compound conditions in parentheses, so `and` of
        /// `or`s keeps its meaning whatever DynamoDB's precedence.
        mutating func render(_ condition: DynamoDBCondition, nested: Bool) -> String {
            switch condition {
            case .attributeExists(let attribute):
                return "attribute_exists(\(name(attribute)))"
            case .attributeNotExists(let attribute):
                return "attribute_not_exists(\(name(attribute)))"
            case .compare(let attribute, let comparison, let operand):
                let left = name(attribute)
                return "\(left) \(comparison.rawValue) \(value(operand))"
            case .beginsWith(let attribute, let prefix):
                let left = name(attribute)
                return "begins_with(\(left), \(value(.string(prefix))))"
            case .contains(let attribute, let operand):
                let left = name(attribute)
                return "contains(\(left), \(value(operand)))"
            case .and(let left, let right):
                return join(left, right, with: "AND", nested: nested)
            case .or(let left, let right):
                return join(left, right, with: "OR", nested: nested)
            case .not(let inner):
                return "NOT (\(render(inner, nested: false)))"
            }
        }

        private mutating func join(
            _ left: DynamoDBCondition, _ right: DynamoDBCondition, with word: String, nested: Bool
        ) -> String {
            let first = render(left, nested: true)
            let text = "\(first) \(word) \(render(right, nested: true))"
            return nested ? "(\(text))" : text
        }
    }
}
