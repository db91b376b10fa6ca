import PCDiagnostics

/// One element of a template before its directives are matched up: the
/// first of the two passes hclsyntax also uses, so that strip markers and
/// heredoc indentation apply to literal text only, never to interpolated
/// values.
enum TemplatePiece {
    case literal(String, SourceRange)
    case interpolation(SyntaxExpression, SourceRange)
    case ifOpen(SyntaxExpression, SourceRange)
    case forOpen(key: String?, value: String, collection: SyntaxExpression, SourceRange)
    case elseMark(SourceRange)
    case endIfMark(SourceRange)
    case endForMark(SourceRange)
}

/// Quoted templates and heredocs.
extension SyntaxParser {
    /// With the cursor on `"` or a heredoc opener.
    mutating func parseTemplate() -> SyntaxExpression {
        let open = read()
        return parseTemplateBody(open: open, closer: open.kind == .heredocOpen ? .heredocClose : .closeQuote)
    }

    /// A whole file of template text, tokenized by `Lexer.tokenizeTemplate`.
    mutating func parseTemplateFile() -> SyntaxExpression {
        parseTemplateBody(open: Token(.heredocOpen, start: 0, end: 0), closer: .endOfFile)
    }

    private mutating func parseTemplateBody(open: Token, closer: TokenKind) -> SyntaxExpression {
        var pieces: [TemplatePiece] = []
        var trimNextLeading = false
        var previousIsLiteral = false
        while true {
            let kind = peekRaw().kind
            if kind == closer {
                read()
                break
            }
            let trimLeading = trimNextLeading
            let canTrimPrevious = previousIsLiteral
            trimNextLeading = false
            previousIsLiteral = false
            if kind == .quotedLiteral || kind == .heredocLiteral {
                appendLiteral(to: &pieces, trimLeading: trimLeading)
                previousIsLiteral = true
            } else if kind == .templateInterpolation || kind == .templateControl {
                let token = read()
                if canTrimPrevious, token.end - token.start == 3 { SyntaxParser.trimLastLiteral(&pieces) }
                pushNewlines(false)
                let piece = kind == .templateInterpolation
                    ? parseInterpolation(open: token, quoted: closer == .closeQuote, trimNext: &trimNextLeading)
                    : parseDirective(open: token, trimNext: &trimNextLeading)
                popNewlines()
                if let piece { pieces.append(piece) }
            } else {
                // Cut short by a line end or the end of the file; the lexer
                // has reported the unterminated string or heredoc.
                break
            }
        }
        return finishTemplate(open: open, pieces: &pieces)
    }

    private mutating func appendLiteral(to pieces: inout [TemplatePiece], trimLeading: Bool) {
        let token = read()
        var value = decodeLiteral(token, quoted: token.kind == .quotedLiteral)
        if trimLeading { value = SyntaxParser.trimmingLeadingWhitespace(value) }
        pieces.append(.literal(value, token.range))
    }

    /// `${~` and `%{~` strip the whitespace at the end of the literal before.
    private static func trimLastLiteral(_ pieces: inout [TemplatePiece]) {
        if case .literal(let value, let range)? = pieces.last {
            pieces[pieces.count - 1] = .literal(trimmingTrailingWhitespace(value), range)
        }
    }

    private mutating func finishTemplate(open: Token, pieces: inout [TemplatePiece]) -> SyntaxExpression {
        let range = SourceRange(start: open.range.start, end: previousEnd)
        let isFlush = open.kind == .heredocOpen && open.end - open.start > 2
            && bytes[open.start + 2] == UInt8(ascii: "-")
        if pieces.isEmpty {
            pieces.append(.literal("", .empty(at: open.range.end)))
        }
        if isFlush { SyntaxParser.trimFlushIndentation(&pieces) }
        SyntaxParser.meldLiterals(&pieces)
        if pieces.count == 1, case .interpolation(let expression, _) = pieces[0] {
            return .templateWrap(TemplateWrap(wrapped: expression, range: range))
        }
        return .template(buildTemplate(pieces, range: range))
    }

