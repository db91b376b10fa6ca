import PCLSyntax

/// The references an expression or body makes, found without evaluating
/// anything: the edges of the dependency graph come from these, as in
/// Terraform, so a reference counts even on a branch not taken. The
/// loader uses them too, to check what conditions refer to.
public enum ReferenceCollector {
    public static func references(in expression: SyntaxExpression) -> [SyntaxExpression.ScopeTraversal] {
        var result: [SyntaxExpression.ScopeTraversal] = []
        var bound: [String: Int] = [:]
        collect(expression, bound: &bound, into: &result)
        return result
    }

    /// References in every attribute and nested block of a body. Names in
    /// `bound` (such as a dynamic block's iterator) are local, not
    /// references.
    public static func references(in body: SyntaxBody, bound initial: Set<String> = []) -> [SyntaxExpression.ScopeTraversal] {
        var result: [SyntaxExpression.ScopeTraversal] = []
        var bound: [String: Int] = [:]
        for name in initial { bound[name, default: 0] += 1 }
        collect(body, bound: &bound, into: &result)
        return result
    }

    private static func collect(_ body: SyntaxBody, bound: inout [String: Int], into result: inout [SyntaxExpression.ScopeTraversal]) {
        for item in body.items {
            switch item {
            case .attribute(let attribute):
                collect(attribute.value, bound: &bound, into: &result)
            case .block(let block) where block.type == "dynamic":
                // `dynamic "x" { for_each = …; iterator = it; content { … } }`
                var iterator = block.labels.first?.value ?? "dynamic"
                for attribute in block.body.attributes where attribute.name == "iterator" {
                    if case .scopeTraversal(let traversal) = attribute.value { iterator = traversal.root }
                }
                for attribute in block.body.attributes where attribute.name != "iterator" {
                    collect(attribute.value, bound: &bound, into: &result)
                }
                bound[iterator, default: 0] += 1
                for content in block.body.blocks {
                    collect(content.body, bound: &bound, into: &result)
                }
                bound[iterator]! -= 1
            case .block(let block):
                collect(block.body, bound: &bound, into: &result)
            }
        }
    }

    private static func collect(_ expression: SyntaxExpression, bound: inout [String: Int], into result: inout [SyntaxExpression.ScopeTraversal]) {
        switch expression {
        case .literal, .splatItem, .invalid:
            break
        case .template(let node):
            for part in node.parts { collect(part, bound: &bound, into: &result) }
        case .templateWrap(let node):
            collect(node.wrapped, bound: &bound, into: &result)
        case .templateIf(let node):
            collect(node.condition, bound: &bound, into: &result)
            collect(.template(node.trueResult), bound: &bound, into: &result)
            if let falseResult = node.falseResult { collect(.template(falseResult), bound: &bound, into: &result) }
        case .templateFor(let node):
            collect(node.collection, bound: &bound, into: &result)
            let names = [node.keyVariable, node.valueVariable].compactMap { $0 }
            for name in names { bound[name, default: 0] += 1 }
            collect(.template(node.body), bound: &bound, into: &result)
            for name in names { bound[name]! -= 1 }
        case .scopeTraversal(let node):
            if bound[node.root, default: 0] == 0 { result.append(node) }
        case .relativeTraversal(let node):
            collect(node.source, bound: &bound, into: &result)
        case .functionCall(let node):
            for argument in node.arguments { collect(argument, bound: &bound, into: &result) }
        case .conditional(let node):
            collect(node.condition, bound: &bound, into: &result)
            collect(node.trueResult, bound: &bound, into: &result)
            collect(node.falseResult, bound: &bound, into: &result)
        case .binary(let node):
            collect(node.lhs, bound: &bound, into: &result)
            collect(node.rhs, bound: &bound, into: &result)
        case .unary(let node):
            collect(node.operand, bound: &bound, into: &result)
        case .tuple(let node):
            for element in node.elements { collect(element, bound: &bound, into: &result) }
        case .object(let node):
            for item in node.items {
                if case .scopeTraversal(let key) = item.key, key.steps.isEmpty {
                    // A bare name as a key is the key itself, not a reference.
                } else {
                    collect(item.key, bound: &bound, into: &result)
                }
                collect(item.value, bound: &bound, into: &result)
            }
        case .forExpression(let node):
            collect(node.collection, bound: &bound, into: &result)
            let names = [node.keyVariable, node.valueVariable].compactMap { $0 }
            for name in names { bound[name, default: 0] += 1 }
            if let key = node.keyResult { collect(key, bound: &bound, into: &result) }
            collect(node.valueResult, bound: &bound, into: &result)
            if let condition = node.condition { collect(condition, bound: &bound, into: &result) }
            for name in names { bound[name]! -= 1 }
        case .index(let node):
            collect(node.collection, bound: &bound, into: &result)
            collect(node.key, bound: &bound, into: &result)
        case .splat(let node):
            collect(node.source, bound: &bound, into: &result)
            collect(node.each, bound: &bound, into: &result)
        case .parenthesized(let node):
            collect(node.inner, bound: &bound, into: &result)
        }
    }
}
