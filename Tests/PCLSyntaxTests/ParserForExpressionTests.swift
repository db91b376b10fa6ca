import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserForExpressionTests {
    @Test(arguments: [
        ("[for x in xs : x]", "(for-tuple x in xs : x)"),
        ("[for i, x in xs : i + x]", "(for-tuple i,x in xs : (+ i x))"),
        ("[for x in xs : x if x != null]", "(for-tuple x in xs : x if (!= x null))"),
        ("{for k, v in m : k => v}", "(for-object k,v in m : k => v)"),
        ("{for k, v in m : v.g => k...}", "(for-object k,v in m : (ref v .g) => k ...)"),
        ("{for k, v in m : v.g => k... if v.on}", "(for-object k,v in m : (ref v .g) => k ... if (ref v .on))"),
        ("[\n  for x in xs :\n  upper(x)\n  if x != \"\"\n]", "(for-tuple x in xs : (call upper x) if (!= x (template \"\")))"),
        ("{\n  for s in var.subnets : s.name => s.id\n}", "(for-object s in (ref var .subnets) : (ref s .name) => (ref s .id))"),
        ("[for x in [for y in z : y] : x]", "(for-tuple x in (for-tuple y in z : y) : x)"),
        ("[for x in xs : {a = x}]", "(for-tuple x in xs : (object (a x)))"),
        ("[for x in xs : x ? 1 : 2]", "(for-tuple x in xs : (? x 1 2))"),
        ("[for, x]", "(tuple for x)"),
    ])
    func parsesForExpressions(source: String, expected: String) {
        #expect(ParserTest.expression(source) == expected)
    }

    @Test func keepsForRanges() throws {
        let (expression, _) = Parser.parseExpression(SourceFile(path: "t", text: "{for k in m : k => 1}"))
        guard case .forExpression(let node) = expression else { Issue.record("not a for"); return }
        #expect(node.openRange == SourceRange(0, 1))
        #expect(node.closeRange == SourceRange(20, 21))
        #expect(node.range == SourceRange(0, 21))
        #expect(node.isObject && !node.isGrouped && node.keyVariable == nil && node.valueVariable == "k")
    }

    @Test(arguments: [
        ("a = [for x in y : x => x]\n", [ParserTest.Problem(.invalidForExpression, 1, 19)]),
        ("a = [for x in y : x...]\n", [ParserTest.Problem(.invalidForExpression, 1, 20)]),
        ("a = {for x in y : x}\n", [ParserTest.Problem(.invalidForExpression, 1, 19)]),
        ("a = [for x y : x]\n", [ParserTest.Problem(.invalidForExpression, 1, 12)]),
        ("a = [for x, 1 in y : x]\n", [ParserTest.Problem(.invalidForExpression, 1, 13)]),
        ("a = [for x in y x]\n", [ParserTest.Problem(.invalidForExpression, 1, 17)]),
        ("a = [for x in y : x if x z]\n", [ParserTest.Problem(.invalidForExpression, 1, 26)]),
        ("a = [for x in y : x]\nb = [for q in r : q => q]\n", [ParserTest.Problem(.invalidForExpression, 2, 19)]),
    ])
    func reportsForErrors(source: String, expected: [ParserTest.Problem]) {
        #expect(ParserTest.problems(source) == expected)
    }
}
