/// Writes constant values back as expressions of the language, for
/// printing the defaults of `optional(T, default)`.
enum ConstantSyntax {
    static func render(_ value: Value) -> String {
        switch value.content {
        case .null, .unknown: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let number): return number.description
        case .string(let string): return string.hclQuoted
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            return "[" + elements.map(render).joined(separator: ", ") + "]"
        case .map(let entries, _), .object(let entries):
            let items = Value.sortedKeys(entries).map { key in
                (key.isIdentifier ? key : key.hclQuoted) + " = " + render(entries[key]!)
            }
            return "{" + items.joined(separator: ", ") + "}"
        }
    }
}
