import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserTraversalTests {
    @Test(arguments: [
        ("a", "a"),
        ("a.b.c", "(ref a .b .c)"),
        ("a[0]", "(ref a [0])"),
        ("a[\"k\"]", "(ref a [\"k\"])"),
        ("a[true]", "(ref a [true])"),
        ("a.b[0].c[\"d\"]", "(ref a .b [0] .c [\"d\"])"),
        ("a[b]", "(index a b)"),
        ("a[b].c", "(rel (index a b) .c)"),
        ("a[b][c]", "(index (index a b) c)"),
        ("a[-1]", "(index a (neg 1))"),
        ("a[\"${k}\"]", "(index a (wrap k))"),
        ("a[\n  0\n]", "(ref a [0])"),
        ("a.0", "(ref a [0])"),
        ("a.0.b", "(ref a [0] .b)"),
        ("a.12.b", "(ref a [12] .b)"),
        ("a.*", "(splat. a *)"),
        ("a.*.b", "(splat. a (rel * .b))"),
        ("a.*.b.c", "(splat. a (rel * .b .c))"),
        ("a.*.b.0.c", "(splat. a (rel * .b [0] .c))"),
        ("a.*.b[0]", "(rel (splat. a (rel * .b)) [0])"),
        ("a[*]", "(splat[] a *)"),
        ("a[*].b", "(splat[] a (rel * .b))"),
        ("a[*].b[0].c", "(splat[] a (rel * .b [0] .c))"),
        ("a[*].b[x]", "(splat[] a (index (rel * .b) x))"),
        ("a.b[*].c", "(splat[] (ref a .b) (rel * .c))"),
        ("a[*][*]", "(splat[] a (splat[] * *))"),
        ("(a).b", "(rel (paren a) .b)"),
        ("[1, 2][0]", "(rel (tuple 1 2) [0])"),
        ("\"abc\".x", "(rel (template \"abc\") .x)"),
        ("a.if.for.in", "(ref a .if .for .in)"),
        ("aws_instance.web[count.index].id", "(rel (index (ref aws_instance .web) (ref count .index)) .id)"),
    ])
    func parsesTraversals(source: String, expected: String) {
        #expect(ParserTest.expression(source) == expected)
    }

    @Test func keepsStepRanges() {
        #expect(ParserTest.expression("a.b[0].1", ranges: true) == "(ref a@0-8 .b@1-3 [0]@3-6 [1]@6-8)")
        #expect(ParserTest.expression("a[*].b", ranges: true) == "(splat[]@0-6 a@0-1 (rel@1-6 *@1-4 .b@4-6))")
    }

    @Test(arguments: [
        ("x = a.0.1\n", [ParserTest.Problem(.invalidLegacyIndex, 1, 7)]),
        ("x = a.*.b.0.1\n", [ParserTest.Problem(.invalidLegacyIndex, 1, 11)]),
        ("x = a.\n", [ParserTest.Problem(.invalidAttributeName, 1, 7)]),
        ("x = a.[0]\n", [ParserTest.Problem(.invalidAttributeName, 1, 7)]),
        ("x = a.*.*\n", [ParserTest.Problem(.nestedSplat, 1, 9)]),
        ("x = a[*\n", [ParserTest.Problem(.missingCloseBracket, 1, 8)]),
        ("x = a[0 1]\n", [ParserTest.Problem(.missingCloseBracket, 1, 9)]),
    ])
    func reportsTraversalErrors(source: String, expected: [ParserTest.Problem]) {
        #expect(ParserTest.problems(source) == expected)
    }

    @Test func legacyChainedIndexNamesTheBracketForm() throws {
        let file = ParserTest.parse("x = foo.0.1.bar\n")
        let diagnostic = try #require(file.diagnostics.first)
        #expect(diagnostic.detail.contains("[0][1]"))
        #expect(SyntaxDump.dump(file.body) == "(body (attr x (ref foo [?] .bar)))")
    }
}
