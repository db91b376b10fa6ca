/// Writes constant values back as expressions of the language, for
/// printing the defaults of `optional(T, default)`.
enum ConstantSyntax {
    static func render(_ value: Value) -> String {
        switch value.content {
        case .null, .unknown: return "null"
        case .bool(let bool): return bool ? "true" : "false"
        case .number(let number): return number.description
        case .string(let string): return quoted(string)
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            return "[" + elements.map(render).joined(separator: ", ") + "]"
        case .map(let entries, _), .object(let entries):
            let items = Value.sortedKeys(entries).map { key in
                (isIdentifier(key) ? key : quoted(key)) + " = " + render(entries[key]!)
            }
            return "{" + items.joined(separator: ", ") + "}"
        }
    }

    /// A quoted string literal; `${` and `%{` are escaped so the text stays
    /// literal when read back.
    static func quoted(_ text: String) -> String {
        var result = "\""
        var previous: Character?
        for character in text {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "{" where previous == "$" || previous == "%":
                result.append(previous == "$" ? "$" : "%")
                result.append("{")
            default: result.append(character)
            }
            previous = character
        }
        return result + "\""
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isXIDStart || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isXIDContinue || $0 == "-" }
    }
}
