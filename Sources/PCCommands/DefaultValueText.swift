import PCDiagnostics
import PCLSyntax
import PCLang

/// A variable's default as one line of PCL, for a table cell: `"pc"`, `2`,
/// `null`, `["a", "b"]`, `{ name = "web", port = 80 }`.
///
/// Terraform requires a default to be a literal value, so it is evaluated
/// with no names and no functions, and the value is written back in one
/// canonical form whatever the layout of the source: strings quoted as the
/// language reads them (a newline as `\n`), object keys sorted. A default
/// that is not a constant (which `pcplan plan` would reject anyway) is shown
/// as its source, on one line.
enum DefaultValueText {
    static func render(_ expression: SyntaxExpression, in file: SourceFile) -> String {
        let evaluator = Evaluator(functions: FunctionLibrary([]), context: FunctionContext(baseDirectory: "."))
        let (value, problems) = evaluator.evaluate(expression, in: file, resolver: NoReferences())
        guard !problems.hasErrors, value.isWhollyKnown else {
            return CompactExpression.render(expression, in: file)
        }
        return render(value)
    }

    /// `value` as a one-line literal; the canonical style of `pcplan fmt`
    /// (spaces inside braces, none inside brackets).
    static func render(_ value: Value) -> String {
        switch value.content {
        case .null, .unknown:
            return "null"
        case .bool(let flag):
            return flag ? "true" : "false"
        case .number(let number):
            return number.description
        case .string(let string):
            return string.hclQuoted
        case .list(let elements, _), .set(let elements, _), .tuple(let elements):
            return "[" + elements.map(render).joined(separator: ", ") + "]"
        case .map(let entries, _), .object(let entries):
            guard !entries.isEmpty else { return "{}" }
            let items = Value.sortedKeys(entries).map { key in
                (key.isIdentifier ? key : key.hclQuoted) + " = " + render(entries[key]!)
            }
            return "{ " + items.joined(separator: ", ") + " }"
        }
    }
}