    /// `${ expression }`, with the cursor after `${`.
    private mutating func parseInterpolation(open: Token, quoted: Bool, trimNext: inout Bool) -> TemplatePiece {
        let expression = parseExpression()
        let close = peek()
        if close.kind == .templateEnd {
            read()
            trimNext = close.end - close.start == 2
        } else {
            reportUnclosedInterpolation(open: open, close: close, quoted: quoted)
        }
        return .interpolation(expression, SourceRange(start: open.range.start, end: previousEnd))
    }

    private mutating func reportUnclosedInterpolation(open: Token, close: Token, quoted: Bool) {
        let context = open.range.union(close.range)
        switch close.kind {
        case .endOfFile:
            break  // the lexer reports the unclosed interpolation
        case .colon:
            report(
                .extraCharactersAfterInterpolation,
                detail: "A \":\" cannot follow the expression in an interpolation. If this is text for another language, such as a shell's ${VAR:-default}, escape it by writing \"$${\" instead of \"${\".",
                at: close, context: context)
        case .openQuote where quoted, .closeQuote where quoted:
            report(
                .unclosedInterpolation,
                detail: "This interpolation has no closing \"}\" before the end of the string. Add \"}\" after the expression.",
                at: open)
        default:
            report(
                .extraCharactersAfterInterpolation,
                detail: "Expected \"}\" to end the interpolation, but found more text. If this sequence belongs to another language, such as a shell script, escape it by writing \"$${\" instead of \"${\".",
                at: close, context: context)
        }
        recoverTemplateSequence()
    }

    /// `%{ keyword … }`, with the cursor after `%{`.
    private mutating func parseDirective(open: Token, trimNext: inout Bool) -> TemplatePiece? {
        let keyword = peek()
        guard keyword.kind == .identifier else {
            report(
                .invalidTemplateDirective,
                detail: "A template directive starts with a keyword: if, else, endif, for or endfor, as in %{ if condition }.",
                at: keyword, context: open.range.union(keyword.range))
            recoverTemplateSequence()
            return nil
        }
        read()
        let word = text(of: keyword)
        enum Kind { case ifOpen(SyntaxExpression), forOpen(String?, String, SyntaxExpression), elseMark, endIf, endFor }
        let kind: Kind
        switch word {
        case "if":
            kind = .ifOpen(parseExpression())
        case "else":
            kind = .elseMark
        case "endif":
            kind = .endIf
        case "endfor":
            kind = .endFor
        case "for":
            guard let (key, value) = parseForDirectiveVariables() else {
                // Stands in for the broken directive so its %{endfor} is
                // not reported as unmatched too.
                let range = SourceRange(start: open.range.start, end: previousEnd)
                return .forOpen(key: nil, value: "", collection: .invalid(range), range)
            }
            kind = .forOpen(key, value, parseExpression())
        default:
            let suggestion = SyntaxParser.directiveSuggestion(for: word).map { " Did you mean \"\($0)\"?" } ?? ""
            report(
                .invalidTemplateControlKeyword,
                detail: "\"\(word)\" is not a template directive. The directives are if, else, endif, for and endfor.\(suggestion)",
                at: keyword, context: open.range.union(keyword.range))
            recoverTemplateSequence()
            return nil
        }

        let close = peek()
        if close.kind == .templateEnd {
            read()
            trimNext = close.end - close.start == 2
        } else {
            report(
                .extraCharactersInDirective,
                summary: "Extra characters in \(word) marker",
                detail: "Expected \"}\" to end the %{\(word)} directive, but found more text.",
                at: close, context: open.range.union(close.range))
            recoverTemplateSequence()
        }
        let range = SourceRange(start: open.range.start, end: previousEnd)
        switch kind {
        case .ifOpen(let condition): return .ifOpen(condition, range)
        case .forOpen(let key, let value, let collection): return .forOpen(key: key, value: value, collection: collection, range)
        case .elseMark: return .elseMark(range)
        case .endIf: return .endIfMark(range)
        case .endFor: return .endForMark(range)
        }
    }

