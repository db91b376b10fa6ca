import PCDiagnostics

/// The tokens of one file, and the problems found while making them.
public struct LexedFile: Sendable {
    public let file: SourceFile
    /// Every token in source order; the last is always `.endOfFile`.
    public var tokens: [Token]
    public var diagnostics: [Diagnostic]

    public init(file: SourceFile, tokens: [Token], diagnostics: [Diagnostic]) {
        self.file = file
        self.tokens = tokens
        self.diagnostics = diagnostics
    }
}

/// Turns the bytes of a file into tokens. (Placeholder: being written.)
public enum Lexer {
    public static func tokenize(_ file: SourceFile) -> LexedFile {
        let end = file.bytes.count
        return LexedFile(file: file, tokens: [Token(.endOfFile, start: end, end: end)], diagnostics: [])
    }
}
