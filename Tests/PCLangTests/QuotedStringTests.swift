import Testing
@testable import PCLang

// Expected texts are what Terraform 1.11.4 prints: `goQuoted` as its
// messages show strings (`tobool("…")` in `terraform console`), `hclQuoted`
// as `terraform state list` shows for_each keys of `terraform_data`.

struct QuotedStringCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: String
    var testDescription: String { expected }
    init(_ text: String, _ expected: String) {
        self.text = text
        self.expected = expected
    }
}

@Suite("Quoted strings")
struct QuotedStringTests {
    static let goCases: [QuotedStringCase] = [
        QuotedStringCase("plain", #""plain""#),
        QuotedStringCase("", #""""#),
        QuotedStringCase("a\"b\\c", #""a\"b\\c""#),
        QuotedStringCase("\u{07}\u{08}\u{0C}\n\r\t\u{0B}", #""\a\b\f\n\r\t\v""#),
        QuotedStringCase("\u{00}\u{1B}\u{7F}", #""\x00\x1b\x7f""#),
        QuotedStringCase("a\u{07}b\u{A0}c\u{200B}d", #""a\ab\u00a0c\u200bd""#),
        QuotedStringCase("\u{1F600}\u{AD}\u{E000}x\u{85}", "\"\u{1F600}\\u00ad\\ue000x\\u0085\""),
        QuotedStringCase("\u{E0001}", #""\U000e0001""#),
        QuotedStringCase("été ${x} %{y} 'q'", "\"été ${x} %{y} 'q'\""),
    ]

    @Test(arguments: goCases)
    func goQuoted(_ testCase: QuotedStringCase) {
        #expect(testCase.text.goQuoted == testCase.expected)
    }

    static let hclCases: [QuotedStringCase] = [
        QuotedStringCase("plain", #""plain""#),
        QuotedStringCase("a${b", #""a$${b""#),
        QuotedStringCase("c%{d", #""c%%{d""#),
        QuotedStringCase("m$$n", #""m$$n""#),
        QuotedStringCase("e\u{07}f", #""e\u0007f""#),
        QuotedStringCase("g\u{A0}h\u{200B}i", #""g\u00a0h\u200bi""#),
        QuotedStringCase("j\"k\\l\n", #""j\"k\\l\n""#),
        QuotedStringCase("\u{1F600}", "\"\u{1F600}\""),
        QuotedStringCase("{}", #""{}""#),
    ]

    @Test(arguments: hclCases)
    func hclQuoted(_ testCase: QuotedStringCase) {
        #expect(testCase.text.hclQuoted == testCase.expected)
    }

    @Test func runesAreQuotedAsGoQuotesOne() {
        let cases: [(Unicode.Scalar, String)] = [
            ("a", "'a'"), ("'", #"'\''"#), ("\"", #"'"'"#), ("\\", #"'\\'"#), ("\t", #"'\t'"#),
            ("\u{00}", #"'\x00'"#), ("\u{200B}", #"'\u200b'"#), ("é", "'é'"), (" ", "' '"),
        ]
        for (scalar, expected) in cases {
            #expect(scalar.goQuotedRune == expected)
        }
    }

    @Test func identifiersAreWhatTheLexerReadsAsNames() {
        for name in ["a", "_x", "name-with-dash", "a1", "été", "日本"] {
            #expect(name.isIdentifier, "\(name)")
        }
        for name in ["", "1a", "-a", "a b", "a.b", "a\"", "$x"] {
            #expect(!name.isIdentifier, "\(name)")
        }
    }
}
