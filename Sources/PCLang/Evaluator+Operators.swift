import PCDiagnostics
import PCLSyntax

// Operators and conditionals. HCL evaluates both operands of `&&` and `||`
// (no short-circuit), so a null operand is an error even when the other
// decides the result — Terraform users rely on the same rule.
extension EvaluationRun {
    mutating func binary(_ node: SyntaxExpression.BinaryOperation) -> Value {
        let lhs = evaluate(node.lhs)
        let rhs = evaluate(node.rhs)
        let sensitive = lhs.isSensitive || rhs.isSensitive
        switch node.op {
        case .equal, .notEqual:
            let equal = Self.equality(lhs.unmarkedDeepValue, rhs.unmarkedDeepValue)
            guard let equal else { return Value.unknown(.bool).marked(sensitive: sensitive) }
            return Value.bool(node.op == .equal ? equal : !equal).marked(sensitive: sensitive)
        case .and, .or:
            guard let left = operand(lhs, as: .bool, side: "left", node: node, range: node.lhs.range),
                  let right = operand(rhs, as: .bool, side: "right", node: node, range: node.rhs.range) else {
                return Value.unknown(.bool).marked(sensitive: sensitive)
            }
            guard let x = left.boolValue, let y = right.boolValue else {
                // An unknown operand leaves the result unknown unless the
                // known one already decides it.
                if node.op == .and, left.boolValue == false || right.boolValue == false { return Value.false.marked(sensitive: sensitive) }
                if node.op == .or, left.boolValue == true || right.boolValue == true { return Value.true.marked(sensitive: sensitive) }
                return Value.unknown(.bool).marked(sensitive: sensitive)
            }
            return Value.bool(node.op == .and ? (x && y) : (x || y)).marked(sensitive: sensitive)
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let left = operand(lhs, as: .number, side: "left", node: node, range: node.lhs.range),
                  let right = operand(rhs, as: .number, side: "right", node: node, range: node.rhs.range) else {
                return Value.unknown(.bool).marked(sensitive: sensitive)
            }
            guard let x = left.numberValue, let y = right.numberValue else {
                return Value.unknown(.bool).marked(sensitive: sensitive)
            }
            let result = switch node.op {
            case .less: x < y
            case .lessOrEqual: x <= y
            case .greater: x > y
            default: x >= y
            }
            return Value.bool(result).marked(sensitive: sensitive)
        case .add, .subtract, .multiply, .divide, .modulo:
            guard let left = operand(lhs, as: .number, side: "left", node: node, range: node.lhs.range),
                  let right = operand(rhs, as: .number, side: "right", node: node, range: node.rhs.range) else {
                return Value.unknown(.number).marked(sensitive: sensitive)
            }
            guard let x = left.numberValue, let y = right.numberValue else {
                return Value.unknown(.number).marked(sensitive: sensitive)
            }
            let result: Number?
            switch node.op {
            case .add: result = x + y
            case .subtract: result = x - y
            case .multiply: result = x * y
            case .divide: result = x.dividing(by: y)
            default: result = x.remainder(dividingBy: y)
            }
            guard let result else {
                report(.divisionByZero,
                       "The right operand of \"\(node.op.rawValue)\" is zero, and dividing by zero has no result. Check the value, or guard the expression with a conditional.",
                       at: node.rhs.range, context: node.range)
                return .unknown(.number)
            }
            return Value.number(result).marked(sensitive: sensitive)
        }
    }

    /// Converts an operand, reporting why it is unsuitable. Unknown operands
    /// pass through (as unknown of the type).
    mutating func operand(
        _ value: Value, as type: ValueType, side: String, node: SyntaxExpression.BinaryOperation, range: SourceRange
    ) -> Value? {
        let plain = Value(value.content)
        if case .unknown = plain.content { return .unknown(type) }
        if plain.isNull {
            report(.invalidOperand,
                   "Unsuitable value for \(side) operand of \"\(node.op.rawValue)\": the value is null, and a \(type.friendlyName) is required.",
                   at: range, context: node.range)
            return nil
        }
        do {
            return try Conversion.convert(plain.unmarkedDeepValue, to: type)
        } catch {
            report(.invalidOperand, "Unsuitable value for \(side) operand: a \(type.friendlyName) is required.", at: range, context: node.range)
            return nil
        }
    }

