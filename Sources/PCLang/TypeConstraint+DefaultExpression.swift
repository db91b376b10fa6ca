import PCDiagnostics
import PCLSyntax

// The default of `optional(T, default)` is a constant: Terraform evaluates
// it with no variables and no functions, so `-1`, `"a${"b"}"`, `60 * 60`
// and `[for x in [1, 2] : x]` work, while `var.x` and `abs(-1)` are errors.

extension TypeConstraintParser {
    mutating func evaluateDefault(_ expression: SyntaxExpression) -> Value? {
        var calls: [SourceRange] = []
        Self.collectFunctionCalls(expression, into: &calls)
        if !calls.isEmpty {
            for range in calls {
                diagnostics.append(Diagnostic(
                    code: .defaultValueFunctionCall, detail: "Functions may not be called here.", file: file, subject: range))
            }
            return nil
        }
        let evaluator = Evaluator(functions: FunctionLibrary([]), context: FunctionContext(baseDirectory: "."))
        let (value, problems) = evaluator.evaluate(expression, in: file, resolver: ConstantsOnly())
        diagnostics += problems
        return problems.hasErrors ? nil : value
    }

    /// The outermost function calls in `expression`: Terraform reports a
    /// call without looking at its arguments.
    static func collectFunctionCalls(_ expression: SyntaxExpression, into calls: inout [SourceRange]) {
        switch expression {
        case .functionCall(let node):
            calls.append(node.range)
        case .literal, .scopeTraversal, .splatItem, .invalid:
            break
        case .template(let node):
            for part in node.parts { collectFunctionCalls(part, into: &calls) }
        case .templateWrap(let node):
            collectFunctionCalls(node.wrapped, into: &calls)
        case .templateIf(let node):
            collectFunctionCalls(node.condition, into: &calls)
            collectFunctionCalls(.template(node.trueResult), into: &calls)
            if let falseResult = node.falseResult { collectFunctionCalls(.template(falseResult), into: &calls) }
        case .templateFor(let node):
            collectFunctionCalls(node.collection, into: &calls)
            collectFunctionCalls(.template(node.body), into: &calls)
        case .relativeTraversal(let node):
            collectFunctionCalls(node.source, into: &calls)
        case .conditional(let node):
            for part in [node.condition, node.trueResult, node.falseResult] { collectFunctionCalls(part, into: &calls) }
        case .binary(let node):
            collectFunctionCalls(node.lhs, into: &calls)
            collectFunctionCalls(node.rhs, into: &calls)
        case .unary(let node):
            collectFunctionCalls(node.operand, into: &calls)
        case .tuple(let node):
            for element in node.elements { collectFunctionCalls(element, into: &calls) }
        case .object(let node):
            for item in node.items {
                collectFunctionCalls(item.key, into: &calls)
                collectFunctionCalls(item.value, into: &calls)
            }
        case .forExpression(let node):
            collectFunctionCalls(node.collection, into: &calls)
            if let key = node.keyResult { collectFunctionCalls(key, into: &calls) }
            collectFunctionCalls(node.valueResult, into: &calls)
            if let condition = node.condition { collectFunctionCalls(condition, into: &calls) }
        case .index(let node):
            collectFunctionCalls(node.collection, into: &calls)
            collectFunctionCalls(node.key, into: &calls)
        case .splat(let node):
            collectFunctionCalls(node.source, into: &calls)
            collectFunctionCalls(node.each, into: &calls)
        case .parenthesized(let node):
            collectFunctionCalls(node.inner, into: &calls)
        }
    }
}

/// Answers every reference with Terraform's "Variables not allowed".
private struct ConstantsOnly: ReferenceResolver {
    func resolve(_ reference: SyntaxExpression.ScopeTraversal, in file: SourceFile) -> ReferenceResolution {
        .failure(Diagnostic(
            code: .defaultValueReference, detail: "Variables may not be used here.", file: file, subject: reference.rootRange))
    }
}
