import PCDiagnostics
import PCLSyntax

// Function calls, including the three that take expressions rather than
// values: `can`, `try` and `templatestring`.
extension EvaluationRun {
    mutating func functionCall(_ node: SyntaxExpression.FunctionCall) -> Value {
        let name = node.name.hasPrefix("core::") ? String(node.name.dropFirst(6)) : node.name
        switch name {
        case "can": return can(node)
        case "try": return tryCall(node)
        case "templatestring": return templateString(node)
        default: break
        }
        let library = evaluator.functions
        guard let function = library.function(named: name) else {
            let suggestion = Suggestion.closest(to: name, among: library.functions.keys).map { " Did you mean \"\($0)\"?" } ?? ""
            report(.callToUnknownFunction, "There is no function named \"\(node.name)\".\(suggestion)", at: node.nameRange)
            for argument in node.arguments { _ = evaluate(argument) }
            return .unknown
        }
        var arguments: [Value] = []
        var argumentRanges: [SourceRange] = []
        for (position, expression) in node.arguments.enumerated() {
            let value = evaluate(expression)
            guard node.expandsFinalArgument, position == node.arguments.count - 1 else {
                arguments.append(value)
                argumentRanges.append(expression.range)
                continue
            }
            switch value.content {
            case .list(let elements, _), .set(let elements, _), .tuple(let elements):
                arguments += elements.map { $0.marked(sensitive: value.isSensitive) }
                argumentRanges += Array(repeating: expression.range, count: elements.count)
            case .unknown:
                return Value.unknown(function.returnType).marked(sensitive: value.isSensitive)
            default:
                report(.invalidExpandingArgument,
                       "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", at: expression.range)
                return .unknown(function.returnType)
            }
        }
        do {
            return try library.call(function, arguments: arguments, context: evaluator.context)
        } catch {
            if let index = error.argument, index < argumentRanges.count {
                report(.invalidFunctionArgument, error.message, at: argumentRanges[index], context: node.range)
            } else {
                report(.errorInFunctionCall, "Call to function \"\(node.name)\" failed: \(error.message)", at: node.range)
            }
            return .unknown(function.returnType)
        }
    }

    /// Evaluates `expression` apart, returning its value only if it raised
    /// no error.
    mutating func attempt(_ expression: SyntaxExpression) -> (value: Value, errors: [Diagnostic]) {
        let saved = diagnostics
        diagnostics = []
        let value = evaluate(expression)
        let errors = diagnostics.filter(\.isError)
        diagnostics = saved
        return (value, errors)
    }

    mutating func can(_ node: SyntaxExpression.FunctionCall) -> Value {
        guard node.arguments.count == 1, !node.expandsFinalArgument else {
            report(.invalidFunctionArgument, summary: "Invalid number of arguments",
                   "Function \"can\" expects exactly one argument: the expression to try.", at: node.range)
            return .unknown(.bool)
        }
        let (value, errors) = attempt(node.arguments[0])
        if !errors.isEmpty { return .false }
        return value.isWhollyKnown ? .true : .unknown(.bool)
    }

    mutating func tryCall(_ node: SyntaxExpression.FunctionCall) -> Value {
        guard !node.arguments.isEmpty, !node.expandsFinalArgument else {
            report(.invalidFunctionArgument, summary: "Invalid number of arguments",
                   "Function \"try\" expects at least one argument.", at: node.range)
            return .unknown
        }
        var failures: [Diagnostic] = []
        for argument in node.arguments {
            let (value, errors) = attempt(argument)
            if errors.isEmpty {
                // An unknown result cannot tell whether it would fail later.
                return value.isWhollyKnown ? value : Value.unknown.marked(sensitive: value.containsSensitive)
            }
            failures += errors
        }
        let reasons = failures.map { "- \($0.detail)" }.joined(separator: "\n")
        report(.noResultForTry, "Call to function \"try\" failed: no expression succeeded:\n\(reasons)\n\nAt least one expression must produce a successful result.", at: node.range)
        return .unknown
    }

    /// `templatestring(ref, vars)`: the first argument must be a reference
    /// to a string, not a template literal, as Terraform requires.
    mutating func templateString(_ node: SyntaxExpression.FunctionCall) -> Value {
        guard node.arguments.count == 2, !node.expandsFinalArgument else {
            report(.invalidFunctionArgument, summary: "Invalid number of arguments",
                   "Function \"templatestring\" expects two arguments: a reference to the template string and an object of variables.",
                   at: node.range)
            return .unknown(.string)
        }
        switch node.arguments[0] {
        case .template, .literal, .templateWrap:
            report(.invalidFunctionArgument,
                   "The template argument must be a reference to a string defined elsewhere, such as a local value; a template written in place is already rendered before the function sees it.",
                   at: node.arguments[0].range)
            return .unknown(.string)
        default:
            break
        }
        let template = evaluate(node.arguments[0])
        let variables = evaluate(node.arguments[1])
        let sensitive = template.containsSensitive || variables.containsSensitive
        guard template.isWhollyKnown, variables.isWhollyKnown else { return Value.unknown(.string).marked(sensitive: sensitive) }
        guard let text = template.unmarkedDeepValue.stringValue else {
            report(.invalidFunctionArgument, "Invalid value for \"template\" parameter: string required.", at: node.arguments[0].range)
            return .unknown(.string)
        }
        guard let names = variables.attributes else {
            report(.invalidFunctionArgument, "Invalid value for \"vars\" parameter: an object or map of variables is required.", at: node.arguments[1].range)
            return .unknown(.string)
        }
        do {
            let result = try evaluator.context.renderTemplate(text, names, "<templatestring>")
            return result.marked(sensitive: sensitive)
        } catch {
            report(.errorInFunctionCall, "Call to function \"templatestring\" failed: \(error.message)", at: node.range)
            return .unknown(.string)
        }
    }
}