    mutating func unary(_ node: SyntaxExpression.UnaryOperation) -> Value {
        let operand = evaluate(node.operand)
        let sensitive = operand.isSensitive
        let type: ValueType = node.op == .negate ? .number : .bool
        let plain = Value(operand.content)
        if case .unknown = plain.content { return Value.unknown(type).marked(sensitive: sensitive) }
        guard !plain.isNull, let converted = try? Conversion.convert(plain.unmarkedDeepValue, to: type) else {
            report(.invalidOperand, "Unsuitable value for unary operand: a \(type.friendlyName) is required.", at: node.operand.range, context: node.range)
            return .unknown(type)
        }
        switch node.op {
        case .negate: return Value.number(-(converted.numberValue!)).marked(sensitive: sensitive)
        case .not: return Value.bool(!(converted.boolValue!)).marked(sensitive: sensitive)
        }
    }

    mutating func conditional(_ node: SyntaxExpression.Conditional) -> Value {
        let condition = evaluate(node.condition)
        // As in HCL, only the chosen branch's errors count: the idiom
        // `var.enabled ? thing[0].id : null` must work when thing is empty.
        let (trueValue, trueDiagnostics) = evaluateAside(node.trueResult)
        let (falseValue, falseDiagnostics) = evaluateAside(node.falseResult)
        let resultType: ValueType
        if let unified = Conversion.unify([trueValue.type, falseValue.type]) {
            resultType = unified
        } else {
            report(.inconsistentConditionalTypes,
                   "The true and false result expressions must have consistent types. The 'true' value is \(trueValue.type.friendlyName), but the 'false' value is \(falseValue.type.friendlyName).",
                   at: node.range)
            return .unknown
        }
        let plainCondition = Value(condition.content)
        if case .unknown = plainCondition.content {
            return Value.unknown(resultType).marked(sensitive: condition.isSensitive)
        }
        guard !plainCondition.isNull, let decided = (try? Conversion.convert(plainCondition.unmarkedDeepValue, to: .bool))?.boolValue else {
            report(.incorrectConditionType,
                   plainCondition.isNull
                       ? "The condition value is null. Conditions must either be true or false."
                       : "The condition expression must be of type bool.",
                   at: node.condition.range)
            return .unknown(resultType)
        }
        diagnostics += decided ? trueDiagnostics : falseDiagnostics
        let chosen = decided ? trueValue : falseValue
        let converted = (try? Conversion.convert(chosen, to: resultType)) ?? chosen
        return converted.marked(sensitive: condition.isSensitive)
    }

    /// Evaluates an expression without adding its diagnostics to this
    /// evaluation's; the caller decides whether they count.
    private mutating func evaluateAside(_ expression: SyntaxExpression) -> (Value, [Diagnostic]) {
        let kept = diagnostics
        diagnostics = []
        let value = evaluate(expression)
        let own = diagnostics
        diagnostics = kept
        return (value, own)
    }

    /// Deep equality as `==` sees it: nil when an unknown decides it.
    static func equality(_ a: Value, _ b: Value) -> Bool? {
        switch (a.content, b.content) {
        case (.unknown, _), (_, .unknown):
            return nil
        case (.null, .null):
            return true
        case (.null, _), (_, .null):
            return false
        case (.bool(let x), .bool(let y)):
            return x == y
        case (.number(let x), .number(let y)):
            return x == y
        case (.string(let x), .string(let y)):
            return x == y
        case (.list(let x, _), .list(let y, _)), (.tuple(let x), .tuple(let y)), (.set(let x, _), .set(let y, _)):
            guard sameKind(a, b), x.count == y.count else { return false }
            var unknown = false
            for (left, right) in zip(x, y) {
                switch equality(left, right) {
                case .some(false): return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        case (.map(let x, _), .map(let y, _)), (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            var unknown = false
            for (key, left) in x {
                guard let right = y[key] else { return false }
                switch equality(left, right) {
                case .some(false): return false
                case nil: unknown = true
                default: break
                }
            }
            return unknown ? nil : true
        default:
            return false
        }
    }

    private static func sameKind(_ a: Value, _ b: Value) -> Bool {
        switch (a.content, b.content) {
        case (.list, .list), (.tuple, .tuple), (.set, .set): true
        default: false
        }
    }
}
