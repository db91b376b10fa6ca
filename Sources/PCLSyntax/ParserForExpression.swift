import PCDiagnostics

/// `[for k, v in coll : result if cond]` and
/// `{for k, v in coll : key => value... if cond}`.
extension SyntaxParser {
    /// With the cursor on `for`, after the opening bracket.
    mutating func parseForExpression(open: Token) -> SyntaxExpression {
        pushNewlines(false)
        defer { popNewlines() }
        let closer: TokenKind = open.kind == .openBrace ? .closeBrace : .closeBracket
        guard let (keyVariable, valueVariable) = parseForVariables(open: open, closer: closer) else {
            return .invalid(SourceRange(start: open.range.start, end: previousEnd))
        }
        let errorsBefore = errorCount
        let collection = parseExpression()
        if recovering && errorCount > errorsBefore { return abandonFor(open: open, closer: closer) }
        guard peekKind() == .colon else {
            return abandonFor(open: open, closer: closer, at: peek(),
                detail: "The collection must be followed by \":\" and the result for each element.")
        }
        read()

        var keyResult: SyntaxExpression?
        var valueResult = parseExpression()
        if peekKind() == .fatArrow {
            read()
            keyResult = valueResult
            valueResult = parseExpression()
        }
        if recovering && errorCount > errorsBefore { return abandonFor(open: open, closer: closer) }
        let ellipsis: Token? = peekKind() == .ellipsis ? read() : nil
        var condition: SyntaxExpression?
        if isKeyword(peek(), "if") {
            read()
            condition = parseExpression()
            if recovering && errorCount > errorsBefore { return abandonFor(open: open, closer: closer) }
        }
        return finishFor(
            open: open, closer: closer, keyVariable: keyVariable, valueVariable: valueVariable,
            collection: collection, keyResult: keyResult, valueResult: valueResult,
            ellipsis: ellipsis, condition: condition)
    }

    /// `for k, v in` or `for v in`; nil (reported, recovered) if malformed.
    private mutating func parseForVariables(open: Token, closer: TokenKind) -> (String?, String)? {
        read()  // for
        let first = peek()
        guard first.kind == .identifier else {
            _ = abandonFor(open: open, closer: closer, at: first,
                detail: "\"for\" must be followed by a variable name, as in [for item in list : item].")
            return nil
        }
        read()
        var keyVariable: String?
        var valueVariable = text(of: first)
        if peekKind() == .comma {
            read()
            let second = peek()
            guard second.kind == .identifier else {
                _ = abandonFor(open: open, closer: closer, at: second,
                    detail: "The comma must be followed by the name of the value variable, as in {for key, value in map : key => value}.")
                return nil
            }
            read()
            keyVariable = valueVariable
            valueVariable = text(of: second)
        }
        guard isKeyword(peek(), "in") else {
            _ = abandonFor(open: open, closer: closer, at: peek(),
                detail: "The variable names must be followed by \"in\" and the collection to iterate over.")
            return nil
        }
        read()
        return (keyVariable, valueVariable)
    }

    private mutating func finishFor(
        open: Token, closer: TokenKind, keyVariable: String?, valueVariable: String,
        collection: SyntaxExpression, keyResult: SyntaxExpression?, valueResult: SyntaxExpression,
        ellipsis: Token?, condition: SyntaxExpression?
    ) -> SyntaxExpression {
        let isObject = closer == .closeBrace
        let closeRange: SourceRange
        let close = peek()
        if close.kind == closer {
            read()
            closeRange = close.range
        } else {
            report(
                .invalidForExpression,
                detail: "Expected \"\(isObject ? "}" : "]")\" to end the 'for' expression, but found more text. A 'for' expression ends after its result and optional \"if\" condition.",
                at: close, context: open.range.union(close.range))
            closeRange = recover(to: closer)?.range ?? .empty(at: previousEnd)
        }
        let range = SourceRange(start: open.range.start, end: previousEnd)

        if isObject {
            if keyResult == nil {
                report(
                    .invalidForExpression,
                    detail: "A 'for' expression in braces builds an object, so it needs a key and a value: {for item in list : item.name => item}.",
                    at: valueResult.range, context: range)
            }
        } else {
            if let keyResult {
                report(
                    .invalidForExpression,
                    detail: "A 'for' expression in brackets builds a tuple, which has no keys. Remove the key and \"=>\", or use braces { } to build an object.",
                    at: keyResult.range, context: range)
            }
            if let ellipsis {
                report(
                    .invalidForExpression,
                    detail: "The grouping \"...\" only applies when building an object, where it collects the values that share a key. Remove it.",
                    at: ellipsis, context: range)
            }
        }
        return .forExpression(ForExpression(
            keyVariable: keyVariable, valueVariable: valueVariable, collection: collection,
            keyResult: keyResult, valueResult: valueResult, condition: condition,
            isGrouped: ellipsis != nil, isObject: isObject,
            openRange: open.range, closeRange: closeRange, range: range))
    }

    private mutating func abandonFor(
        open: Token, closer: TokenKind, at token: Token? = nil, detail: String = ""
    ) -> SyntaxExpression {
        if let token {
            report(.invalidForExpression, detail: detail, at: token, context: open.range.union(token.range))
        }
        recover(to: closer)
        return .invalid(SourceRange(start: open.range.start, end: previousEnd))
    }
}