    /// `k, v in` or `v in` after `%{for`; nil (reported) if malformed.
    private mutating func parseForDirectiveVariables() -> (String?, String)? {
        let first = peek()
        guard first.kind == .identifier else {
            return abandonDirective(at: first, detail: "\"for\" must be followed by a variable name, as in %{ for item in list }.")
        }
        read()
        var key: String?
        var value = text(of: first)
        if peekKind() == .comma {
            read()
            let second = peek()
            guard second.kind == .identifier else {
                return abandonDirective(at: second, detail: "The comma must be followed by the name of the value variable, as in %{ for key, value in map }.")
            }
            read()
            key = value
            value = text(of: second)
        }
        guard isKeyword(peek(), "in") else {
            return abandonDirective(at: peek(), detail: "The variable names must be followed by \"in\" and the collection to iterate over.")
        }
        read()
        return (key, value)
    }

    private mutating func abandonDirective<T>(at token: Token, detail: String) -> T? {
        report(.invalidForDirective, detail: detail, at: token)
        recoverTemplateSequence()
        return nil
    }

    private static func directiveSuggestion(for word: String) -> String? {
        let lowered = word.lowercased()
        let keywords = ["if", "else", "endif", "for", "endfor"]
        if keywords.contains(lowered) { return lowered }
        let aliases = ["elif": "else", "elseif": "else", "end": "endif", "fi": "endif", "foreach": "for",
                       "end_if": "endif", "end_for": "endfor", "done": "endfor", "each": "for"]
        return aliases[lowered]
    }

    // MARK: Whitespace

    static func trimmingLeadingWhitespace(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...])
    }

    static func trimmingTrailingWhitespace(_ value: String) -> String {
        let scalars = value.unicodeScalars
        guard let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[...last])
    }

    /// `<<-` heredocs: removes from every line the smallest indentation of
    /// any line, counted on the literal text only. A line that starts with
    /// an interpolation has no indentation; blank lines do not count.
    static func trimFlushIndentation(_ pieces: inout [TemplatePiece]) {
        var minimum = Int.max
        var atLineStart = true
        var adjust: [Int] = []
        for (index, piece) in pieces.enumerated() {
            if atLineStart {
                atLineStart = false
                if case .literal(let value, _) = piece {
                    let indentation = value.unicodeScalars.prefix(while: { $0.properties.isWhitespace })
                    let isBlank = indentation.count == value.unicodeScalars.count && value.hasSuffix("\n")
                    if !isBlank {
                        minimum = min(minimum, indentation.count)
                        adjust.append(index)
                    }
                } else {
                    minimum = 0
                }
            }
            if case .literal(let value, _) = piece, value.utf8.last == UInt8(ascii: "\n") {
                atLineStart = true
            }
        }
        guard minimum > 0, minimum != Int.max else { return }
        for index in adjust {
            guard case .literal(let value, let range) = pieces[index] else { continue }
            let scalars = value.unicodeScalars
            let cut = scalars.index(scalars.startIndex, offsetBy: minimum, limitedBy: scalars.endIndex) ?? scalars.endIndex
            let removedBytes = value.utf8.distance(from: value.utf8.startIndex, to: cut)
            pieces[index] = .literal(
                String(scalars[cut...]),
                SourceRange(start: min(range.end, range.start + UInt32(removedBytes)), end: range.end))
        }
    }

    /// Joins neighbouring literals, after trimming, into one part. Appends
    /// in place so a long heredoc (one literal per line) stays linear.
    static func meldLiterals(_ pieces: inout [TemplatePiece]) {
        var melded: [TemplatePiece] = []
        melded.reserveCapacity(pieces.count)
        var text = ""
        var textRange: SourceRange?
        for piece in pieces {
            if case .literal(let value, let range) = piece {
                if let current = textRange {
                    text += value
                    textRange = current.union(range)
                } else {
                    text = value
                    textRange = range
                }
                continue
            }
            if let range = textRange {
                melded.append(.literal(text, range))
                textRange = nil
            }
            melded.append(piece)
        }
        if let range = textRange { melded.append(.literal(text, range)) }
        pieces = melded
    }
}
