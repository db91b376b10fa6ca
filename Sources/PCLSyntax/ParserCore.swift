import PCDiagnostics

/// The state of one parse: a cursor over the token array, the
/// newline-sensitivity stack, the nesting depth and the diagnostics found.
///
/// Grammar areas live in extensions, one file each (`ParserBody`,
/// `ParserExpression`, …). The parser reads the tokens and the source bytes
/// through unsafe buffers that `Parser.parse` keeps alive for the whole run.
struct SyntaxParser {
    let file: SourceFile
    let tokens: UnsafeBufferPointer<Token>
    let bytes: UnsafeBufferPointer<UInt8>

    /// Index of the next token not yet read. Never past the final
    /// `.endOfFile`, which is never skipped.
    var position = 0
    /// End offset of the last token read, for ranges that end "here".
    var previousEnd: UInt32 = 0

    /// Whether newline tokens are significant. Brackets push `false`, object
    /// constructors push `true`; bodies run with the base value `true`.
    var includesNewlines = true
    var newlineStack: [Bool] = []

    /// Set once an error has left the cursor somewhere uncertain: further
    /// errors are probably follow-ons and stay quiet. Cleared at the start of
    /// every body item so independent mistakes are all reported.
    var recovering = false
    /// Every error found, including quiet ones, so callers can ask whether
    /// a sub-parse failed.
    var errorCount = 0
    /// Set after the first "unclosed block" at the end of the file, so the
    /// blocks around it do not repeat it.
    var reportedUnclosedAtEnd = false

    var depth = 0
    var diagnostics: [Diagnostic] = []

    /// The deepest nesting of brackets, blocks, templates and operator
    /// chains the parser accepts.
    ///
    /// Each level costs several stack frames in the parser and in the
    /// recursive copy, comparison and release of the tree. Measured in a
    /// debug build (Swift 6.3, x86_64): about 4 KB per level of `[`, `(` or
    /// `"${`, about 6 KB per level of `{` or nested blocks. 64 levels thus
    /// stay under 400 KB, safe on a 512 KB thread stack (Dispatch's
    /// default), and far deeper than any real configuration nests.
    /// `ParserLimitsTests` parses 100,000-deep input on such a thread.
    static let maximumDepth = 64

    init(file: SourceFile, tokens: UnsafeBufferPointer<Token>, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.tokens = tokens
        self.bytes = bytes
    }

    // MARK: Cursor

    /// Index of the next significant token: comments are always skipped,
    /// newlines when they do not count.
    @inline(__always)
    func peekIndex() -> Int {
        var index = position
        while true {
            let kind = tokens[index].kind
            if kind == .comment || (kind == .newline && !includesNewlines) {
                index += 1
                continue
            }
            return index
        }
    }

    @inline(__always)
    func peek() -> Token { tokens[peekIndex()] }

    @inline(__always)
    func peekKind() -> TokenKind { tokens[peekIndex()].kind }

    /// The token after the next significant one, in the same mode.
    func peekSecond() -> Token {
        var index = peekIndex()
        if tokens[index].kind == .endOfFile { return tokens[index] }
        index += 1
        while true {
            let kind = tokens[index].kind
            if kind == .comment || (kind == .newline && !includesNewlines) {
                index += 1
                continue
            }
            return tokens[index]
        }
    }

    @discardableResult
    @inline(__always)
    mutating func read() -> Token {
        let index = peekIndex()
        let token = tokens[index]
        if token.kind != .endOfFile {
            position = index + 1
            previousEnd = token.range.end
        }
        return token
    }

    /// The next token exactly as the lexer produced it, for template bodies
    /// where no comment or newline can appear except where a template was
    /// cut short.
    @inline(__always)
    func peekRaw() -> Token { tokens[position] }

    mutating func pushNewlines(_ include: Bool) {
        newlineStack.append(includesNewlines)
        includesNewlines = include
    }

    mutating func popNewlines() {
        includesNewlines = newlineStack.popLast() ?? true
    }

