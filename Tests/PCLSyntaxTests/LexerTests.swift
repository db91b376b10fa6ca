import PCDiagnostics
import Testing
@testable import PCLSyntax

/// Lexes `text` and describes each token as `kind text`, leaving out the
/// final end-of-file token.
private func describe(_ text: String) -> [String] {
    let file = SourceFile(path: "test.pcl", text: text)
    let lexed = Lexer.tokenize(file)
    return lexed.tokens.dropLast().map { "\($0.kind) \(file.text(in: $0.range))" }
}

private func diagnostics(_ text: String) -> [(DiagnosticCode, Int, Int)] {
    let file = SourceFile(path: "test.pcl", text: text)
    return Lexer.tokenize(file).diagnostics.map { diagnostic in
        let position = file.position(at: diagnostic.subject?.start ?? 0)
        return (diagnostic.code, position.line, position.column)
    }
}

@Suite("Lexer")
struct LexerTests {
    @Test("punctuation and operators", arguments: [
        ("{ } [ ] ( )", ["openBrace {", "closeBrace }", "openBracket [", "closeBracket ]", "openParen (", "closeParen )"]),
        ("a == b != c", ["identifier a", "equalEqual ==", "identifier b", "notEqual !=", "identifier c"]),
        ("<= >= < > = =>", ["lessEqual <=", "greaterEqual >=", "less <", "greater >", "equal =", "fatArrow =>"]),
        ("&& || !", ["and &&", "or ||", "bang !"]),
        ("+ - * / %", ["plus +", "minus -", "star *", "slash /", "percent %"]),
        ("a...b.c", ["identifier a", "ellipsis ...", "identifier b", "dot .", "identifier c"]),
        ("x ? y : z", ["identifier x", "question ?", "identifier y", "colon :", "identifier z"]),
        ("provider::aws::f", ["identifier provider", "doubleColon ::", "identifier aws", "doubleColon ::", "identifier f"]),
        ("a[*].b", ["identifier a", "openBracket [", "star *", "closeBracket ]", "dot .", "identifier b"]),
    ] as [(String, [String])])
    func operators(input: String, expected: [String]) {
        #expect(describe(input) == expected)
    }

    @Test("mistakes are tokens the parser can explain", arguments: [
        ("a; b", ["identifier a", "semicolon ;", "identifier b"]),
        ("'x'", ["apostrophe '", "identifier x", "apostrophe '"]),
        ("`x`", ["backtick `", "identifier x", "backtick `"]),
        ("a & b | c ^ d ~ e", ["identifier a", "bitwiseOperator &", "identifier b", "bitwiseOperator |", "identifier c",
                              "bitwiseOperator ^", "identifier d", "bitwiseOperator ~", "identifier e"]),
        ("2 ** 3", ["number 2", "starStar **", "number 3"]),
        ("@ $ \\", ["invalid @", "invalid $", "invalid \\"]),
        ("\u{201C}x\u{201D}", ["invalid \u{201C}", "identifier x", "invalid \u{201D}"]),
        ("a\0b", ["identifier a", "invalid \0", "identifier b"]),
    ] as [(String, [String])])
    func mistakes(input: String, expected: [String]) {
        #expect(describe(input) == expected)
    }

    @Test("identifiers: Unicode ID_Start/ID_Continue and dashes", arguments: [
        ("foo_bar-baz", ["identifier foo_bar-baz"]),
        ("_x1", ["identifier _x1"]),
        ("caf\u{E9} \u{540D}\u{524D}", ["identifier caf\u{E9}", "identifier \u{540D}\u{524D}"]),
        ("a-1", ["identifier a-1"]),
        ("a - 1", ["identifier a", "minus -", "number 1"]),
        ("true false null", ["identifier true", "identifier false", "identifier null"]),
        ("x\u{301}y", ["identifier x\u{301}y"]),
    ] as [(String, [String])])
    func identifiers(input: String, expected: [String]) {
        #expect(describe(input) == expected)
    }

    @Test("numbers keep their exact text", arguments: [
        ("0.1", ["number 0.1"]),
        ("42 1e10 2.5E-3 7e+2", ["number 42", "number 1e10", "number 2.5E-3", "number 7e+2"]),
        ("123456789012345678901234567890.000000000000000000001", ["number 123456789012345678901234567890.000000000000000000001"]),
        ("1.", ["number 1", "dot ."]),
        ("1e", ["number 1", "identifier e"]),
        ("foo.0.bar", ["identifier foo", "dot .", "number 0", "dot .", "identifier bar"]),
        ("foo.0.1", ["identifier foo", "dot .", "number 0.1"]),
        ("1.2.3", ["number 1.2.3"]),
        ("-5", ["minus -", "number 5"]),
    ] as [(String, [String])])
    func numbers(input: String, expected: [String]) {
        #expect(describe(input) == expected)
    }

