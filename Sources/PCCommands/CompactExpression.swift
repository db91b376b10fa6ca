import PCDiagnostics
import PCLSyntax

/// An expression's source written on one line in the canonical style, for
/// a table cell: `map(object({ port = number, replicas = optional(number, 1) }))`.
///
/// The layout is the formatter's (the spacing `pcplan fmt` gives a
/// one-line expression); this type only joins the lines. A newline that
/// separates two items of an object becomes a comma, other line breaks
/// become nothing, comments and trailing commas are dropped. Quoted
/// strings keep their bytes. Heredocs cannot be written on one line, so
/// an expression with one keeps its words and loses only its line breaks.
enum CompactExpression {
    /// The one-line text of `expression`, written in `file`.
    static func render(_ expression: SyntaxExpression, in file: SourceFile) -> String {
        let range = expression.range
        let bytes = Array(file.bytes[Int(range.start)..<Int(range.end)])
        return render(source: bytes, path: file.path)
    }

    /// The one-line text of an expression's source bytes.
    static func render(source bytes: [UInt8], path: String = "<expression>") -> String {
        let lexed = Lexer.tokenize(SourceFile(path: path, bytes: bytes))
        guard let joined = joinLines(lexed, itemCommas: true) else { return collapsedWhitespace(bytes) }
        if let canonical = canonicalSpacing(joined) { return canonical }
        // A `for` expression in braces may break lines anywhere: there a
        // newline separates nothing.
        if let plain = joinLines(lexed, itemCommas: false), let canonical = canonicalSpacing(plain) { return canonical }
        return joined
    }

    /// The tokens on one line with the source's own spacing, or nil when
    /// the text has a heredoc. With `itemCommas`, a line break between two
    /// items of an object becomes a comma.
    private static func joinLines(_ lexed: LexedFile, itemCommas: Bool) -> String? {
        let source = lexed.file.bytes
        var output: [UInt8] = []
        // What each open bracket is, to know whether a newline inside it
        // separates object items.
        var open: [TokenKind] = []
        var pendingSpace = false
        var pendingItemBreak = false
        var previousEnd = 0
        for token in lexed.tokens {
            switch token.kind {
            case .heredocOpen, .heredocLiteral, .heredocClose, .badUTF8, .invalid:
                return nil
            case .endOfFile:
                return String(decoding: output, as: UTF8.self)
            case .comment:
                pendingSpace = true
                previousEnd = token.end
                continue
            case .newline:
                if itemCommas && open.last == .openBrace { pendingItemBreak = true } else { pendingSpace = true }
                previousEnd = token.end
                continue
            default:
                break
            }
            if token.start > previousEnd && !isInsideQuotes(open) { pendingSpace = true }
            let closes = [TokenKind.closeBrace, .closeBracket, .closeParen].contains(token.kind)
            if closes {
                if output.last == UInt8(ascii: ",") { output.removeLast() }
                pendingItemBreak = false
            }
            if pendingItemBreak {
                if let last = output.last, last != UInt8(ascii: "{"), last != UInt8(ascii: ","), token.kind != .comma {
                    output.append(UInt8(ascii: ","))
                }
                pendingSpace = true
                pendingItemBreak = false
            }
            if pendingSpace && !output.isEmpty && !isInsideQuotes(open) { output.append(UInt8(ascii: " ")) }
            pendingSpace = false
            output += source[token.start..<token.end]
            previousEnd = token.end
            switch token.kind {
            case .openBrace, .openBracket, .openParen, .openQuote, .templateInterpolation, .templateControl:
                open.append(token.kind)
            case .closeBrace, .closeBracket, .closeParen, .closeQuote, .templateEnd:
                if !open.isEmpty { open.removeLast() }
            default:
                break
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Literal text of a quoted string is copied as it is, spaces included.
    private static func isInsideQuotes(_ open: [TokenKind]) -> Bool {
        open.last == .openQuote
    }

    /// `text` as the formatter lays it out, or nil if it does not parse as
    /// one expression.
    private static func canonicalSpacing(_ text: String) -> String? {
        let prefix = "x = "
        let syntax = Parser.parse(SourceFile(path: "<expression>", text: prefix + text + "\n"))
        guard !syntax.diagnostics.hasErrors,
              syntax.body.attributes.count == 1, syntax.body.blocks.isEmpty else { return nil }
        let formatted = PCLFormatter.format(LexedFile(file: syntax.source, tokens: syntax.tokens, diagnostics: []))
        var result = String(decoding: formatted, as: UTF8.self)
        guard result.hasPrefix(prefix) else { return nil }
        result.removeFirst(prefix.count)
        while result.last == "\n" { result.removeLast() }
        return result.contains("\n") ? nil : result
    }

    /// The last resort: every run of whitespace, line breaks included, as
    /// one space.
    private static func collapsedWhitespace(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
            .joined(separator: " ")
    }
}
