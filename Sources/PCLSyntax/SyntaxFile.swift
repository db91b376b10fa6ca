import PCDiagnostics

/// A parsed file: its source, its tokens, the syntax tree of its body and
/// every problem found on the way.
public struct SyntaxFile: Sendable {
    public let source: SourceFile
    public let tokens: [Token]
    public let diagnostics: [Diagnostic]

    public init(source: SourceFile, tokens: [Token], diagnostics: [Diagnostic]) {
        self.source = source
        self.tokens = tokens
        self.diagnostics = diagnostics
    }
}

/// Parses PCL files. (Placeholder: being written.)
public enum Parser {
    public static func parse(_ file: SourceFile) -> SyntaxFile {
        let lexed = Lexer.tokenize(file)
        return SyntaxFile(source: file, tokens: lexed.tokens, diagnostics: lexed.diagnostics)
    }
}
