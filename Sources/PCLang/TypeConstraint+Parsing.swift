import PCDiagnostics
import PCLSyntax

extension TypeConstraint {
    /// Reads a type constraint from the expression of a variable's `type`
    /// argument, with Terraform's rules and messages: keywords (`string`,
    /// `any`), constructor calls (`list(string)`, `object({…})`),
    /// `optional(T, default)` inside objects, the legacy bare `list` and
    /// `map` (meaning `list(any)` and `map(any)`), and a clear error for the
    /// quoted forms of Terraform 0.11.
    ///
    /// Nil when the expression is not a valid constraint: the diagnostics
    /// say why and point at the offending part (an `invalid` node, which
    /// the parser has already reported, gives nil with no diagnostic).
    public static func parse(_ expression: SyntaxExpression, in file: SourceFile) -> (TypeConstraint?, [Diagnostic]) {
        if case .template(let template) = expression, template.parts.count == 1,
           case .literal(let literal) = template.parts[0], case .string(let text) = literal.value {
            return (nil, [quotedConstraintDiagnostic(text, range: expression.range, file: file)])
        }
        switch TypeConstraintParser.keyword(expression) {
        case "list": return (.list(.any), [])
        case "map": return (.map(.any), [])
        default: break
        }
        var parser = TypeConstraintParser(file: file)
        let constraint = parser.constraint(expression)
        let failed = parser.failed || parser.diagnostics.hasErrors
        return (failed ? nil : constraint, parser.diagnostics)
    }

    private static func quotedConstraintDiagnostic(_ text: String, range: SourceRange, file: SourceFile) -> Diagnostic {
        let intro = "Terraform 0.11 and earlier required type constraints to be given in quotes, but that form is now deprecated and will be removed in a future version of Terraform."
        switch text {
        case "string":
            return Diagnostic(code: .quotedTypeConstraint, detail: intro + " Remove the quotes around \"string\".", file: file, subject: range)
        case "list", "map":
            return Diagnostic(
                code: .quotedTypeConstraint,
                detail: intro + " Remove the quotes around \"\(text)\" and write \(text)(string) instead to explicitly indicate that the \(text) elements are strings.",
                file: file, subject: range)
        default:
            return Diagnostic(
                code: .invalidLegacyTypeHint,
                detail: "To provide a full type expression, remove the surrounding quotes and give the type expression directly.",
                file: file, subject: range)
        }
    }
}

/// One parse of a type expression, collecting diagnostics. Where a part is
/// wrong it stands as `any` so the rest is still checked, as Terraform does.
struct TypeConstraintParser {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []
    /// Set for problems reported elsewhere (syntax errors).
    var failed = false

    init(file: SourceFile) {
        self.file = file
    }

    /// The name of a bare keyword expression: `string`, not `var.x` or
    /// `(string)`.
    static func keyword(_ expression: SyntaxExpression) -> String? {
        guard case .scopeTraversal(let traversal) = expression, traversal.steps.isEmpty else { return nil }
        return traversal.root
    }

    private mutating func invalid(_ detail: String, at subject: SourceRange, context: SourceRange? = nil) -> TypeConstraint {
        diagnostics.append(Diagnostic(code: .invalidTypeSpecification, detail: detail, file: file, subject: subject, context: context))
        return .any
    }

    private static func requiresArgumentDetail(_ name: String) -> String? {
        switch name {
        case "list", "set", "map": "The \(name) type constructor requires one argument specifying the element type."
        case "object": "The object type constructor requires one argument specifying the attribute types and values as a map."
        case "tuple": "The tuple type constructor requires one argument specifying the element types as a list."
        default: nil
        }
    }

