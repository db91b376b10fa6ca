import PCDiagnostics

/// Bodies, arguments and blocks: the newline-sensitive structure of a file.
extension SyntaxParser {
    mutating func parseFile() -> SyntaxBody {
        var items: [SyntaxBodyItem] = []
        while true {
            recovering = false
            let token = peek()
            switch token.kind {
            case .endOfFile:
                return SyntaxBody(items: items, range: SourceRange(0, bytes.count))
            case .newline:
                read()
            case .identifier:
                if let item = parseBodyItem() { items.append(item) }
            case .closeBrace:
                read()
                report(
                    .argumentOrBlockRequired,
                    detail: "This closing brace has no matching opening brace. Remove it, or check how the braces above it are nested.",
                    at: token)
                recoverAfterBodyItem()
            default:
                read()
                reportBadItemStart(token)
                recoverAfterBodyItem()
            }
        }
    }

    /// The items of a block after its `{`, through its `}`. Returns the
    /// closing brace, or nil when the file ends first.
    mutating func parseBlockBody(open: Token, header: SourceRange) -> (items: [SyntaxBodyItem], close: Token?) {
        var items: [SyntaxBodyItem] = []
        while true {
            // An item whose recovery ran to the end of the file has already
            // explained the problem; the missing brace is a consequence.
            let previousItemRecovered = recovering
            recovering = false
            let token = peek()
            switch token.kind {
            case .closeBrace:
                read()
                return (items, token)
            case .endOfFile:
                if !reportedUnclosedAtEnd && !previousItemRecovered {
                    reportedUnclosedAtEnd = true
                    report(
                        .unclosedBlock,
                        detail: "The file ends before the closing brace of this block. Add a \"}\" after the block's last item; if it has one, a brace above it may be missing or extra.",
                        at: open, context: header.union(open.range))
                }
                return (items, nil)
            case .newline:
                read()
            case .identifier:
                if let item = parseBodyItem() { items.append(item) }
            default:
                read()
                reportBadItemStart(token)
                recoverAfterBodyItem()
            }
        }
    }

    private mutating func reportBadItemStart(_ token: Token) {
        if token.kind == .openQuote {
            report(
                .invalidArgumentName,
                detail: "Argument names are not quoted. Write the name without quotes, as in name = \"value\".",
                at: token)
        } else {
            report(
                .argumentOrBlockRequired,
                detail: "Each item of a body must be an argument (name = value) or a block (type \"label\" { … }), starting with a name.",
                at: token)
        }
    }

    /// An argument or a block, starting at the identifier under the cursor.
    mutating func parseBodyItem() -> SyntaxBodyItem? {
        let name = read()
        let next = peek()
        switch next.kind {
        case .equal:
            return .attribute(finishAttribute(name: name, singleLine: false))
        case .openQuote, .openBrace, .identifier:
            return .block(finishBlock(type: name))
        default:
            report(
                .argumentOrBlockRequired,
                detail: "\"\(text(of: name))\" must be followed by \"=\" and a value to set an argument, or by labels and \"{\" to start a block.",
                at: name)
            recoverAfterBodyItem()
            return nil
        }
    }

    /// The rest of `name = value`, with the cursor on `=`. Outside one-line
    /// blocks the value must end its line.
    mutating func finishAttribute(name: Token, singleLine: Bool) -> SyntaxAttribute {
        let equals = read()
        let errorsBefore = errorCount
        let value = parseExpression()
        var end = previousEnd
        if recovering && errorCount > errorsBefore {
            end = max(previousEnd, value.range.end)
            recoverAfterBodyItem()
        } else if !singleLine {
            let next = peek()
            if next.kind == .newline || next.kind == .endOfFile {
                read()
            } else {
                if next.kind == .comma {
                    report(
                        .unexpectedCommaAfterArgument,
                        detail: "Arguments are separated by newlines, not commas. Remove the comma and put the next argument on its own line.",
                        at: next, context: name.range.union(next.range))
                } else {
                    report(
                        .missingNewlineAfterArgument,
                        detail: "An argument definition must end at the end of its line. Put anything that follows on a new line.",
                        at: next, context: name.range.union(next.range))
                }
                recoverAfterBodyItem()
            }
        }
        return SyntaxAttribute(
            name: text(of: name), value: value,
            nameRange: name.range, equalsRange: equals.range,
            range: SourceRange(start: name.range.start, end: max(end, value.range.end)))
    }

