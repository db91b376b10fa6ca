import PCDiagnostics

/// The lexer's state machine over one file's bytes.
///
/// Lives only inside `Lexer.tokenize`, for the duration of a
/// `withUnsafeBufferPointer` call, so the buffer never escapes.
struct Scanner {
    let buffer: UnsafeBufferPointer<UInt8>
    let file: SourceFile
    let count: Int
    var position = 0
    var modes: [LexerMode] = [.configuration]
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []

    init(_ buffer: UnsafeBufferPointer<UInt8>, file: SourceFile) {
        self.buffer = buffer
        self.file = file
        self.count = buffer.count
        // Configuration text averages a little over four bytes a token.
        tokens.reserveCapacity(buffer.count / 4 + 16)
    }

    mutating func run() {
        // A UTF-8 byte order mark at the very start is not part of the
        // text, as in hclsyntax; offsets still count its three bytes.
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
        }
        while position < count {
            switch modes[modes.count - 1] {
            case .configuration, .interpolation:
                scanOrdinaryToken()
            case .quoted(let start):
                scanQuoted(openedAt: start)
            case .heredoc(let start, let markerStart, let markerEnd, let atLineStart):
                scanHeredoc(openedAt: start, marker: markerStart..<markerEnd, atLineStart: atLineStart)
            case .templateFile:
                scanTemplateFileText()
            }
        }
        reportUnclosedModes()
        tokens.append(Token(.endOfFile, start: count, end: count))
    }

    // MARK: - Helpers

    @inline(__always)
    func byte(at index: Int) -> UInt8 {
        index < count ? buffer[index] : 0
    }

    @inline(__always)
    mutating func emit(_ kind: TokenKind, from start: Int, to end: Int) {
        tokens.append(Token(kind, start: start, end: end))
        position = end
    }

    @inline(__always)
    mutating func emit(_ kind: TokenKind, length: Int) {
        emit(kind, from: position, to: position + length)
    }

    /// A two-byte token when the byte after the current one is `second`,
    /// otherwise the one-byte token: `<` or `<=`, `!` or `!=`, ….
    @inline(__always)
    mutating func emit(twoByte second: UInt8, _ pair: TokenKind, else single: TokenKind) {
        let isPair = byte(at: position + 1) == second
        emit(isPair ? pair : single, length: isPair ? 2 : 1)
    }

    mutating func report(_ code: DiagnosticCode, _ detail: String, _ start: Int, _ end: Int) {
        diagnostics.append(Diagnostic(
            .error, code: code, detail: detail, file: file, subject: SourceRange(start, end)))
    }

    // MARK: - Ordinary tokens

    mutating func scanOrdinaryToken() {
        let start = position
        let first = buffer[start]
        let next = byte(at: start + 1)
        switch first {
        case 0x20, 0x09: // space, tab
            var index = start + 1
            while index < count, buffer[index] == 0x20 || buffer[index] == 0x09 { index += 1 }
            position = index
        case 0x0A:
            emit(.newline, length: 1)
        case 0x0D:
            emit(twoByte: 0x0A, .newline, else: .invalid)
        case UInt8(ascii: "#"):
            scanLineComment()
        case UInt8(ascii: "/"):
            if next == UInt8(ascii: "/") {
                scanLineComment()
            } else if next == UInt8(ascii: "*") {
                scanBlockComment()
            } else {
                emit(.slash, length: 1)
            }
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            scanNumber()
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            emit(.identifier, from: start, to: identifierEnd(from: start) ?? start + 1)
        case UInt8(ascii: "\""):
            emit(.openQuote, length: 1)
            modes.append(.quoted(start: start))
        case UInt8(ascii: "<"):
            if next == UInt8(ascii: "<"), scanHeredocOpener() {
                return
            }
            emit(twoByte: UInt8(ascii: "="), .lessEqual, else: .less)
        case UInt8(ascii: "{"):
            emit(.openBrace, length: 1)
            if case .interpolation(let begin, let depth, let directive) = modes[modes.count - 1] {
                modes[modes.count - 1] = .interpolation(start: begin, depth: depth + 1, isDirective: directive)
            }
        case UInt8(ascii: "}"):
            scanClosingBrace(length: 1)
        case UInt8(ascii: "~"):
            if next == UInt8(ascii: "}"), case .interpolation = modes[modes.count - 1] {
                scanClosingBrace(length: 2)
            } else {
                emit(.bitwiseOperator, length: 1)
            }
        case UInt8(ascii: "["): emit(.openBracket, length: 1)
        case UInt8(ascii: "]"): emit(.closeBracket, length: 1)
        case UInt8(ascii: "("): emit(.openParen, length: 1)
        case UInt8(ascii: ")"): emit(.closeParen, length: 1)
        case UInt8(ascii: ","): emit(.comma, length: 1)
        case UInt8(ascii: "?"): emit(.question, length: 1)
        case UInt8(ascii: "+"): emit(.plus, length: 1)
        case UInt8(ascii: "-"): emit(.minus, length: 1)
        case UInt8(ascii: "%"): emit(.percent, length: 1)
        case UInt8(ascii: ";"): emit(.semicolon, length: 1)
        case UInt8(ascii: "'"): emit(.apostrophe, length: 1)
        case UInt8(ascii: "`"): emit(.backtick, length: 1)
        case UInt8(ascii: "^"): emit(.bitwiseOperator, length: 1)
        case UInt8(ascii: ":"):
            emit(twoByte: UInt8(ascii: ":"), .doubleColon, else: .colon)
        case UInt8(ascii: "."):
            let isEllipsis = next == UInt8(ascii: ".") && byte(at: start + 2) == UInt8(ascii: ".")
            emit(isEllipsis ? .ellipsis : .dot, length: isEllipsis ? 3 : 1)
        case UInt8(ascii: "*"):
            emit(twoByte: UInt8(ascii: "*"), .starStar, else: .star)
        case UInt8(ascii: "="):
            if next == UInt8(ascii: "=") {
                emit(.equalEqual, length: 2)
            } else if next == UInt8(ascii: ">") {
                emit(.fatArrow, length: 2)
            } else {
                emit(.equal, length: 1)
            }
        case UInt8(ascii: "!"):
            emit(twoByte: UInt8(ascii: "="), .notEqual, else: .bang)
        case UInt8(ascii: ">"):
            emit(twoByte: UInt8(ascii: "="), .greaterEqual, else: .greater)
        case UInt8(ascii: "&"):
            emit(twoByte: UInt8(ascii: "&"), .and, else: .bitwiseOperator)
        case UInt8(ascii: "|"):
            emit(twoByte: UInt8(ascii: "|"), .or, else: .bitwiseOperator)
        case 0x80...0xFF:
            scanNonASCII()
        default:
            emit(.invalid, length: 1)
        }
    }

    /// `}` or `~}`: ends the innermost interpolation when no brace opened
    /// inside it is still open; otherwise closes that brace.
    mutating func scanClosingBrace(length: Int) {
        guard case .interpolation(let begin, let depth, let directive) = modes[modes.count - 1] else {
            emit(.closeBrace, length: 1)
            return
        }
        if depth == 0 {
            emit(.templateEnd, length: length)
            modes.removeLast()
        } else {
            // `~}` closing an ordinary brace is a mistake the parser reports;
            // keep the token a templateEnd so it can say so.
            emit(length == 2 ? .templateEnd : .closeBrace, length: length)
            modes[modes.count - 1] = .interpolation(start: begin, depth: depth - 1, isDirective: directive)
        }
    }

    mutating func scanLineComment() {
        let start = position
        var index = start + 1
        while index < count, buffer[index] != 0x0A { index += 1 }
        // The line end, `\n` or `\r\n`, is a token of its own.
        if index < count, index > start, buffer[index - 1] == 0x0D { index -= 1 }
        emit(.comment, from: start, to: index)
    }

    mutating func scanBlockComment() {
        let start = position
        var index = start + 2
        while index + 1 < count {
            if buffer[index] == UInt8(ascii: "*"), buffer[index + 1] == UInt8(ascii: "/") {
                emit(.comment, from: start, to: index + 2)
                return
            }
            index += 1
        }
        report(.unclosedComment,
               "This comment starts with /* but has no */ to end it. Add */ where the comment should end.",
               start, start + 2)
        emit(.comment, from: start, to: count)
    }

    /// A number in hclsyntax's shape: a digit, then digits, dots and
    /// exponents, never ending in a dot. `1.2.3` is one (invalid) token for
    /// the parser to reject, and `foo.0.1` gives `0.1`, as in the reference.
    mutating func scanNumber() {
        let start = position
        var index = start + 1
        var end = index
        while index < count {
            let c = buffer[index]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                index += 1
                end = index
            } else if c == UInt8(ascii: ".") {
                index += 1
            } else if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                var digit = index + 1
                if byte(at: digit) == UInt8(ascii: "+") || byte(at: digit) == UInt8(ascii: "-") { digit += 1 }
                let d = byte(at: digit)
                guard d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") else { break }
                index = digit + 1
                end = index
            } else {
                break
            }
        }
        emit(.number, from: start, to: end)
    }

    /// Where the identifier starting at `start` ends, or nil if none starts
    /// there. An identifier is a letter, `_` or Unicode ID_Start character,
    /// then letters, digits, `_`, `-` and Unicode ID_Continue characters.
    /// Used for names and for heredoc markers alike.
    func identifierEnd(from start: Int) -> Int? {
        guard start < count else { return nil }
        var index = start
        let first = buffer[start]
        if first < 0x80 {
            guard Scanner.isASCIIIdentifierStart(first) else { return nil }
            index += 1
        } else {
            guard let (scalar, length) = decodeScalar(at: start), scalar.properties.isIDStart else { return nil }
            index += length
        }
        while index < count {
            let c = buffer[index]
            if c < 0x80 {
                guard Scanner.isASCIIIdentifierContinue(c) else { break }
                index += 1
            } else {
                guard let (scalar, length) = decodeScalar(at: index), scalar.properties.isIDContinue else { break }
                index += length
            }
        }
        return index
    }

    @inline(__always)
    static func isASCIIIdentifierStart(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }

    @inline(__always)
    static func isASCIIIdentifierContinue(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// A byte of 0x80 or more outside a string: the start of an identifier
    /// (Unicode ID_Start), a character the language does not use, or bytes
    /// that are not UTF-8.
    mutating func scanNonASCII() {
        let start = position
        guard let (scalar, length) = decodeScalar(at: start) else {
            scanBadUTF8()
            return
        }
        if scalar.properties.isIDStart {
            emit(.identifier, from: start, to: identifierEnd(from: start) ?? start + length)
        } else {
            emit(.invalid, length: length)
        }
    }

    /// One token for a run of bytes that are not valid UTF-8.
    mutating func scanBadUTF8() {
        let start = position
        var index = start + 1
        while index < count, buffer[index] >= 0x80, decodeScalar(at: index) == nil { index += 1 }
        emit(.badUTF8, from: start, to: index)
    }

    /// Decodes one well-formed UTF-8 scalar at `index` (which holds a byte
    /// of 0x80 or more), or nil if the bytes there are not well-formed.
    @inline(__always)
    func decodeScalar(at index: Int) -> (Unicode.Scalar, Int)? {
        UTF8Scalar.decode(buffer, at: index)
    }
}
