import PCDiagnostics

/// Expressions: conditionals, operators with HCL's precedence, unary
/// operators and terms.
extension SyntaxParser {
    /// Parses one expression. Every nested expression comes through here, so
    /// this is where the nesting limit is enforced.
    mutating func parseExpression() -> SyntaxExpression {
        guard descend() else { return tooDeepExpression() }
        defer { ascend() }
        return parseConditional()
    }

    /// Reports the nesting limit at the cursor, skips the rest of the
    /// expression and stands in for it.
    mutating func tooDeepExpression() -> SyntaxExpression {
        let token = peek()
        reportTooDeep(at: token)
        skipExpression()
        return .invalid(SourceRange(start: token.range.start, end: max(token.range.start, previousEnd)))
    }

    // The functions on the recursive path (parseExpression down to the
    // bracket parsers and back) keep their frames small: diagnostics and
    // node building live in helpers that are not on the stack while nested
    // expressions are parsed. Debug builds give every temporary its own
    // stack slot, so this is what keeps deep nesting inside a 512 KB stack.

    private mutating func parseConditional() -> SyntaxExpression {
        let errorsBefore = errorCount
        let condition = parseBinary(minimumPrecedence: 1)
        guard !(recovering && errorCount > errorsBefore), peekKind() == .question else { return condition }
        return finishConditional(condition, errorsBefore: errorsBefore)
    }

    private mutating func finishConditional(_ condition: SyntaxExpression, errorsBefore: Int) -> SyntaxExpression {
        read()
        let trueResult = parseExpression()
        if recovering && errorCount > errorsBefore {
            return SyntaxParser.conditional(condition, trueResult, .invalid(.empty(at: previousEnd)), end: previousEnd)
        }
        let colon = peek()
        guard colon.kind == .colon else {
            report(
                .missingFalseExpression,
                detail: "A conditional expression needs \":\" and a result for when the condition is false: condition ? true_result : false_result.",
                at: colon, context: condition.range.union(colon.range))
            return SyntaxParser.conditional(condition, trueResult, .invalid(.empty(at: previousEnd)), end: previousEnd)
        }
        read()
        let falseResult = parseExpression()
        return SyntaxParser.conditional(condition, trueResult, falseResult, end: max(previousEnd, falseResult.range.end))
    }

    private static func conditional(
        _ condition: SyntaxExpression, _ trueResult: SyntaxExpression, _ falseResult: SyntaxExpression, end: UInt32
    ) -> SyntaxExpression {
        .conditional(Conditional(
            condition: condition, trueResult: trueResult, falseResult: falseResult,
            range: SourceRange(start: condition.range.start, end: end)))
    }

    /// Precedence climbing: operators of one level chain left-associatively
    /// in a loop, tighter levels recurse (at most six frames). Each link of a
    /// chain deepens the tree by one, so it counts against the nesting limit.
    private mutating func parseBinary(minimumPrecedence: Int) -> SyntaxExpression {
        let errorsBefore = errorCount
        var lhs = parseUnary()
        if recovering && errorCount > errorsBefore { return lhs }
        var links = 0
        defer { depth -= links }
        while true {
            let operatorToken = peek()
            guard let op = operatorToken.kind.binaryOperator, op.precedence >= minimumPrecedence else { break }
            read()
            guard descend() else { return tooDeepBinary(lhs, op, operatorToken) }
            links += 1
            let rhs = parseBinary(minimumPrecedence: op.precedence + 1)
            lhs = SyntaxParser.binary(lhs, op, operatorToken, rhs)
            if recovering && errorCount > errorsBefore { break }
        }
        return lhs
    }

    private static func binary(
        _ lhs: SyntaxExpression, _ op: BinaryOperator, _ operatorToken: Token, _ rhs: SyntaxExpression
    ) -> SyntaxExpression {
        .binary(BinaryOperation(
            op: op, lhs: lhs, rhs: rhs, operatorRange: operatorToken.range,
            range: SourceRange(start: lhs.range.start, end: max(rhs.range.end, operatorToken.range.end))))
    }

    private mutating func tooDeepBinary(_ lhs: SyntaxExpression, _ op: BinaryOperator, _ operatorToken: Token) -> SyntaxExpression {
        reportTooDeep(at: operatorToken)
        skipExpression()
        return SyntaxParser.binary(lhs, op, operatorToken, .invalid(.empty(at: previousEnd)))
    }

