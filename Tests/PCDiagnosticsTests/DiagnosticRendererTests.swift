import Testing
@testable import PCDiagnostics

@Suite struct DiagnosticRendererTests {
    static let code = DiagnosticCode("test.example", "Example problem")

    /// A diagnostic whose subject is the first occurrence of `marked` in
    /// `text` (or an explicit byte range).
    static func diagnostic(
        _ text: String, subject: Range<Int>, severity: Severity = .error,
        summary: String = "Extra characters after value", detail: String = "Put one value per line."
    ) -> Diagnostic {
        Diagnostic(
            severity, code: code, summary: summary, detail: detail,
            file: SourceFile(path: "main.pcl", text: text),
            subject: SourceRange(subject.lowerBound, subject.upperBound)
        )
    }

    static func offset(of needle: String, in text: String) -> Int {
        let bytes = Array(text.utf8), pattern = Array(needle.utf8)
        for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<start + pattern.count]) == pattern {
            return start
        }
        fatalError("test input lacks \(needle)")
    }

    static func subject(_ needle: String, in text: String) -> Range<Int> {
        let start = offset(of: needle, in: text)
        return start..<start + needle.utf8.count
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let text: String
        let subject: Range<Int>
        let expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        var cases: [Case] = []
        var text = "locals {\n  foo = bar baz\n}\n"
        cases.append(Case(name: "ascii", text: text, subject: subject("baz", in: text), expected: """
            main.pcl:2:13: error: Extra characters after value
              2 |   foo = bar baz
                |             ^^^
            Put one value per line.

            """))

        // Column 13 counts characters; the carets sit under what a terminal
        // draws, where each CJK character takes two columns.
        text = "locals {\n  b = \"é日本\" baz\n}\n"
        cases.append(Case(name: "multi-byte", text: text, subject: subject("baz", in: text), expected: """
            main.pcl:2:13: error: Extra characters after value
              2 |   b = "é日本" baz
                |               ^^^
            Put one value per line.

            """))

        text = "locals {\n  b = \"日本\"\n}\n"
        cases.append(Case(name: "multi-byte subject", text: text, subject: subject("\"日本\"", in: text), expected: """
            main.pcl:2:7: error: Extra characters after value
              2 |   b = "日本"
                |       ^^^^^^
            Put one value per line.

            """))

        text = "locals {\n\tfoo = 1 x\n}\n"
        cases.append(Case(name: "tab", text: text, subject: subject("x", in: text), expected: """
            main.pcl:2:10: error: Extra characters after value
              2 |     foo = 1 x
                |             ^
            Put one value per line.

            """))

        text = "a = 1\r\nb = 2 x\r\n"
        cases.append(Case(name: "crlf", text: text, subject: subject("x", in: text), expected: """
            main.pcl:2:7: error: Extra characters after value
              2 | b = 2 x
                |       ^
            Put one value per line.

            """))

        text = "x = [\n  1,\n  2\n]\n"
        cases.append(Case(name: "multi-line", text: text, subject: subject("[\n  1,\n  2\n]", in: text), expected: """
            main.pcl:1:5: error: Extra characters after value
              1 | x = [
                |     ^
              2 |   1,
                |   ^^
              3 |   2
                |   ^
              4 | ]
                | ^
            Put one value per line.

            """))

        // Something missing at the end of a line: one caret after the text.
        text = "a = \nb = 1\n"
        cases.append(Case(name: "empty at line end", text: text, subject: 4..<4, expected: """
            main.pcl:1:5: error: Extra characters after value
              1 | a = 
                |     ^
            Put one value per line.

            """))

        // The subject is the newline itself, as for "expected an expression".
        text = "resource \"x\" \"y\" {\n  a = 1 +\n}\n"
        cases.append(Case(name: "newline subject", text: text, subject: 28..<29, expected: """
            main.pcl:2:10: error: Extra characters after value
              2 |   a = 1 +
                |          ^
            Put one value per line.

            """))

        text = "a = 1 \u{0}x\n"
        cases.append(Case(name: "control character", text: text, subject: subject("x", in: text), expected: """
            main.pcl:1:8: error: Extra characters after value
              1 | a = 1 \u{FFFD}x
                |        ^
            Put one value per line.

            """))

        text = "a = 1\n\n\nb = 2\n\n\n\n\n\n\n\nc = 3 !\n"
        cases.append(Case(name: "two-digit gutter", text: text, subject: subject("!", in: text), expected: """
            main.pcl:12:7: error: Extra characters after value
              12 | c = 3 !
                 |       ^
            Put one value per line.

            """))
        return cases
    }()

    @Test(arguments: cases)
    func rendersPlainText(_ example: Case) {
        let rendered = DiagnosticRenderer().render(Self.diagnostic(example.text, subject: example.subject))
        #expect(rendered == example.expected)
    }

    @Test func elidesTheMiddleOfLongSubjects() {
        let text = (1...10).map { "  line\($0)" }.joined(separator: "\n") + "\n"
        let rendered = DiagnosticRenderer().render(Self.diagnostic(text, subject: 2..<(text.utf8.count - 1)))
        #expect(rendered == """
            main.pcl:1:3: error: Extra characters after value
               1 |   line1
                 |   ^^^^^
               2 |   line2
                 |   ^^^^^
                 | …
               9 |   line9
                 |   ^^^^^
              10 |   line10
                 |   ^^^^^^
            Put one value per line.

            """)
    }

    @Test func cutsVeryLongLinesAroundTheSubject() {
        let text = "a = \"" + String(repeating: "x", count: 5000) + "\" bad " + String(repeating: "y", count: 5000) + "\n"
        let renderer = DiagnosticRenderer(maximumLineColumns: 40)
        let rendered = renderer.render(Self.diagnostic(text, subject: Self.subject("bad", in: text)))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "main.pcl:1:5008: error: Extra characters after value")
        #expect(lines[1] == "  1 | …xxxxxxxxxxx\" bad yyyyyyyyyyyyyyyyyyyyy…")
        #expect(lines[2] == "    |               ^^^")
    }

    @Test func withoutSourceShowsOnlySummaryAndDetail() {
        let diagnostic = Diagnostic(code: .fileNotFound, detail: "There is no file at \"nope.pcl\".")
        #expect(DiagnosticRenderer().render(diagnostic) == """
            error: No such file or directory
            There is no file at "nope.pcl".

            """)
        let withFile = Diagnostic(
            code: .fileUnreadable, detail: "Permission denied.", file: SourceFile(path: "x.pcl", text: ""))
        #expect(DiagnosticRenderer().render(withFile) == "x.pcl: error: Cannot read file\nPermission denied.\n")
    }

    @Test func warningsAndColour() {
        let text = "a = 1 x\n"
        let warning = Self.diagnostic(text, subject: 6..<7, severity: .warning, summary: "Odd", detail: "Hm.")
        #expect(DiagnosticRenderer().render(warning).hasPrefix("main.pcl:1:7: warning: Odd\n"))
        let coloured = DiagnosticRenderer(color: true).render(warning)
        #expect(coloured == """
            \u{1B}[1mmain.pcl:1:7: \u{1B}[0m\u{1B}[1;33mwarning:\u{1B}[0m \u{1B}[1mOdd\u{1B}[0m
              \u{1B}[34m1 |\u{1B}[0m a = 1 x
              \u{1B}[34m  |\u{1B}[0m       \u{1B}[1;33m^\u{1B}[0m
            Hm.

            """)
        let error = Self.diagnostic(text, subject: 6..<7, summary: "Bad", detail: "")
        #expect(DiagnosticRenderer(color: true).render(error).hasPrefix(
            "\u{1B}[1mmain.pcl:1:7: \u{1B}[0m\u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mBad\u{1B}[0m\n"))
        #expect(!DiagnosticRenderer(color: false).render(error).contains("\u{1B}"))
    }

    @Test func wrapsDetailButKeepsIndentedLines() {
        let detail = "The quick brown fox jumps over the lazy dog and keeps on running far away.\n"
            + "  example = \"keep this line exactly as it is, even though it is long\""
        let wrapped = DiagnosticRenderer.wrap(detail, width: 30)
        #expect(wrapped == """
            The quick brown fox jumps over
            the lazy dog and keeps on
            running far away.
              example = "keep this line exactly as it is, even though it is long"
            """)
        #expect(DiagnosticRenderer.wrap(detail, width: nil) == detail)
    }

    @Test func severalDiagnosticsAreSeparatedByBlankLines() {
        let file = SourceFile(path: "a.pcl", text: "x y\n")
        let first = Diagnostic(code: Self.code, detail: "One.", file: file, subject: SourceRange(2, 3))
        let second = Diagnostic(code: Self.code, detail: "Two.")
        #expect(DiagnosticRenderer().render([first, second]) == """
            a.pcl:1:3: error: Example problem
              1 | x y
                |   ^
            One.

            error: Example problem
            Two.

            """)
    }

    @Test func invalidUTF8KeepsCaretsAligned() {
        let file = SourceFile(path: "b.pcl", bytes: Array("a = \"".utf8) + [0xFF, 0xFE] + Array("\" z\n".utf8))
        let diagnostic = Diagnostic(code: Self.code, detail: "", file: file, subject: SourceRange(9, 10))
        #expect(DiagnosticRenderer().render(diagnostic) == """
            b.pcl:1:10: error: Example problem
              1 | a = "\u{FFFD}\u{FFFD}" z
                |          ^

            """)
    }
}
