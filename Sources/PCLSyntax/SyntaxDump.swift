import PCDiagnostics

/// A compact, deterministic S-expression text of a syntax tree, for tests
/// and debugging.
///
/// Bodies: `(body ITEM…)`, `(attr NAME EXPR)`, `(block TYPE LABEL… BODY)`
/// with quoted labels in quotes. Expressions: literals as written
/// (`null`, `true`, `1.5`, `"text"`), a bare name as itself,
/// `(ref ROOT STEP…)` with steps `.name`, `[KEY]` and `[?]` (invalid),
/// `(rel SOURCE STEP…)`, `(call NAME ARG… [...])`, `(? C T F)`,
/// `(OP L R)`, `(neg X)`, `(! X)`, `(tuple …)`, `(object (KEY VALUE)…)`,
/// `(for-tuple K,V in C : V if X)`, `(for-object K,V in C : K => V ... if X)`,
/// `(index C K)`, `(splat. SRC EACH)`, `(splat[] SRC EACH)` with `*` for
/// each element, `(paren X)`, `(template PART…)`, `(wrap X)`,
/// `(%if C (template…) (template…))`, `(%for K,V in C (template…))`,
/// `<invalid>`. With `ranges`, each node is followed by `@start-end`.
public enum SyntaxDump {
    public static func dump(_ body: SyntaxBody, ranges: Bool = false) -> String {
        var printer = Printer(ranges: ranges)
        printer.body(body)
        return printer.output
    }

    public static func dump(_ expression: SyntaxExpression, ranges: Bool = false) -> String {
        var printer = Printer(ranges: ranges)
        printer.expression(expression)
        return printer.output
    }

    private struct Printer {
        let ranges: Bool
        var output = ""

        mutating func range(_ range: SourceRange) {
            if ranges { output += "@\(range.start)-\(range.end)" }
        }

        mutating func open(_ head: String, _ range: SourceRange) {
            output += "(" + head
            self.range(range)
        }

        mutating func body(_ body: SyntaxBody) {
            open("body", body.range)
            for item in body.items {
                output += " "
                switch item {
                case .attribute(let attribute):
                    open("attr " + attribute.name, attribute.range)
                    output += " "
                    expression(attribute.value)
                    output += ")"
                case .block(let block):
                    open("block " + block.type, block.range)
                    for label in block.labels {
                        output += " " + (label.isQuoted ? quoted(label.value) : label.value)
                    }
                    output += " "
                    self.body(block.body)
                    output += ")"
                }
            }
            output += ")"
        }

        mutating func list(_ expressions: [SyntaxExpression]) {
            for expression in expressions {
                output += " "
                self.expression(expression)
            }
        }

        mutating func expression(_ expression: SyntaxExpression) {
            switch expression {
            case .literal(let node):
                output += literal(node.value)
                range(node.range)
            case .template(let node):
                open("template", node.range)
                list(node.parts)
                output += ")"
            case .templateWrap(let node):
                open("wrap", node.range)
                output += " "
                self.expression(node.wrapped)
                output += ")"
            case .templateIf(let node):
                open("%if", node.range)
                output += " "
                self.expression(node.condition)
                template(node.trueResult)
                if let falseResult = node.falseResult { template(falseResult) }
                output += ")"
            case .templateFor(let node):
                open("%for " + variables(node.keyVariable, node.valueVariable) + " in", node.range)
                output += " "
                self.expression(node.collection)
                template(node.body)
                output += ")"
            case .scopeTraversal(let node):
                if node.steps.isEmpty {
                    output += node.root
                    range(node.range)
                } else {
                    open("ref " + node.root, node.range)
                    steps(node.steps)
                    output += ")"
                }
            case .relativeTraversal(let node):
                open("rel", node.range)
                output += " "
                self.expression(node.source)
                steps(node.steps)
                output += ")"
            case .functionCall(let node):
                open("call " + node.name, node.range)
                list(node.arguments)
                if node.expandsFinalArgument { output += " ..." }
                output += ")"
            case .conditional(let node):
                open("?", node.range)
                list([node.condition, node.trueResult, node.falseResult])
                output += ")"
            case .binary(let node):
                open(node.op.rawValue, node.range)
                list([node.lhs, node.rhs])
                output += ")"
            case .unary(let node):
                open(node.op == .negate ? "neg" : "!", node.range)
                list([node.operand])
                output += ")"
            case .tuple(let node):
                open("tuple", node.range)
                list(node.elements)
                output += ")"
            case .object(let node):
                open("object", node.range)
                for item in node.items {
                    output += " ("
                    self.expression(item.key)
                    output += " "
                    self.expression(item.value)
                    output += ")"
                }
                output += ")"
            case .forExpression(let node):
                open((node.isObject ? "for-object " : "for-tuple ") + variables(node.keyVariable, node.valueVariable) + " in", node.range)
                output += " "
                self.expression(node.collection)
                output += " :"
                if let key = node.keyResult {
                    output += " "
                    self.expression(key)
                    output += " =>"
                }
                output += " "
                self.expression(node.valueResult)
                if node.isGrouped { output += " ..." }
                if let condition = node.condition {
                    output += " if "
                    self.expression(condition)
                }
                output += ")"
            case .index(let node):
                open("index", node.range)
                list([node.collection, node.key])
                output += ")"
            case .splat(let node):
                open(node.kind == .full ? "splat[]" : "splat.", node.range)
                list([node.source, node.each])
                output += ")"
            case .splatItem(let itemRange):
                output += "*"
                range(itemRange)
            case .parenthesized(let node):
                open("paren", node.range)
                list([node.inner])
                output += ")"
            case .invalid(let invalidRange):
                output += "<invalid>"
                range(invalidRange)
            }
        }

        /// A directive's branch, without going through `expression` again:
        /// keeps the printer's stack use per level of nesting low.
        mutating func template(_ node: SyntaxExpression.Template) {
            output += " "
            open("template", node.range)
            list(node.parts)
            output += ")"
        }

        mutating func steps(_ steps: [TraversalStep]) {
            for step in steps {
                output += " "
                switch step {
                case .attribute(let name, _): output += "." + name
                case .index(let key, _): output += "[" + literal(key) + "]"
                case .invalid: output += "[?]"
                }
                range(step.range)
            }
        }

        func variables(_ key: String?, _ value: String) -> String {
            key.map { $0 + "," + value } ?? value
        }

        func literal(_ value: LiteralValue) -> String {
            switch value {
            case .null: "null"
            case .bool(let flag): flag ? "true" : "false"
            case .number(let number): number.description
            case .string(let text): quoted(text)
            }
        }

        func quoted(_ text: String) -> String {
            var result = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": result += "\\\""
                case "\\": result += "\\\\"
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F {
                        result += "\\u{" + String(scalar.value, radix: 16) + "}"
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "\""
        }
    }
}
