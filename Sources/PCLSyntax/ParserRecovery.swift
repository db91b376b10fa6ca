import PCDiagnostics

/// Where the parser resumes after an error. Every routine here consumes
/// tokens without recursion, so a broken 100,000-deep nest costs a loop, not
/// the stack; each sets `recovering` so follow-on errors stay quiet.
extension SyntaxParser {
    /// Skips to just after the end of the current body item: the next
    /// newline outside any bracket. Stops before a `}` that closes the
    /// enclosing block, so the block still ends where it should.
    mutating func recoverAfterBodyItem() {
        recovering = true
        var open: [TokenKind] = []
        while true {
            let token = peek()
            switch token.kind {
            case .endOfFile:
                return
            case .newline:
                read()
                // A quoted string cannot continue past a line end.
                while open.last == .openQuote { open.removeLast() }
                if open.isEmpty { return }
            case .openBrace, .openBracket, .openParen, .openQuote, .heredocOpen,
                 .templateInterpolation, .templateControl:
                open.append(token.kind)
                read()
            case .closeBrace, .closeBracket, .closeParen, .closeQuote, .heredocClose:
                if open.isEmpty && token.kind == .closeBrace { return }
                read()
                let opener = token.kind.matchingOpener
                if let match = open.lastIndex(of: opener) {
                    open.removeSubrange(match...)
                }
            case .templateEnd:
                read()
                if let match = open.lastIndex(where: { $0 == .templateInterpolation || $0 == .templateControl }) {
                    open.removeSubrange(match...)
                }
            default:
                read()
            }
        }
    }

    /// Skips to just after the `closer` that ends the construct the cursor
    /// is in, counting nested pairs of the same kind. Returns that token, or
    /// nil at the end of the file.
    @discardableResult
    mutating func recover(to closer: TokenKind) -> Token? {
        recovering = true
        var nesting = 0
        while true {
            let token = read()
            let kind = token.kind
            if kind == .endOfFile { return nil }
            if kind == closer {
                if nesting == 0 { return token }
                nesting -= 1
            } else if kind == closer.matchingOpener
                        || (closer == .templateEnd && (kind == .templateInterpolation || kind == .templateControl)) {
                nesting += 1
            }
        }
    }

    /// After an error inside `${…}` or `%{…}`: skips to just after its
    /// closing `}`, but stops before the end of the enclosing template so a
    /// broken sequence cannot swallow the rest of the file.
    mutating func recoverTemplateSequence() {
        recovering = true
        var nesting = 0
        while true {
            let token = peek()
            switch token.kind {
            case .endOfFile:
                return
            case .templateInterpolation, .templateControl:
                nesting += 1
            case .templateEnd:
                read()
                if nesting == 0 { return }
                nesting -= 1
                continue
            case .closeQuote, .heredocClose:
                if nesting == 0 { return }
            default:
                break
            }
            read()
        }
    }

    /// Skips the rest of an expression that cannot be parsed (too deep):
    /// everything up to a `,`, an unmatched closer or a significant newline.
    mutating func skipExpression() {
        recovering = true
        var nesting = 0
        while true {
            let token = peek()
            switch token.kind {
            case .endOfFile:
                return
            // Quotes and heredoc markers need no counting: only brackets and
            // template sequences can hold the tokens this stops at.
            case .openBrace, .openBracket, .openParen, .templateInterpolation, .templateControl:
                nesting += 1
            case .closeBrace, .closeBracket, .closeParen, .templateEnd:
                if nesting == 0 { return }
                nesting -= 1
            case .comma, .newline:
                if nesting == 0 { return }
            default:
                break
            }
            read()
        }
    }
}

extension TokenKind {
    /// The opening token that a closing token pairs with (itself otherwise).
    var matchingOpener: TokenKind {
        switch self {
        case .closeBrace: .openBrace
        case .closeBracket: .openBracket
        case .closeParen: .openParen
        case .closeQuote: .openQuote
        case .heredocClose: .heredocOpen
        case .templateEnd: .templateInterpolation
        default: self
        }
    }
}
