/// The spacing rules between two neighbouring tokens of one cell, as
/// `terraform fmt` (hclwrite) applies them.
///
/// The order of the checks matters: several rules can match one pair, and the
/// first match decides, exactly as in the reference formatter. Keeping that
/// order is what makes the output byte-identical to `terraform fmt`.
enum FormatterSpacing {
    /// How a token changes the bracket depth: openers (including `${` and
    /// `%{`) count +1, closers (including a template's `}`) count -1.
    @inline(__always)
    static func bracketChange(_ kind: TokenKind) -> Int {
        switch kind {
        case .openBrace, .openBracket, .openParen, .templateInterpolation, .templateControl:
            return 1
        case .closeBrace, .closeBracket, .closeParen, .templateEnd:
            return -1
        default:
            return 0
        }
    }

    /// Whether one space separates `subject` from `after`, the token that
    /// follows it in the same cell. `before` is the token in front of
    /// `subject` in that cell, or nil when `subject` starts the cell.
    /// `subjectIsIn` says whether `subject` is the identifier `in`, which the
    /// caller knows from the bytes.
    static func spaceAfter(
        _ subject: TokenKind, before: TokenKind?, after: TokenKind, subjectIsIn: Bool
    ) -> Bool {
        if after == .newline || after == .endOfFile {
            return false
        }
        if subject == .identifier && after == .openParen {
            return false // a function name stays attached to its arguments
        }
        if (subject == .identifier && after == .doubleColon) || (subject == .doubleColon && after == .identifier) {
            return false // provider::name::function
        }
        if subject == .dot || after == .dot {
            return false
        }
        if after == .comma || after == .ellipsis {
            return false
        }
        if subject == .comma {
            return true
        }
        switch subject {
        case .quotedLiteral, .heredocLiteral, .openQuote, .heredocOpen:
            return false // template text is never re-spaced
        default:
            break
        }
        switch after {
        case .quotedLiteral, .heredocLiteral, .closeQuote, .heredocClose:
            return false
        default:
            break
        }
        if subjectIsIn && before == .identifier {
            // `[for x in [a]: x]`: `in` is a keyword here, not a name being
            // indexed, so it keeps its space.
            return true
        }
        if after == .openBracket
            && (subject == .identifier || subject == .number || bracketChange(subject) < 0) {
            return false // an index: `a[0]`, `f(x)[0]`
        }
        if subject == .bang {
            return false
        }
        if subject == .minus {
            return !minusIsNegation(before: before)
        }
        if subject == .openBrace || after == .closeBrace {
            // Braces keep a space inside them, except an empty pair `{}`.
            return !(subject == .openBrace && after == .closeBrace)
        }
        if (subject == .templateInterpolation || subject == .templateControl) && after == .openBrace {
            return true
        }
        if subject == .closeBrace && after == .templateEnd {
            return true
        }
        if subject == .templateEnd && (after == .templateInterpolation || after == .templateControl) {
            return false
        }
        if bracketChange(subject) > 0 {
            return false
        }
        if bracketChange(after) < 0 {
            return false
        }
        return true
    }

    /// A minus is taken as negation (no space after it) when the token
    /// before it cannot end an operand. `=>` is deliberately absent, as in
    /// the reference formatter.
    @inline(__always)
    static func minusIsNegation(before: TokenKind?) -> Bool {
        guard let before else { return true }
        switch before {
        case .openParen, .openBrace, .openBracket, .equal, .colon, .comma, .question,
             .plus, .star, .slash, .percent, .minus,
             .equalEqual, .notEqual, .greater, .greaterEqual, .less, .lessEqual,
             .and, .or, .bang:
            return true
        default:
            return false
        }
    }
}
