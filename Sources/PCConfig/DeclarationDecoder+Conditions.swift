import PCDiagnostics
import PCLSyntax
import PCLang

/// Problems in `precondition` and `postcondition` blocks found while
/// loading, with Terraform's summaries.
extension DiagnosticCode {
    public static let invalidConditionExpression = DiagnosticCode(
        "config.invalid-condition", "Invalid condition expression")
}

extension DeclarationDecoder {
    /// The `precondition` and (when `postconditions` is true) the
    /// `postcondition` blocks of `body`, checked in source order.
    ///
    /// Checked here rather than when planning, so `pcplan validate` finds
    /// them: both arguments are required, a condition must refer to
    /// something (a constant one would check nothing, as Terraform says),
    /// and `self` — the object a postcondition checks — does not exist yet
    /// in a precondition.
    mutating func conditions(
        in body: SyntaxBody, postconditions allowsPostconditions: Bool, file: SourceFile
    ) -> (preconditions: [Validation], postconditions: [Validation]) {
        var preconditions: [Validation] = []
        var postconditions: [Validation] = []
        for block in body.blocks where block.type == "precondition" || (allowsPostconditions && block.type == "postcondition") {
            let kind = block.type
            let allowsSelf = kind == "postcondition"
            for label in block.labels {
                report(.unsupportedArgument, summary: "Extraneous label for \(kind)",
                       "A \(kind) block takes no labels. Remove \"\(label.value)\".", file, label.range)
            }
            let inner = arguments(block.body, allowed: ["condition", "error_message"], in: "a \(kind) block", file)
            let condition = inner["condition"]
            let message = inner["error_message"]
            if condition == nil {
                report(.missingRequiredArgument,
                       "A \(kind) block needs \"condition\": an expression that is true when all is well.", file, block.typeRange)
            }
            if message == nil {
                report(.missingRequiredArgument,
                       "A \(kind) block needs \"error_message\": the text shown when the condition is false, saying what is wrong and what to do.",
                       file, block.typeRange)
            }
            guard let condition, let message else { continue }
            let roots = ExpressionRoots.of(condition.value)
            if roots.isEmpty {
                report(.invalidConditionExpression, summary: "Invalid \(kind) expression",
                       "The condition refers to nothing in the configuration, so its result can never change and it checks nothing. Make it test what it guards: a variable, a resource or data source attribute\(allowsSelf ? ", or self" : "").",
                       file, condition.value.range)
            }
            var selfUsed = false
            if !allowsSelf {
                for range in ExpressionRoots.ranges(of: "self", in: condition.value) + ExpressionRoots.ranges(of: "self", in: message.value) {
                    selfUsed = true
                    report(.invalidReference, summary: "Invalid \"self\" reference",
                           "self is the object a postcondition checks; it does not exist yet when a \(kind) is checked. Check the object in a postcondition block, or test the values it is made from.",
                           file, range)
                }
            }
            if roots.isEmpty || selfUsed { continue }
            let rule = Validation(condition: condition.value, errorMessage: message.value, range: block.range)
            if allowsSelf { postconditions.append(rule) } else { preconditions.append(rule) }
        }
        return (preconditions, postconditions)
    }
}

/// The names references in an expression start with (`var`, `self`,
/// `aws_instance`), found without evaluating anything; names bound by `for`
/// expressions and template `for` directives are not references.
enum ExpressionRoots {
    static func of(_ expression: SyntaxExpression) -> [SyntaxExpression.ScopeTraversal] {
        var found: [SyntaxExpression.ScopeTraversal] = []
        var bound: [String: Int] = [:]
        collect(expression, bound: &bound, into: &found)
        return found
    }

    /// Where references rooted at `name` are written.
    static func ranges(of name: String, in expression: SyntaxExpression) -> [SourceRange] {
        of(expression).filter { $0.root == name }.map(\.rootRange)
    }

    private static func collect(_ expression: SyntaxExpression, bound: inout [String: Int], into found: inout [SyntaxExpression.ScopeTraversal]) {
        func visit(_ inner: SyntaxExpression) { collect(inner, bound: &bound, into: &found) }
        switch expression {
        case .literal, .splatItem, .invalid:
            break
        case .scopeTraversal(let node):
            if bound[node.root, default: 0] == 0 { found.append(node) }
        case .template(let node):
            node.parts.forEach(visit)
        case .templateWrap(let node):
            visit(node.wrapped)
        case .templateIf(let node):
            visit(node.condition)
            visit(.template(node.trueResult))
            if let falseResult = node.falseResult { visit(.template(falseResult)) }
        case .templateFor(let node):
            visit(node.collection)
            let names = [node.keyVariable, node.valueVariable].compactMap { $0 }
            for name in names { bound[name, default: 0] += 1 }
            visit(.template(node.body))
            for name in names { bound[name]! -= 1 }
        case .forExpression(let node):
            visit(node.collection)
            let names = [node.keyVariable, node.valueVariable].compactMap { $0 }
            for name in names { bound[name, default: 0] += 1 }
            if let key = node.keyResult { visit(key) }
            visit(node.valueResult)
            if let condition = node.condition { visit(condition) }
            for name in names { bound[name]! -= 1 }
        case .relativeTraversal(let node):
            visit(node.source)
        case .functionCall(let node):
            node.arguments.forEach(visit)
        case .conditional(let node):
            visit(node.condition)
            visit(node.trueResult)
            visit(node.falseResult)
        case .binary(let node):
            visit(node.lhs)
            visit(node.rhs)
        case .unary(let node):
            visit(node.operand)
        case .tuple(let node):
            node.elements.forEach(visit)
        case .object(let node):
            for item in node.items {
                // A bare name as a key is the key itself, not a reference.
                if case .scopeTraversal(let key) = item.key, key.steps.isEmpty {} else { visit(item.key) }
                visit(item.value)
            }
        case .index(let node):
            visit(node.collection)
            visit(node.key)
        case .splat(let node):
            visit(node.source)
            visit(node.each)
        case .parenthesized(let node):
            visit(node.inner)
        }
    }
}