    /// `-x` and `!x` bind tighter than any binary operator but looser than
    /// traversals: `-a.b` negates `a.b`.
    mutating func parseUnary() -> SyntaxExpression {
        let token = peek()
        let op: UnaryOperator
        switch token.kind {
        case .minus: op = .negate
        case .bang: op = .not
        default: return parseTermWithTraversals()
        }
        read()
        guard descend() else { return tooDeepExpression() }
        defer { ascend() }
        let operand = parseUnary()
        return .unary(UnaryOperation(
            op: op, operand: operand, operatorRange: token.range,
            range: SourceRange(start: token.range.start, end: max(operand.range.end, token.range.end))))
    }

    private mutating func parseTermWithTraversals() -> SyntaxExpression {
        let base: TraversalBase
        if peekKind() == .identifier {
            let after = peekSecond().kind
            if after == .openParen || after == .doubleColon {
                base = .expression(parseFunctionCall())
            } else {
                base = readNameOrKeyword()
            }
        } else {
            base = .expression(parseTerm())
        }
        return parseTraversals(from: base)
    }

    /// `true`, `false` and `null` are literals; any other name starts a
    /// scope traversal.
    private mutating func readNameOrKeyword() -> TraversalBase {
        let token = read()
        if self.token(token, is: "true") {
            return .expression(.literal(Literal(value: .bool(true), range: token.range)))
        } else if self.token(token, is: "false") {
            return .expression(.literal(Literal(value: .bool(false), range: token.range)))
        } else if self.token(token, is: "null") {
            return .expression(.literal(Literal(value: .null, range: token.range)))
        }
        return .root(name: text(of: token), range: token.range)
    }

    private mutating func parseTerm() -> SyntaxExpression {
        switch peekKind() {
        case .openParen: return parseParenthesized()
        case .openQuote, .heredocOpen: return parseTemplate()
        case .openBracket: return parseTuple()
        case .openBrace: return parseObject()
        case .number: return readNumber()
        default: return invalidTerm()
        }
    }

    private mutating func readNumber() -> SyntaxExpression {
        let token = read()
        guard let number = NumberLiteral(parsing: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])) else {
            report(
                .invalidNumberLiteral,
                detail: "This is not a valid number. Write digits with an optional fractional part and exponent, such as 12, 0.5 or 1.5e3.",
                at: token)
            return .invalid(token.range)
        }
        return .literal(Literal(value: .number(number), range: token.range))
    }

    /// Reports a token that cannot start an expression. The token is not
    /// consumed: the caller's recovery decides how far to skip.
    private mutating func invalidTerm() -> SyntaxExpression {
        let token = peek()
        switch token.kind {
        case .endOfFile:
            report(
                .missingExpression,
                detail: "The file ends where an expression was expected. Add the missing value.",
                at: token)
        case .newline:
            report(
                .invalidExpression,
                detail: "The line ends where an expression was expected. Put the value on the same line, or open a bracket to continue it on the next lines.",
                at: token)
        case .quotedLiteral, .closeQuote, .templateEnd:
            report(
                .invalidExpression,
                detail: "An expression was expected here, but this is part of a string. Check the quotes and braces before it.",
                at: token)
        default:
            report(
                .invalidExpression,
                detail: "An expression was expected here: a value such as \"text\", 12, true, a reference like var.name, a function call, or a [ ] or { } collection.",
                at: token)
        }
        recovering = true
        return .invalid(token.range)
    }

    private mutating func parseParenthesized() -> SyntaxExpression {
        let open = read()
        pushNewlines(false)
        defer { popNewlines() }
        let errorsBefore = errorCount
        let inner = parseExpression()
        if errorCount > errorsBefore {
            recover(to: .closeParen)
            return .parenthesized(Parenthesized(inner: inner, range: SourceRange(start: open.range.start, end: previousEnd)))
        }
        let close = peek()
        if close.kind == .closeParen {
            read()
        } else {
            report(
                .unbalancedParentheses,
                detail: "The expression in parentheses must be followed by \")\". Add the closing parenthesis.",
                at: close, context: open.range.union(close.range))
            recover(to: .closeParen)
        }
        return .parenthesized(Parenthesized(inner: inner, range: SourceRange(start: open.range.start, end: previousEnd)))
    }
}

extension TokenKind {
    var binaryOperator: BinaryOperator? {
        switch self {
        case .or: .or
        case .and: .and
        case .equalEqual: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessEqual: .lessOrEqual
        case .greater: .greater
        case .greaterEqual: .greaterOrEqual
        case .plus: .add
        case .minus: .subtract
        case .star: .multiply
        case .slash: .divide
        case .percent: .modulo
        default: nil
        }
    }
}
