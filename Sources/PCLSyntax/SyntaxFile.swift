import PCDiagnostics

/// A parsed file: its source, its tokens, the syntax tree of its body and
/// every problem found on the way.
public struct SyntaxFile: Sendable {
    public let source: SourceFile
    public let tokens: [Token]
    public let body: SyntaxBody
    /// The lexer's and the parser's, in the order found; use
    /// `sortedBySource()` to show them.
    public let diagnostics: [Diagnostic]

    public init(source: SourceFile, tokens: [Token], body: SyntaxBody, diagnostics: [Diagnostic]) {
        self.source = source
        self.tokens = tokens
        self.body = body
        self.diagnostics = diagnostics
    }
}

/// Parses PCL files: HCL native syntax.
///
/// The parser never fails: on any input it returns a tree, with `invalid`
/// expressions where it could not make sense of the text, and diagnostics
/// for every independent error.
public enum Parser {
    public static func parse(_ file: SourceFile) -> SyntaxFile {
        let lexed = Lexer.tokenize(file)
        return parse(lexed)
    }

    /// Parses tokens already made, for callers that lex separately.
    public static func parse(_ lexed: LexedFile) -> SyntaxFile {
        let (tokens, body, diagnostics) = withParser(over: lexed) { $0.parseFile() }
        return SyntaxFile(source: lexed.file, tokens: tokens, body: body, diagnostics: diagnostics)
    }

    /// Parses a whole file as template text, as `templatefile` and
    /// `templatestring` read their templates.
    public static func parseTemplate(_ file: SourceFile) -> (expression: SyntaxExpression, diagnostics: [Diagnostic]) {
        let (_, expression, diagnostics) = withParser(over: Lexer.tokenizeTemplate(file)) { $0.parseTemplateFile() }
        return (expression, diagnostics)
    }

    /// Parses a lone expression, as `terraform console` reads one: newlines
    /// are ignored and nothing may follow the expression.
    public static func parseExpression(_ file: SourceFile) -> (expression: SyntaxExpression, diagnostics: [Diagnostic]) {
        let (_, expression, diagnostics) = withParser(over: Lexer.tokenize(file)) { parser in
            parser.pushNewlines(false)
            let expression = parser.parseExpression()
            let next = parser.peek()
            if next.kind != .endOfFile {
                parser.report(
                    .invalidExpression, summary: "Extra characters after expression",
                    detail: "Only one expression is expected here; remove the text after it.",
                    at: next)
            }
            parser.popNewlines()
            return expression
        }
        return (expression, diagnostics)
    }

    /// Runs `parse` with a parser over `lexed`, whose tokens are ended with an
    /// end-of-file token when the lexer stopped short of one and whose
    /// mistake tokens are already reported. Returns the tokens, what `parse`
    /// made, and the lexer's diagnostics followed by the parser's.
    private static func withParser<Parsed>(
        over lexed: LexedFile, _ parse: (inout SyntaxParser) -> Parsed
    ) -> (tokens: [Token], parsed: Parsed, diagnostics: [Diagnostic]) {
        let file = lexed.file
        var tokens = lexed.tokens
        if tokens.last?.kind != .endOfFile {
            tokens.append(Token(.endOfFile, start: file.bytes.count, end: file.bytes.count))
        }
        let (parsed, diagnostics) = tokens.withUnsafeBufferPointer { tokenBuffer in
            file.bytes.withUnsafeBufferPointer { byteBuffer in
                var parser = SyntaxParser(file: file, tokens: tokenBuffer, bytes: byteBuffer)
                parser.reportMistakeTokens()
                let parsed = parse(&parser)
                return (parsed, parser.diagnostics)
            }
        }
        return (tokens, parsed, lexed.diagnostics + diagnostics)
    }
}