    /// The rest of a block, with the cursor after its type name.
    mutating func finishBlock(type: Token) -> SyntaxBlock {
        var labels: [SyntaxBlockLabel] = []
        let open: Token
        header: while true {
            let token = peek()
            switch token.kind {
            case .openBrace:
                open = read()
                break header
            case .openQuote:
                labels.append(parseQuotedLabel())
            case .identifier:
                read()
                labels.append(SyntaxBlockLabel(value: text(of: token), range: token.range, isQuoted: false))
            default:
                let context = type.range.union(token.range)
                switch token.kind {
                case .equal:
                    report(
                        .invalidBlockDefinition,
                        detail: "\"=\" introduces an argument, so it cannot follow a block's labels. Remove the labels to set an argument, or remove \"=\" to define a block.",
                        at: token, context: context)
                case .newline:
                    report(
                        .invalidBlockDefinition,
                        detail: "A block's opening brace \"{\" must be on the same line as its type and labels.",
                        at: token, context: context)
                default:
                    report(
                        .invalidBlockDefinition,
                        detail: "A block header is a type followed by quoted labels and \"{\"; expected a label or an opening brace here.",
                        at: token, context: context)
                }
                recoverAfterBodyItem()
                let end = SourceRange.empty(at: previousEnd)
                return SyntaxBlock(
                    type: text(of: type), labels: labels,
                    body: SyntaxBody(items: [], range: end),
                    typeRange: type.range, openBraceRange: end, closeBraceRange: end,
                    range: SourceRange(start: type.range.start, end: previousEnd))
            }
        }
        let header = type.range.union(open.range)

        var items: [SyntaxBodyItem] = []
        var close: Token?
        if descend() {
            switch peekKind() {
            case .newline, .endOfFile, .closeBrace:
                (items, close) = parseBlockBody(open: open, header: header)
            default:
                (items, close) = parseSingleLineBody(open: open, header: header)
            }
            ascend()
        } else {
            reportTooDeep(at: open)
            close = recover(to: .closeBrace)
        }
        let closeRange = close?.range ?? SourceRange.empty(at: previousEnd)

        let next = peek()
        if next.kind == .newline || next.kind == .endOfFile {
            read()
        } else {
            report(
                .missingNewlineAfterBlock,
                detail: "A block definition must end at the end of its line. Put anything that follows its closing brace on a new line.",
                at: next, context: type.range.union(next.range))
            recoverAfterBodyItem()
        }
        return SyntaxBlock(
            type: text(of: type), labels: labels,
            body: SyntaxBody(items: items, range: SourceRange(start: open.range.start, end: closeRange.end)),
            typeRange: type.range, openBraceRange: open.range, closeBraceRange: closeRange,
            range: SourceRange(start: type.range.start, end: max(closeRange.end, open.range.end)))
    }

    /// `type { name = value }`: a block with one argument, all on one line.
    private mutating func parseSingleLineBody(open: Token, header: SourceRange) -> ([SyntaxBodyItem], Token?) {
        let name = peek()
        guard name.kind == .identifier else {
            read()
            report(
                .argumentOrBlockRequired,
                detail: "A block written on one line holds a single argument (name = value); expected its name here.",
                at: name)
            return ([], recover(to: .closeBrace))
        }
        read()
        let next = peek()
        guard next.kind == .equal else {
            if next.kind == .openQuote || next.kind == .openBrace || next.kind == .identifier {
                report(
                    .argumentDefinitionRequired,
                    detail: "A block written on one line can hold only a single argument. To set the argument \"\(text(of: name))\", follow it with \"=\"; to define a nested block, put it on its own line inside the parent block.",
                    at: name.range.union(next.range))
            } else {
                report(
                    .argumentOrBlockRequired,
                    detail: "\"\(text(of: name))\" must be followed by \"=\" and a value to set an argument.",
                    at: name)
            }
            return ([], recover(to: .closeBrace))
        }
        let errorsBefore = errorCount
        let attribute = finishAttribute(name: name, singleLine: true)
        let items = [SyntaxBodyItem.attribute(attribute)]
        if recovering && errorCount > errorsBefore {
            return (items, recover(to: .closeBrace))
        }
        let end = peek()
        switch end.kind {
        case .closeBrace:
            read()
            return (items, end)
        case .comma:
            report(
                .invalidSingleLineBlock,
                detail: "A block written on one line can hold only one argument. To set several, write the block over several lines, one argument per line.",
                at: end)
        case .newline:
            report(
                .invalidSingleLineBlock,
                detail: "An argument on the same line as its block's \"{\" makes a one-line block, which must be closed on that line. Put \"}\" right after the argument, or move the argument to the next line.",
                at: end)
        case .endOfFile:
            reportedUnclosedAtEnd = true
            report(
                .unclosedBlock,
                detail: "The file ends before the closing brace of this block. Add a \"}\" after its argument.",
                at: open, context: header)
            return (items, nil)
        default:
            report(
                .invalidSingleLineBlock,
                detail: "A block written on one line must end with \"}\" right after its single argument.",
                at: end)
        }
        return (items, recover(to: .closeBrace))
    }

    /// A quoted block label: a string without interpolations or directives.
    private mutating func parseQuotedLabel() -> SyntaxBlockLabel {
        let open = read()
        var value = ""
        var end = open.range.end
        loop: while true {
            let token = peekRaw()
            switch token.kind {
            case .closeQuote:
                read()
                end = token.range.end
                break loop
            case .quotedLiteral:
                read()
                value += decodeLiteral(token, quoted: true)
                end = token.range.end
            case .templateInterpolation, .templateControl:
                read()
                let sign = token.kind == .templateInterpolation ? "$" : "%"
                report(
                    .invalidStringLiteral,
                    detail: "Block labels cannot contain template sequences. To write a literal \"\(sign){\", double the sign: \"\(sign)\(sign){\".",
                    at: token, context: open.range.union(token.range))
                value += sign + "{ … }"
                recoverTemplateSequence()
                end = previousEnd
            default:
                // The string was cut short by a line end or the end of the
                // file; the lexer has reported it.
                break loop
            }
        }
        return SyntaxBlockLabel(value: value, range: SourceRange(start: open.range.start, end: end), isQuoted: true)
    }

    /// Decodes a literal token, reporting malformed escapes where they are.
    mutating func decodeLiteral(_ token: Token, quoted: Bool) -> String {
        var problems: [StringEscapes.Problem] = []
        let value = StringEscapes.decode(bytes, token.start, token.end, quoted: quoted, problems: &problems)
        for problem in problems {
            report(.invalidEscapeSequence, detail: problem.detail, at: problem.range, always: true)
        }
        return value
    }
}