    // MARK: Text

    func text(of token: Token) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[token.start..<token.end]), as: UTF8.self)
    }

    /// Compares a token's bytes with an ASCII word without making a String.
    func token(_ token: Token, is word: StaticString) -> Bool {
        guard token.end - token.start == word.utf8CodeUnitCount else { return false }
        let pointer = word.utf8Start
        for offset in 0..<word.utf8CodeUnitCount where bytes[token.start + offset] != pointer[offset] {
            return false
        }
        return true
    }

    func isKeyword(_ token: Token, _ word: StaticString) -> Bool {
        token.kind == .identifier && self.token(token, is: word)
    }

    // MARK: Diagnostics

    /// Records an error. It is shown unless the parser is recovering, or its
    /// subject is a mistake token already explained on its own (`;`, `'`,
    /// bad encoding, …).
    mutating func report(
        _ code: DiagnosticCode, summary: String? = nil, detail: String,
        at subject: SourceRange, context: SourceRange? = nil, always: Bool = false
    ) {
        errorCount += 1
        if recovering && !always { return }
        if let token = tokenStarting(at: subject), token.kind.isMistake { return }
        diagnostics.append(Diagnostic(
            .error, code: code, summary: summary, detail: detail,
            file: file, subject: subject, context: context))
    }

    mutating func report(
        _ code: DiagnosticCode, summary: String? = nil, detail: String,
        at token: Token, context: SourceRange? = nil, always: Bool = false
    ) {
        errorCount += 1
        if recovering && !always { return }
        if token.kind.isMistake { return }
        diagnostics.append(Diagnostic(
            .error, code: code, summary: summary, detail: detail,
            file: file, subject: token.range, context: context))
    }

    /// The token at the cursor if it starts at `range`; cheap check used to
    /// silence errors about mistake tokens.
    private func tokenStarting(at range: SourceRange) -> Token? {
        let token = tokens[peekIndex()]
        return token.range == range ? token : nil
    }

    // MARK: Nesting

    /// Enters one level of nesting; false when the limit is reached.
    @inline(__always)
    mutating func descend() -> Bool {
        guard depth < SyntaxParser.maximumDepth else { return false }
        depth += 1
        return true
    }

    @inline(__always)
    mutating func ascend() { depth -= 1 }

    mutating func reportTooDeep(at token: Token) {
        report(
            .nestingTooDeep,
            detail: "This expression or block is nested more than \(SyntaxParser.maximumDepth) levels deep, which is more than pcplan supports. Split it up, for example by moving inner parts into local values.",
            at: token)
    }
}

extension TokenKind {
    /// Tokens that only exist to explain a mistake; each is reported once by
    /// `SyntaxParser.checkMistakeTokens`, so other errors about them stay quiet.
    var isMistake: Bool {
        switch self {
        case .bitwiseOperator, .starStar, .apostrophe, .backtick, .semicolon, .badUTF8, .invalid: true
        default: false
        }
    }
}

// Short names for the node payloads inside the parser.
extension SyntaxParser {
    typealias Literal = SyntaxExpression.Literal
    typealias TemplateWrap = SyntaxExpression.TemplateWrap
    typealias ScopeTraversal = SyntaxExpression.ScopeTraversal
    typealias RelativeTraversal = SyntaxExpression.RelativeTraversal
    typealias FunctionCall = SyntaxExpression.FunctionCall
    typealias Conditional = SyntaxExpression.Conditional
    typealias BinaryOperation = SyntaxExpression.BinaryOperation
    typealias UnaryOperation = SyntaxExpression.UnaryOperation
    typealias Tuple = SyntaxExpression.Tuple
    typealias Object = SyntaxExpression.Object
    typealias ObjectItem = SyntaxExpression.ObjectItem
    typealias ForExpression = SyntaxExpression.ForExpression
    typealias Index = SyntaxExpression.Index
    typealias Splat = SyntaxExpression.Splat
    typealias Parenthesized = SyntaxExpression.Parenthesized
}
