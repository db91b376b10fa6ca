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

/// Turns the bytes of a file into tokens.
///
/// The lexer never fails: it always reaches the end of the input, turning
/// bytes it cannot use into `invalid` or `badUTF8` tokens, and reports only
/// constructs left open (a string, heredoc, comment or interpolation without
/// its end). It works on the raw bytes and records offsets; no token text is
/// copied.
public enum Lexer {
    public static func tokenize(_ file: SourceFile) -> LexedFile {
        let (tokens, diagnostics) = file.bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer, file: file)
            scanner.run()
            return (scanner.tokens, scanner.diagnostics)
        }
        return LexedFile(file: file, tokens: tokens, diagnostics: diagnostics)
    }

    /// Tokenizes a whole file as template text, as `templatefile` reads
    /// it: like a heredoc's body that ends only at the end of the file.
    public static func tokenizeTemplate(_ file: SourceFile) -> LexedFile {
        let (tokens, diagnostics) = file.bytes.withUnsafeBufferPointer { buffer in
            var scanner = Scanner(buffer, file: file)
            scanner.modes.append(.templateFile)
            scanner.run()
            return (scanner.tokens, scanner.diagnostics)
        }
        return LexedFile(file: file, tokens: tokens, diagnostics: diagnostics)
    }
}

/// What the scanner is inside of. The bottom of the stack is always
/// `.configuration`; templates push and pop the others.
enum LexerMode {
    /// Ordinary tokens outside any template.
    case configuration
    /// Ordinary tokens inside `${…}` or `%{…}` that started at `start`;
    /// `depth` counts `{` opened inside, so the right `}` ends it.
    case interpolation(start: Int, depth: Int, isDirective: Bool)
    /// Inside `"…"` that started at `start`.
    case quoted(start: Int)
    /// Inside a heredoc whose opener starts at `start` and whose marker is
    /// `buffer[markerStart..<markerEnd]`; `atLineStart` is true where the
    /// closing marker could appear.
    case heredoc(start: Int, markerStart: Int, markerEnd: Int, atLineStart: Bool)
    /// Template text that runs to the end of the file (a template file).
    case templateFile
}
