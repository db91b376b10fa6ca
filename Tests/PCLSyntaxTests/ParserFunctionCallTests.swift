import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserFunctionCallTests {
    @Test(arguments: [
        ("f()", "(call f)"),
        ("f(1)", "(call f 1)"),
        ("f(1, 2)", "(call f 1 2)"),
        ("f(1, 2,)", "(call f 1 2)"),
        ("f(\n  1,\n  2\n)", "(call f 1 2)"),
        ("f(a, b...)", "(call f a b ...)"),
        ("f(list...)", "(call f list ...)"),
        ("f(g(1), h())", "(call f (call g 1) (call h))"),
        ("f(1).a", "(rel (call f 1) .a)"),
        ("f(1)[0]", "(rel (call f 1) [0])"),
        ("f(x)[y]", "(index (call f x) y)"),
        ("provider::aws::arn_parse(x)", "(call provider::aws::arn_parse x)"),
        ("max(1, 2) + 1", "(+ (call max 1 2) 1)"),
        ("jsonencode({\n  a = 1\n})", "(call jsonencode (object (a 1)))"),
        ("templatefile(\"${path.module}/t.tpl\", { name = var.n })",
         "(call templatefile (template (ref path .module) \"/t.tpl\") (object (name (ref var .n))))"),
    ])
    func parsesCalls(source: String, expected: String) {
        #expect(ParserTest.expression(source) == expected)
    }

    @Test func keepsCallRanges() throws {
        let (expression, diagnostics) = Parser.parseExpression(SourceFile(path: "t", text: "ns::f(a, b...)"))
        #expect(diagnostics.isEmpty)
        guard case .functionCall(let call) = expression else { Issue.record("not a call"); return }
        #expect(call.name == "ns::f")
        #expect(call.nameRange == SourceRange(0, 5))
        #expect(call.openParenRange == SourceRange(5, 6))
        #expect(call.closeParenRange == SourceRange(13, 14))
        #expect(call.range == SourceRange(0, 14))
        #expect(call.expandsFinalArgument)
    }

    @Test func nameOnTheLineBeforeParenthesisIsNotACall() {
        #expect(ParserTest.problems("a = f\n(1)\n") == [ParserTest.Problem(.argumentOrBlockRequired, 2, 1)])
    }

    @Test(arguments: [
        ("a = f(1 2)\n", [ParserTest.Problem(.missingArgumentSeparator, 1, 9)]),
        ("a = f(x..., y)\n", [ParserTest.Problem(.missingClosingParenthesis, 1, 8)]),
        ("a = f(1,\n", [ParserTest.Problem(.missingExpression, 2, 1)]),
        ("a = f(1\n", [ParserTest.Problem(.unterminatedFunctionCall, 1, 5)]),
        ("a = ns::(1)\n", [ParserTest.Problem(.missingFunctionName, 1, 9)]),
        ("a = ns::f\n", [ParserTest.Problem(.missingOpenParenthesis, 1, 10)]),
    ])
    func reportsCallErrors(source: String, expected: [ParserTest.Problem]) {
        #expect(ParserTest.problems(source) == expected)
    }
}
