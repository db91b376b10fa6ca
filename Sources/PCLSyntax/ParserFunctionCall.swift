import PCDiagnostics

/// `name(args)`, `name(args, list...)` and namespaced
/// `provider::aws::arn_parse(arg)`.
extension SyntaxParser {
    /// With the cursor on the function's name, followed by `(` or `::`.
    mutating func parseFunctionCall() -> SyntaxExpression {
        guard let (name, nameRange, open) = parseFunctionName() else { return .invalid(.empty(at: previousEnd)) }
        pushNewlines(false)
        defer { popNewlines() }
        var arguments: [SyntaxExpression] = []
        var expands = false
        var close: Token?
        loop: while true {
            if peekKind() == .closeParen {
                close = read()
                break
            }
            let errorsBefore = errorCount
            arguments.append(parseExpression())
            if recovering && errorCount > errorsBefore {
                close = recover(to: .closeParen)
                break
            }
            let separator = peek()
            switch separator.kind {
            case .closeParen:
                close = read()
                break loop
            case .comma:
                read()
            case .ellipsis:
                read()
                expands = true
                close = peekKind() == .closeParen ? read() : reportExpansionNotLast(separator, nameRange: nameRange)
                break loop
            default:
                close = reportArgumentSeparator(separator, nameRange: nameRange, open: open)
                break loop
            }
        }
        let closeRange = close?.range ?? .empty(at: previousEnd)
        return .functionCall(FunctionCall(
            name: name, arguments: arguments, expandsFinalArgument: expands,
            nameRange: nameRange, openParenRange: open.range, closeParenRange: closeRange,
            range: SourceRange(start: nameRange.start, end: previousEnd)))
    }

    /// The name, with any namespace, and the `(` after it; nil (reported)
    /// when either is malformed.
    private mutating func parseFunctionName() -> (String, SourceRange, Token)? {
        let first = read()
        var name = text(of: first)
        var nameEnd = first.range.end
        while peekKind() == .doubleColon {
            read()
            let part = peek()
            guard part.kind == .identifier else {
                report(
                    .missingFunctionName,
                    detail: "\"::\" must be followed by the name of a function in that namespace, as in provider::aws::arn_parse(arn).",
                    at: part, context: first.range.union(part.range))
                recovering = true
                return nil
            }
            read()
            name += "::" + text(of: part)
            nameEnd = part.range.end
        }
        let nameRange = SourceRange(start: first.range.start, end: nameEnd)
        let open = peek()
        guard open.kind == .openParen else {
            report(
                .missingOpenParenthesis,
                detail: "A function name must be followed by \"(\" and its arguments.",
                at: open, context: nameRange.union(open.range))
            recovering = true
            return nil
        }
        read()
        return (name, nameRange, open)
    }

    private mutating func reportExpansionNotLast(_ ellipsis: Token, nameRange: SourceRange) -> Token? {
        report(
            .missingClosingParenthesis,
            detail: "Only the last argument can be expanded with \"...\": put \")\" right after it.",
            at: ellipsis, context: nameRange.union(ellipsis.range))
        return recover(to: .closeParen)
    }

    private mutating func reportArgumentSeparator(_ separator: Token, nameRange: SourceRange, open: Token) -> Token? {
        if separator.kind == .endOfFile {
            report(
                .unterminatedFunctionCall,
                detail: "The file ends before the \")\" that closes this function call. Add it after the last argument; if it is there, a bracket inside may be missing or extra.",
                at: nameRange.union(open.range))
            recovering = true
            return nil
        }
        report(
            .missingArgumentSeparator,
            detail: "Function arguments are separated by commas. Add a \",\" before this argument, or close the call with \")\".",
            at: separator, context: nameRange.union(separator.range))
        return recover(to: .closeParen)
    }
}
