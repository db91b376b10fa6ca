import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserTemplateTests {
    @Test(arguments: [
        (#""""#, #"(template "")"#),
        (#""abc""#, #"(template "abc")"#),
        (#""${x}""#, "(wrap x)"),
        (#""${x} ""#, #"(template x " ")"#),
        (#""a${x}b${y}""#, #"(template "a" x "b" y)"#),
        (#""${"in${x}"}""#, #"(wrap (template "in" x))"#),
        (#""\n\r\t\"\\""#, #"(template "\n\r\t\"\\")"#),
        (#""\u00e9\U0001F600""#, "(template \"é😀\")"),
        (#""$${x} %%{y}""#, #"(template "${x} %{y}")"#),
        (#""$$ %% $x %x""#, #"(template "$$ %% $x %x")"#),
        (#""a ${~ x ~} b""#, #"(template "a" x "b")"#),
        (#""a  ${~x}""#, #"(template "a" x)"#),
        (#""${x~}  b""#, #"(template x "b")"#),
        (#""%{if c}yes%{endif}""#, #"(template (%if c (template "yes")))"#),
        (#""%{if c}yes%{else}no%{endif}""#, #"(template (%if c (template "yes") (template "no")))"#),
        (#""%{if c}%{else}%{endif}""#, #"(template (%if c (template "") (template "")))"#),
        (#""%{for x in xs}${x},%{endfor}""#, #"(template (%for x in xs (template x ",")))"#),
        (#""%{for k, v in m}${k}=${v}%{endfor}""#, #"(template (%for k,v in m (template k "=" v)))"#),
        (#""%{if a}%{for x in y}${x}%{endfor}%{endif}""#, #"(template (%if a (template (%for x in y (template x)))))"#),
        (#""x %{~ if c ~} y %{~ endif ~} z""#, #"(template "x" (%if c (template "y")) "z")"#),
        (#""${a ? "x" : "y"}""#, #"(wrap (? a (template "x") (template "y")))"#),
        (#""${{a = 1}}""#, "(wrap (object (a 1)))"),
    ])
    func parsesQuotedTemplates(source: String, expected: String) {
        #expect(ParserTest.expression(source) == expected)
    }

    @Test func keepsTemplatePartRanges() {
        #expect(ParserTest.expression(#""a${x}""#, ranges: true) == #"(template@0-7 "a"@1-2 x@4-5)"#)
        #expect(ParserTest.expression(#""""#, ranges: true) == #"(template@0-2 ""@1-1)"#)
    }

    @Test(arguments: [
        (#"a = "\q"\#n"#, [ParserTest.Problem(.invalidEscapeSequence, 1, 6)]),
        (#"a = "ok \u12 \x""#, [ParserTest.Problem(.invalidEscapeSequence, 1, 9), ParserTest.Problem(.invalidEscapeSequence, 1, 14)]),
        (#"a = "\uD800""#, [ParserTest.Problem(.invalidEscapeSequence, 1, 6)]),
        (#"a = "\U00110000""#, [ParserTest.Problem(.invalidEscapeSequence, 1, 6)]),
        (#"a = "${x y}""#, [ParserTest.Problem(.extraCharactersAfterInterpolation, 1, 10)]),
        (#"a = "${x:-y}""#, [ParserTest.Problem(.extraCharactersAfterInterpolation, 1, 9)]),
        (#"a = "%{ if x }""#, [ParserTest.Problem(.unexpectedEndOfTemplate, 1, 6)]),
        (#"a = "%{ endif }""#, [ParserTest.Problem(id: "syntax.unexpected-template-directive", 1, 6)]),
        (#"a = "%{ else }""#, [ParserTest.Problem(.unexpectedTemplateDirective, 1, 6)]),
        (#"a = "%{for x in y}%{endif}%{endfor}""#, [ParserTest.Problem(.unexpectedTemplateDirective, 1, 19)]),
        (#"a = "%{if x}%{else}%{else}%{endif}""#, [ParserTest.Problem(.unexpectedTemplateDirective, 1, 20)]),
        (#"a = "%{ fi }""#, [ParserTest.Problem(.invalidTemplateControlKeyword, 1, 9)]),
        (#"a = "%{ 1 }""#, [ParserTest.Problem(.invalidTemplateDirective, 1, 9)]),
        (#"a = "%{ for 1 in x }%{endfor}""#, [ParserTest.Problem(.invalidForDirective, 1, 13)]),
        (#"a = "%{ if x y }%{endif}""#, [ParserTest.Problem(.extraCharactersInDirective, 1, 14)]),
        ("a \"${x}\" {}\n", [ParserTest.Problem(.invalidStringLiteral, 1, 4)]),
    ])
    func reportsTemplateErrors(source: String, expected: [ParserTest.Problem]) {
        #expect(ParserTest.problems(source) == expected)
    }

    @Test func directiveSummariesNameTheDirective() {
        let file = ParserTest.parse(#"a = "%{ endfor }%{ if x y }%{endif}""#)
        #expect(file.diagnostics.map(\.summary).sorted() == ["Extra characters in if marker", "Unexpected endfor directive"])
        let suggestion = ParserTest.parse(#"a = "%{ fi }""#).diagnostics.first?.detail ?? ""
        #expect(suggestion.contains("Did you mean \"endif\"?"))
    }

    @Test func unterminatedStringIsReportedOnceByTheLexer() {
        let file = ParserTest.parse("a = \"abc\nb = 1\n")
        #expect(file.diagnostics.count == 1)
        #expect(file.body.attributes.map(\.name) == ["a", "b"])
        #expect(SyntaxDump.dump(file.body.attributes[0].value) == #"(template "abc")"#)
    }
}
