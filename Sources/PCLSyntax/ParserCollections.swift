import PCDiagnostics

/// Tuple and object constructors. Newlines are ignored inside `[ ]`; inside
/// `{ }` they separate items, like commas.
extension SyntaxParser {
    mutating func parseTuple() -> SyntaxExpression {
        let open = read()
        pushNewlines(false)
        defer { popNewlines() }
        if startsForExpression() { return parseForExpression(open: open) }

        var elements: [SyntaxExpression] = []
        while true {
            if peekKind() == .closeBracket {
                read()
                break
            }
            let errorsBefore = errorCount
            elements.append(parseExpression())
            if recovering && errorCount > errorsBefore {
                recover(to: .closeBracket)
                break
            }
            let separator = peek()
            if separator.kind == .closeBracket {
                read()
                break
            }
            if separator.kind == .comma {
                read()
                continue
            }
            reportTupleSeparator(open: open, separator: separator)
            break
        }
        return .tuple(Tuple(
            elements: elements, openRange: open.range,
            range: SourceRange(start: open.range.start, end: previousEnd)))
    }

    /// `for` followed by a name starts a for expression; `{ for = 1 }` is
    /// an ordinary object with a key named "for".
    private func startsForExpression() -> Bool {
        isKeyword(peek(), "for") && peekSecond().kind == .identifier
    }

    private mutating func reportTupleSeparator(open: Token, separator: Token) {
        if separator.kind == .endOfFile {
            report(
                .unterminatedTuple,
                detail: "The file ends before the \"]\" that closes this tuple. Add it after the last element; if it is there, a bracket inside may be missing or extra.",
                at: open)
        } else {
            report(
                .missingItemSeparator,
                detail: "Tuple elements are separated by commas. Add a \",\" before this element, or close the tuple with \"]\".",
                at: separator, context: open.range.union(separator.range))
        }
        recover(to: .closeBracket)
    }

    mutating func parseObject() -> SyntaxExpression {
        let open = read()
        // `for` may follow on the next line: for expressions ignore newlines.
        pushNewlines(false)
        let isFor = startsForExpression()
        popNewlines()
        if isFor { return parseForExpression(open: open) }

        pushNewlines(true)
        defer { popNewlines() }
        var items: [ObjectItem] = []
        loop: while true {
            let next = peek()
            switch next.kind {
            case .newline:
                read()
                continue loop
            case .closeBrace:
                read()
                break loop
            case .endOfFile:
                reportUnterminatedObject(open)
                break loop
            default:
                break
            }
            let errorsBefore = errorCount
            let key = parseExpression()
            if recovering && errorCount > errorsBefore {
                recover(to: .closeBrace)
                break
            }
            let separator = peek()
            guard separator.kind == .equal || separator.kind == .colon else {
                reportKeyValueSeparator(open: open, separator: separator)
                break
            }
            read()
            let value = parseExpression()
            items.append(ObjectItem(key: key, value: value, separatorRange: separator.range))
            if recovering && errorCount > errorsBefore {
                recover(to: .closeBrace)
                break
            }
            let after = peek()
            switch after.kind {
            case .closeBrace:
                read()
                break loop
            case .comma, .newline:
                read()
            case .endOfFile:
                reportUnterminatedObject(open)
                break loop
            default:
                reportItemSeparator(open: open, after: after)
                break loop
            }
        }
        return .object(Object(
            items: items, openRange: open.range,
            range: SourceRange(start: open.range.start, end: previousEnd)))
    }

    private mutating func reportKeyValueSeparator(open: Token, separator: Token) {
        let context = open.range.union(separator.range)
        switch separator.kind {
        case .newline, .comma:
            report(
                .missingAttributeValue,
                detail: "Each key of an object needs a value, introduced by \"=\": key = value.",
                at: separator, context: context)
        case .identifier:
            report(
                .missingKeyValueSeparator,
                detail: "Expected \"=\" between the key and its value. A key containing dots or spaces must be quoted, as in \"a.b\" = value.",
                at: separator, context: context)
        case .endOfFile:
            reportUnterminatedObject(open)
        default:
            report(
                .missingKeyValueSeparator,
                detail: "Expected \"=\" after the key, followed by its value: key = value.",
                at: separator, context: context)
        }
        recover(to: .closeBrace)
    }

    private mutating func reportItemSeparator(open: Token, after: Token) {
        report(
            .missingAttributeSeparator,
            detail: "Object items are separated by commas or newlines. Add one before this item, or close the object with \"}\".",
            at: after, context: open.range.union(after.range))
        recover(to: .closeBrace)
    }

    private mutating func reportUnterminatedObject(_ open: Token) {
        report(
            .unterminatedObject,
            detail: "The file ends before the \"}\" that closes this object. Add it after the last item; if it is there, a brace inside may be missing or extra.",
            at: open)
        recovering = true
    }
}