    mutating func constraint(_ expression: SyntaxExpression) -> TypeConstraint {
        if case .invalid = expression {
            failed = true
            return .any
        }
        if let keyword = Self.keyword(expression) {
            switch keyword {
            case "bool": return .bool
            case "string": return .string
            case "number": return .number
            case "any": return .any
            default:
                let detail = Self.requiresArgumentDetail(keyword)
                    ?? "The keyword \(keyword.goQuoted) is not a valid type specification."
                return invalid(detail, at: expression.range)
            }
        }
        guard case .functionCall(let call) = expression else {
            return invalid(
                "A type specification is either a primitive type keyword (bool, number, string) or a complex type constructor call, like list(string).",
                at: expression.range)
        }
        let argumentsRange = call.openParenRange.union(call.closeParenRange)
        switch call.name {
        case "bool", "string", "number":
            return invalid("Primitive type keyword \(call.name.goQuoted) does not expect arguments.", at: argumentsRange)
        case "any":
            return invalid("Type constraint keyword \(call.name.goQuoted) does not expect arguments.", at: argumentsRange)
        default:
            break
        }
        if call.arguments.count != 1, let detail = Self.requiresArgumentDetail(call.name) {
            var subject = argumentsRange
            if call.arguments.count > 1 {
                // Too many: point at the extra ones.
                subject = call.arguments[1].range.union(call.arguments[call.arguments.count - 1].range)
            }
            return invalid(detail, at: subject, context: argumentsRange)
        }
        switch call.name {
        case "list": return .list(constraint(call.arguments[0]))
        case "set": return .set(constraint(call.arguments[0]))
        case "map": return .map(constraint(call.arguments[0]))
        case "tuple":
            guard case .tuple(let tuple) = call.arguments[0] else {
                return invalid("Tuple type constructor requires a list of element types.", at: call.arguments[0].range, context: expression.range)
            }
            return .tuple(tuple.elements.map { constraint($0) })
        case "object":
            guard case .object(let object) = call.arguments[0] else {
                return invalid(
                    "Object type constructor requires a map whose keys are attribute names and whose values are the corresponding attribute types.",
                    at: call.arguments[0].range, context: expression.range)
            }
            return .object(attributes(object, context: expression.range))
        case "optional":
            return invalid("Keyword \"optional\" is valid only as a modifier for object type attributes.", at: call.nameRange)
        default:
            return invalid("Keyword \(call.name.goQuoted) is not a valid type constructor.", at: expression.range)
        }
    }

    private mutating func attributes(_ object: SyntaxExpression.Object, context: SourceRange) -> [TypeConstraint.Attribute] {
        var result: [TypeConstraint.Attribute] = []
        var seen: Set<String> = []
        for item in object.items {
            guard let name = Self.keyword(item.key) else {
                _ = invalid("Object constructor map keys must be attribute names.", at: item.key.range, context: context)
                continue
            }
            guard seen.insert(name).inserted else {
                _ = invalid("Object constructor map keys must be unique.", at: item.key.range, context: context)
                continue
            }
            if let attribute = attribute(named: name, item.value) {
                result.append(attribute)
            }
        }
        return result
    }

    /// One attribute's type, unwrapping `optional(…)`; nil when the
    /// modifier has no type to unwrap.
    private mutating func attribute(named name: String, _ expression: SyntaxExpression) -> TypeConstraint.Attribute? {
        guard case .functionCall(let call) = expression, call.name == "optional" else {
            return TypeConstraint.Attribute(name, constraint(expression))
        }
        let argumentsRange = call.openParenRange.union(call.closeParenRange)
        guard let typeExpression = call.arguments.first else {
            _ = invalid("Optional attribute modifier requires the attribute type as its argument.", at: argumentsRange, context: expression.range)
            return nil
        }
        var isOptional = true
        var defaultExpression: SyntaxExpression?
        var defaultValue: Value?
        switch call.arguments.count {
        case 1:
            break
        case 2:
            defaultExpression = call.arguments[1]
            defaultValue = evaluateDefault(call.arguments[1])
            isOptional = defaultValue != nil
        default:
            _ = invalid(
                "Optional attribute modifier expects at most two arguments: the attribute type, and a default value.",
                at: argumentsRange, context: expression.range)
            isOptional = false
        }
        let attributeConstraint = constraint(typeExpression)
        if let value = defaultValue, let defaultExpression {
            do {
                defaultValue = try Conversion.convert(value, to: attributeConstraint.target, path: ValuePath())
            } catch {
                diagnostics.append(Diagnostic(
                    code: .invalidOptionalDefault,
                    detail: "This default value is not compatible with the attribute's type constraint: \(error.message).",
                    file: file, subject: defaultExpression.range))
                defaultValue = nil
            }
        }
        return TypeConstraint.Attribute(name, attributeConstraint, optional: isOptional, default: defaultValue)
    }
}
