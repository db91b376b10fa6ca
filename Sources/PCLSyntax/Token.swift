import PCDiagnostics

/// What a token is. One byte, so a token stays 12 bytes.
///
/// The set follows hclsyntax's scanner: besides the language's own tokens it
/// has tokens for common mistakes (`;`, `'`, `&`, …) so the parser can explain
/// them instead of failing with "unexpected character".
public enum TokenKind: UInt8, Sendable, Hashable, CaseIterable {
    case endOfFile
    /// `\n` or `\r\n`. Newlines end attributes and blocks outside brackets.
    case newline
    /// `# …` or `// …` up to (not including) the line end, or `/* … */`.
    case comment

    case identifier
    /// A decimal number literal: `1`, `0.1`, `1e10`, `2.5E-3`.
    case number

    // Templates. A quoted string lexes as openQuote, then any sequence of
    // quotedLiteral / templateInterpolation … templateEnd / templateControl …
    // templateEnd, then closeQuote.

    /// `"` that opens a quoted template.
    case openQuote
    /// `"` that closes a quoted template. A template left open at a line end
    /// or at the end of the file has no `closeQuote` (the lexer reports it),
    /// and the line end follows as an ordinary `newline`.
    case closeQuote
    /// Literal text inside `"…"`, escapes (`\n`, `$${`, …) still encoded.
    case quotedLiteral
    /// `<<EOT` or `<<-EOT` with the line end that must follow it.
    case heredocOpen
    /// The line that closes a heredoc: the spaces before the marker, the
    /// marker and any spaces after it, not the line end (a `newline` token
    /// follows). A heredoc left open at the end of the file has none.
    case heredocClose
    /// Literal text inside a heredoc. Never spans lines: a token ends at and
    /// includes its line's terminator, so the parser can trim indentation of
    /// `<<-` heredocs line by line. No escapes other than `$${` and `%%{`.
    case heredocLiteral
    /// `${` or `${~`.
    case templateInterpolation
    /// `%{` or `%{~`.
    case templateControl
    /// `}` or `~}` ending an interpolation or a directive.
    case templateEnd

    case openBrace      // {
    case closeBrace     // }
    case openBracket    // [
    case closeBracket   // ]
    case openParen      // (
    case closeParen     // )

    case comma          // ,
    case dot            // .
    case ellipsis       // ...
    case colon          // :
    case question       // ?
    case equal          // =
    case fatArrow       // =>
    /// `::`, as in provider-defined function names `provider::aws::arn_parse`.
    case doubleColon    // ::

    case plus           // +
    case minus          // -
    case star           // *
    case slash          // /
    case percent        // %

    case bang           // !
    case and            // &&
    case or             // ||
    case equalEqual     // ==
    case notEqual       // !=
    case less           // <
    case lessEqual      // <=
    case greater        // >
    case greaterEqual   // >=

    // Mistakes: recognised so the parser can say what to write instead.

    /// `&`, `|`, `^` or `~` outside a strip marker.
    case bitwiseOperator
    /// `**`
    case starStar
    /// `'`
    case apostrophe
    /// `` ` ``
    case backtick
    /// `;`
    case semicolon
    /// Bytes that are not valid UTF-8.
    case badUTF8
    /// Any other character the language does not use.
    case invalid
}

/// One token: its kind and the bytes it covers in its file.
///
/// Tokens hold no text; `SourceFile.bytes[range]` is the text. The lexer
/// keeps every byte of the input either in a token or in the whitespace
/// (spaces, tabs, a leading BOM) between tokens.
public struct Token: Hashable, Sendable {
    public var kind: TokenKind
    public var range: SourceRange

    @inlinable
    public init(_ kind: TokenKind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    @inlinable
    public init(_ kind: TokenKind, start: Int, end: Int) {
        self.kind = kind
        self.range = SourceRange(start, end)
    }

    @inlinable public var start: Int { Int(range.start) }
    @inlinable public var end: Int { Int(range.end) }
}

extension TokenKind {
    /// Opening brackets, which suspend newline sensitivity until closed.
    @inlinable
    public var isOpeningBracket: Bool {
        self == .openBrace || self == .openBracket || self == .openParen
    }

    @inlinable
    public var isClosingBracket: Bool {
        self == .closeBrace || self == .closeBracket || self == .closeParen
    }
}
