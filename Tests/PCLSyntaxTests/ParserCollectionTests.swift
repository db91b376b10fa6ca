import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserCollectionTests {
    @Test(arguments: [
        ("[]", "(tuple)"),
        ("[1]", "(tuple 1)"),
        ("[1, 2, 3]", "(tuple 1 2 3)"),
        ("[1, 2,]", "(tuple 1 2)"),
        ("[\n  1,\n  2\n]", "(tuple 1 2)"),
        ("[[1], [2, [3]]]", "(tuple (tuple 1) (tuple 2 (tuple 3)))"),
        ("[\n  # comment\n  a, // more\n  b\n]", "(tuple a b)"),
        ("{}", "(object)"),
        ("{ a = 1 }", "(object (a 1))"),
        ("{ a = 1, b = 2 }", "(object (a 1) (b 2))"),
        ("{ a = 1, b = 2, }", "(object (a 1) (b 2))"),
        ("{\n  a = 1\n  b = 2\n}", "(object (a 1) (b 2))"),
        ("{\n  a = 1,\n  b = 2,\n}", "(object (a 1) (b 2))"),
        ("{ \"a\": 1, \"b c\": 2 }", "(object ((template \"a\") 1) ((template \"b c\") 2))"),
        ("{ (k) = 1 }", "(object ((paren k) 1))"),
        ("{ (var.name) = 1 }", "(object ((paren (ref var .name)) 1))"),
        ("{ \"${x}\" = 1 }", "(object ((wrap x) 1))"),
        ("{ a = { b = [1, { c = 2 }] } }", "(object (a (object (b (tuple 1 (object (c 2)))))))"),
        ("{\n\n  a = 1\n\n}", "(object (a 1))"),
        ("{ a = 1 # note\n b = 2 }", "(object (a 1) (b 2))"),
        ("{ for = 1 }", "(object (for 1))"),
        ("{ a = [\n 1,\n 2] }", "(object (a (tuple 1 2)))"),
    ])
    func parsesCollections(source: String, expected: String) {
        #expect(ParserTest.expression(source) == expected)
    }

    @Test func objectInsideBodyKeepsNewlineSensitivity() {
        #expect(ParserTest.body("tags = {\n  Name = \"web\"\n  Env  = var.env\n}\n")
            == "(body (attr tags (object (Name (template \"web\")) (Env (ref var .env)))))")
    }

    @Test func keepsCollectionRanges() {
        #expect(ParserTest.expression("[a, {b = 1}]", ranges: true)
            == "(tuple@0-12 a@1-2 (object@4-11 (b@5-6 1@9-10)))")
    }

    @Test(arguments: [
        ("a = [1 2]\n", [ParserTest.Problem(.missingItemSeparator, 1, 8)]),
        ("a = [1,\n", [ParserTest.Problem(.missingExpression, 2, 1)]),
        ("a = [1\n", [ParserTest.Problem(.unterminatedTuple, 1, 5)]),
        ("a = { b }\n", [ParserTest.Problem(.missingKeyValueSeparator, 1, 9)]),
        ("a = { b\n c = 1 }\n", [ParserTest.Problem(.missingAttributeValue, 1, 8)]),
        ("a = { b c }\n", [ParserTest.Problem(.missingKeyValueSeparator, 1, 9)]),
        ("a = { b = 1 c = 2 }\n", [ParserTest.Problem(.missingAttributeSeparator, 1, 13)]),
        ("a = { b = 1\n", [ParserTest.Problem(.unterminatedObject, 1, 5)]),
        ("a = { b = }\n", [ParserTest.Problem(.invalidExpression, 1, 11)]),
    ])
    func reportsCollectionErrors(source: String, expected: [ParserTest.Problem]) {
        #expect(ParserTest.problems(source) == expected)
    }

    @Test func recoversAfterABrokenCollection() {
        let file = ParserTest.parse("a = [1 2]\nb = { c d }\ne = 3\n")
        #expect(ParserTest.problems(file) == [
            ParserTest.Problem(.missingItemSeparator, 1, 8),
            ParserTest.Problem(.missingKeyValueSeparator, 2, 9),
        ])
        #expect(file.body.attributes.map(\.name) == ["a", "b", "e"])
        #expect(SyntaxDump.dump(file.body.attributes[2].value) == "3")
    }
}