    @Test("comments and line ends")
    func comments() {
        #expect(describe("a # one\n// two\r\n/* three\nlines */ b") == [
            "identifier a", "comment # one", "newline \n", "comment // two", "newline \r\n",
            "comment /* three\nlines */", "identifier b",
        ])
        #expect(describe("/**/ /* a */") == ["comment /**/", "comment /* a */"])
        #expect(describe("#") == ["comment #"])
        #expect(describe("a\rb") == ["identifier a", "invalid \r", "identifier b"])
    }

    @Test("quoted templates with escapes and sequences")
    func quoted() {
        #expect(describe(#""hello""#) == ["openQuote \"", "quotedLiteral hello", "closeQuote \""])
        #expect(describe(#""""#) == ["openQuote \"", "closeQuote \""])
        #expect(describe(#""a\"b\\c\n\u00e9""#) == ["openQuote \"", #"quotedLiteral a\"b\\c\n\u00e9"#, "closeQuote \""])
        #expect(describe(#""$${x} %%{y} $ % $x""#) == ["openQuote \"", "quotedLiteral $${x} %%{y} $ % $x", "closeQuote \""])
        #expect(describe(#""a${b}c""#) == [
            "openQuote \"", "quotedLiteral a", "templateInterpolation ${", "identifier b", "templateEnd }",
            "quotedLiteral c", "closeQuote \"",
        ])
        #expect(describe(#""${~ b ~}""#) == [
            "openQuote \"", "templateInterpolation ${~", "identifier b", "templateEnd ~}", "closeQuote \"",
        ])
        #expect(describe(#""%{if a}x%{else}y%{endif}""#) == [
            "openQuote \"", "templateControl %{", "identifier if", "identifier a", "templateEnd }",
            "quotedLiteral x", "templateControl %{", "identifier else", "templateEnd }", "quotedLiteral y",
            "templateControl %{", "identifier endif", "templateEnd }", "closeQuote \"",
        ])
        #expect(describe(#""%{~ for x in xs ~}${x}%{ endfor }""#) == [
            "openQuote \"", "templateControl %{~", "identifier for", "identifier x", "identifier in",
            "identifier xs", "templateEnd ~}", "templateInterpolation ${", "identifier x", "templateEnd }",
            "templateControl %{", "identifier endfor", "templateEnd }", "closeQuote \"",
        ])
    }

    @Test("braces inside an interpolation do not end it")
    func nestedBraces() {
        #expect(describe(#""${ {a = "}"}.a }""#) == [
            "openQuote \"", "templateInterpolation ${", "openBrace {", "identifier a", "equal =",
            "openQuote \"", "quotedLiteral }", "closeQuote \"", "closeBrace }", "dot .", "identifier a",
            "templateEnd }", "closeQuote \"",
        ])
        #expect(describe(#""${"${"x"}"}""#) == [
            "openQuote \"", "templateInterpolation ${", "openQuote \"", "templateInterpolation ${",
            "openQuote \"", "quotedLiteral x", "closeQuote \"", "templateEnd }", "closeQuote \"",
            "templateEnd }", "closeQuote \"",
        ])
        // Outside a template, braces are just braces.
        #expect(describe("a { } }") == ["identifier a", "openBrace {", "closeBrace }", "closeBrace }"])
    }

    @Test("heredocs")
    func heredocs() {
        #expect(describe("x = <<EOT\nhello\n  ${name}!\nEOT\ny = 1") == [
            "identifier x", "equal =", "heredocOpen <<EOT\n", "heredocLiteral hello\n", "heredocLiteral   ",
            "templateInterpolation ${", "identifier name", "templateEnd }", "heredocLiteral !\n",
            "heredocClose EOT", "newline \n", "identifier y", "equal =", "number 1",
        ])
        #expect(describe("<<-EOT\r\n    a \"q\" $${b}\r\n    EOT  \r\n") == [
            "heredocOpen <<-EOT\r\n", "heredocLiteral     a \"q\" $${b}\r\n", "heredocClose     EOT  ", "newline \r\n",
        ])
        // The marker must be the whole line; EOTX or "x EOT" do not close.
        #expect(describe("<<EOT\nEOTX\nx EOT\n\nEOT") == [
            "heredocOpen <<EOT\n", "heredocLiteral EOTX\n", "heredocLiteral x EOT\n", "heredocLiteral \n", "heredocClose EOT",
        ])
        // Interpolation right at the start of a line, and a marker-like
        // line after an interpolation on the same line does not close.
        #expect(describe("<<EOT\n${a}EOT\nEOT\n") == [
            "heredocOpen <<EOT\n", "templateInterpolation ${", "identifier a", "templateEnd }",
            "heredocLiteral EOT\n", "heredocClose EOT", "newline \n",
        ])
        // Without a line end straight after the marker it is not a heredoc.
        #expect(describe("a << b") == ["identifier a", "less <", "less <", "identifier b"])
        #expect(describe("<<EOT x\n") == ["less <", "less <", "identifier EOT", "identifier x", "newline \n"])
    }

    @Test("heredoc inside a list inside an interpolation")
    func heredocInList() {
        #expect(describe("[<<A\n${[<<B\nb\nB\n]}\nA\n]") == [
            "openBracket [", "heredocOpen <<A\n", "templateInterpolation ${", "openBracket [",
            "heredocOpen <<B\n", "heredocLiteral b\n", "heredocClose B", "newline \n", "closeBracket ]",
            "templateEnd }", "heredocLiteral \n", "heredocClose A", "newline \n", "closeBracket ]",
        ])
    }

    @Test("a leading BOM is skipped but still counted in offsets")
    func byteOrderMark() {
        let file = SourceFile(path: "bom.pcl", bytes: [0xEF, 0xBB, 0xBF] + Array("a = 1".utf8))
        let tokens = Lexer.tokenize(file).tokens
        #expect(tokens.map(\.kind) == [.identifier, .equal, .number, .endOfFile])
        #expect(tokens[0].range == SourceRange(3, 4))
        // A BOM anywhere else is a character the language does not use.
        #expect(describe("a\u{FEFF}") == ["identifier a", "invalid \u{FEFF}"])
    }

    @Test("invalid UTF-8 becomes one badUTF8 token per run")
    func badUTF8() {
        let file = SourceFile(path: "bad.pcl", bytes: Array("a ".utf8) + [0xFF, 0xFE, 0xC3] + Array(" \"x".utf8) + [0x80] + Array("\"".utf8))
        let lexed = Lexer.tokenize(file)
        #expect(lexed.tokens.map(\.kind) == [
            .identifier, .badUTF8, .openQuote, .quotedLiteral, .badUTF8, .closeQuote, .endOfFile,
        ])
        #expect(lexed.tokens[1].range == SourceRange(2, 5))
        // Overlong encodings and surrogates are not UTF-8 either.
        for bytes: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]] {
            let kinds = Lexer.tokenize(SourceFile(path: "x", bytes: bytes)).tokens.map(\.kind)
            #expect(kinds == [.badUTF8, .endOfFile], "\(bytes)")
        }
    }

    @Test("constructs left open are reported where they begin")
    func unclosed() {
        #expect(describe("a = \"abc\nb = 1") == [
            "identifier a", "equal =", "openQuote \"", "quotedLiteral abc", "newline \n", "identifier b",
            "equal =", "number 1",
        ])
        let cases: [(String, DiagnosticCode, Int, Int)] = [
            ("a = \"abc\nb = 1", .unclosedString, 1, 5),
            ("a = \"abc", .unclosedString, 1, 5),
            ("x = 1\n/* never", .unclosedComment, 2, 1),
            ("x = <<EOT\nabc\n", .unclosedHeredoc, 1, 5),
            ("x = \"${a", .unclosedTemplateInterpolation, 1, 6),
            ("x = \"${a}", .unclosedString, 1, 5),
            ("x = <<EOT\n%{ if a", .unclosedTemplateDirective, 2, 1),
        ]
        for (input, code, line, column) in cases {
            let found = diagnostics(input)
            #expect(found.contains { $0.0 == code && $0.1 == line && $0.2 == column }, "\(input): \(found)")
        }
        #expect(diagnostics("a = \"ok\"\nb = <<EOT\nx\nEOT\n").isEmpty)
    }

    @Test("every byte is in a token or in whitespace between tokens")
    func coverage() {
        let text = "resource \"a\" \"b\" {\n  x = [for k, v in var.m : \"${k}=${v}\" if v != null]\n  y = <<-EOT\n    hi\n    EOT\n}\n"
        let file = SourceFile(path: "t.pcl", text: text)
        let tokens = Lexer.tokenize(file).tokens
        var previousEnd = 0
        for token in tokens {
            #expect(token.start >= previousEnd)
            for byte in file.bytes[previousEnd..<token.start] {
                #expect(byte == 0x20 || byte == 0x09, "unexpected gap before \(token)")
            }
            previousEnd = token.end
        }
        #expect(previousEnd == file.bytes.count)
    }

    @Test("deep nesting and huge inputs finish")
    func limits() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(Lexer.tokenize(SourceFile(path: "d", text: deep)).tokens.count == 100_001)
        let interpolations = String(repeating: "\"${", count: 50_000)
        let lexed = Lexer.tokenize(SourceFile(path: "i", text: interpolations))
        #expect(lexed.tokens.count == 100_001)
        #expect(lexed.diagnostics.count == 1)
        let longLine = "a = \"" + String(repeating: "x", count: 5_000_000) + "\""
        #expect(Lexer.tokenize(SourceFile(path: "l", text: longLine)).tokens.count == 6)
    }
}
