import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserExpressionTests {
    @Test(arguments: [
        ("1 + 2 * 3", "(+ 1 (* 2 3))"),
        ("1 * 2 + 3", "(+ (* 1 2) 3)"),
        ("1 - 2 - 3", "(- (- 1 2) 3)"),
        ("8 / 4 / 2", "(/ (/ 8 4) 2)"),
        ("a % b * c", "(* (% a b) c)"),
        ("a + b > c", "(> (+ a b) c)"),
        ("a < b == c >= d", "(== (< a b) (>= c d))"),
        ("a == b != c", "(!= (== a b) c)"),
        ("a && b || c && d", "(|| (&& a b) (&& c d))"),
        ("a || b || c", "(|| (|| a b) c)"),
        ("a != b && c <= d", "(&& (!= a b) (<= c d))"),
        ("-1", "(neg 1)"),
        ("-46 + 5", "(+ (neg 46) 5)"),
        ("!a && b", "(&& (! a) b)"),
        ("!!a", "(! (! a))"),
        ("-a.b[0]", "(neg (ref a .b [0]))"),
        ("- - x", "(neg (neg x))"),
        ("(1 + 2) * 3", "(* (paren (+ 1 2)) 3)"),
        ("(\n  1 +\n  2\n)", "(paren (+ 1 2))"),
        ("a ? b : c", "(? a b c)"),
        ("a ? b : c ? d : e", "(? a b (? c d e))"),
        ("a ? b ? c : d : e", "(? a (? b c d) e)"),
        ("x > 1 ? \"big\" : \"small\"", "(? (> x 1) (template \"big\") (template \"small\"))"),
        ("a || b ? 1 : 2", "(? (|| a b) 1 2)"),
        ("true", "true"),
        ("false", "false"),
        ("null", "null"),
        ("nullable", "nullable"),
        ("truex", "truex"),
        ("var.for", "(ref var .for)"),
    ])
    func parsesOperators(source: String, expected: String) {
        #expect(ParserTest.expression(source) == expected)
    }

    @Test(arguments: [
        ("0", "0", 0),
        ("007", "7", 0),
        ("0.1", "1", -1),
        ("1.50", "15", -1),
        ("100", "1", 2),
        ("1e3", "1", 3),
        ("2.5E-3", "25", -4),
        ("1e+2", "1", 2),
        ("0.000", "0", 0),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
         "1234567890123456789012345678901234567890123456789012345678901234567890123456789", 1),
    ])
    func keepsNumbersExact(source: String, significand: String, exponent: Int) throws {
        let number = try #require(NumberLiteral(parsing: Array(source.utf8)))
        #expect(number.significand == significand)
        #expect(number.exponent == exponent)
    }

    @Test(arguments: ["", "1.", ".5", "1e", "1e+", "1.2.3", "1x", "1e99999999"])
    func rejectsMalformedNumbers(source: String) {
        #expect(NumberLiteral(parsing: Array(source.utf8)) == nil)
    }

    @Test(arguments: [
        ("0.1", "0.1"), ("100", "100"), ("1e3", "1000"), ("2.5e-3", "0.0025"), ("1e100", "1e+100"),
        ("123.456", "123.456"), ("1e-30", "1e-30"),
    ])
    func describesNumbers(source: String, expected: String) throws {
        #expect(try #require(NumberLiteral(parsing: Array(source.utf8))).description == expected)
    }

    @Test func numberLiteralValues() throws {
        #expect(NumberLiteral(parsing: Array("1e3".utf8))?.intValue == 1000)
        #expect(NumberLiteral(parsing: Array("0.5".utf8))?.intValue == nil)
        #expect(NumberLiteral(parsing: Array("0.5".utf8))?.isWholeNumber == false)
        #expect(NumberLiteral(42) == NumberLiteral(parsing: Array("42.0".utf8)))
    }

    @Test func numbersInTreesAreExact() {
        #expect(ParserTest.expression("0.1 + 0.2") == "(+ 0.1 0.2)")
        let big = String(repeating: "9", count: 80)
        #expect(ParserTest.expression(big) == big)
    }

    @Test func keepsOperatorRanges() throws {
        let (expression, _) = Parser.parseExpression(SourceFile(path: "t", text: "a + -b"))
        guard case .binary(let node) = expression else { Issue.record("not binary"); return }
        #expect(node.operatorRange == SourceRange(2, 3))
        #expect(node.range == SourceRange(0, 6))
        guard case .unary(let unary) = node.rhs else { Issue.record("not unary"); return }
        #expect(unary.operatorRange == SourceRange(4, 5))
        #expect(unary.range == SourceRange(4, 6))
    }

    @Test func newlineEndsAnExpressionInABody() {
        #expect(SyntaxDump.dump(ParserTest.parse("a = 1\n+ 2\n").body) == "(body (attr a 1))")
        #expect(ParserTest.problems("a = 1\n+ 2\n") == [ParserTest.Problem(.argumentOrBlockRequired, 2, 1)])
    }

    @Test func parsesALoneExpressionWithTrailingText() {
        let (_, diagnostics) = Parser.parseExpression(SourceFile(path: "t", text: "a b"))
        #expect(ParserTest.problems(diagnostics) == [ParserTest.Problem(.invalidExpression, 1, 3)])
        #expect(diagnostics.first?.summary == "Extra characters after expression")
    }
}
