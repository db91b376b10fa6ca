import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserRecoveryTests {
    typealias P = ParserTest.Problem

    @Test(arguments: [
        ("a = 1 b = 2\n", [P(.missingNewlineAfterArgument, 1, 7)]),
        ("a = 1, b = 2\n", [P(.unexpectedCommaAfterArgument, 1, 6)]),
        ("a =\n", [P(.invalidExpression, 1, 4)]),
        ("a = ", [P(.missingExpression, 1, 5)]),
        ("a\n", [P(.argumentOrBlockRequired, 1, 1)]),
        ("a b\n", [P(.invalidBlockDefinition, 1, 4)]),
        ("a \"b\" = 1\n", [P(.invalidBlockDefinition, 1, 7)]),
        ("a b 1 {}\n", [P(.invalidBlockDefinition, 1, 5)]),
        ("\"a\" = 1\n", [P(.invalidArgumentName, 1, 1)]),
        ("1 = 1\n", [P(.argumentOrBlockRequired, 1, 1)]),
        ("}\n", [P(.argumentOrBlockRequired, 1, 1)]),
        ("a {\n  b = 1\n", [P(.unclosedBlock, 1, 3)]),
        ("a {\n  b {\n    c = 1\n", [P(.unclosedBlock, 2, 5)]),
        ("a {} b = 1\n", [P(.missingNewlineAfterBlock, 1, 6)]),
        ("a { b = 1, c = 2 }\n", [P(.invalidSingleLineBlock, 1, 10)]),
        ("a { b = 1\n}\n", [P(.invalidSingleLineBlock, 1, 10)]),
        ("a { b = 1 c }\n", [P(.invalidSingleLineBlock, 1, 11)]),
        ("a { b { } }\n", [P(.argumentDefinitionRequired, 1, 5)]),
        ("a { b }\n", [P(.argumentOrBlockRequired, 1, 5)]),
        ("a { 1 }\n", [P(.argumentOrBlockRequired, 1, 5)]),
        ("a { b = 1", [P(.unclosedBlock, 1, 3)]),
        ("a = (1\n", [P(.unbalancedParentheses, 2, 1)]),
        ("a = (1 2)\n", [P(.unbalancedParentheses, 1, 8)]),
        ("a = b ? c\n", [P(.missingFalseExpression, 1, 10)]),
        ("a = 1.2.3\n", [P(.invalidNumberLiteral, 1, 5)]),
        ("a = )\n", [P(.invalidExpression, 1, 5)]),
    ])
    func reportsStructureErrors(source: String, expected: [P]) {
        #expect(ParserTest.problems(source) == expected)
    }

    @Test func reportsEveryIndependentErrorInOneRun() {
        let source = """
        a = 1 b
        c = [1 2]
        d {
          e = f(1 2)
          g = "${h i}"
          ok = 1
        }
        j = { k l }
        m = 3

        """
        let file = ParserTest.parse(source)
        #expect(ParserTest.problems(file) == [
            P(.missingNewlineAfterArgument, 1, 7),
            P(.missingItemSeparator, 2, 8),
            P(.missingArgumentSeparator, 4, 11),
            P(.extraCharactersAfterInterpolation, 5, 12),
            P(.missingKeyValueSeparator, 8, 9),
        ])
        #expect(file.body.attributes.map(\.name) == ["a", "c", "j", "m"])
        #expect(file.body.blocks.first?.body.attributes.map(\.name) == ["e", "g", "ok"])
    }

    @Test func explainsMistakeCharactersOncePerKind() {
        let source = "a = 1;\nb = 2;\nc = 'x'\nd = 1 & 2\ne = 2 ** 3\nf = `x`\ng = 1 | 2\nh = \u{201C}x\u{201D}\ni = @\nj = #ok\n"
        let file = ParserTest.parse(source)
        #expect(ParserTest.problems(file) == [
            P(.invalidCharacter, 1, 6),
            P(.invalidCharacter, 3, 5),
            P(.unsupportedOperator, 4, 7),
            P(.unsupportedOperator, 5, 7),
            P(.invalidCharacter, 6, 5),
            P(.invalidCharacter, 8, 5),
            P(.invalidCharacter, 9, 5),
            P(.invalidExpression, 10, 8),
        ])
        #expect(file.diagnostics.first { $0.subject == SourceRange(18, 19) }?.detail
            == "Single quotes are not valid. Use double quotes (\") to enclose strings.")
        #expect(file.diagnostics.contains { $0.detail.contains("\"&&\"") })
    }

    @Test func reportsBadEncodingOnce() {
        let bytes: [UInt8] = Array("a = \"".utf8) + [0xFF, 0xFE] + Array("\"\nb = ".utf8) + [0xC3] + Array("\n".utf8)
        let file = Parser.parse(SourceFile(path: "t", bytes: bytes))
        #expect(file.diagnostics.filter { $0.code == .invalidCharacterEncoding }.count <= 1)
        #expect(file.diagnostics.hasErrors)
    }

    @Test func recoveryKeepsTheEnclosingBlock() {
        let file = ParserTest.parse("a {\n  b = [1 2\n  c = 3\n}\nd = 4\n")
        // The tuple's recovery runs to the end of the file looking for "]";
        // the block's missing brace is a consequence and stays quiet.
        #expect(ParserTest.problems(file) == [P(.missingItemSeparator, 2, 10)])
        let second = ParserTest.parse("a {\n  b = 1 2\n  c = 3\n}\nd = 4\n")
        #expect(ParserTest.problems(second) == [P(.missingNewlineAfterArgument, 2, 9)])
        #expect(second.body.blocks.first?.body.attributes.map(\.name) == ["b", "c"])
        #expect(second.body.attributes.map(\.name) == ["d"])
    }

    @Test func unclosedBlockPointsAtItsBrace() throws {
        let file = ParserTest.parse("locals {\n  a = 1\n")
        let diagnostic = try #require(file.diagnostics.first)
        #expect(diagnostic.code == .unclosedBlock)
        #expect(diagnostic.subject == SourceRange(7, 8))
        #expect(diagnostic.context == SourceRange(0, 8))
    }

    @Test func everyDiagnosticSaysWhatToDo() {
        let sources = ["a = 1 b\n", "a = [1 2]\n", "a {\n", "a = \"${x y}\"\n", "a = [for x in y : x => x]\n", "a = f(1 2)\n", "a = x.\n"]
        for source in sources {
            for diagnostic in ParserTest.parse(source).diagnostics {
                #expect(diagnostic.detail.hasSuffix(".") || diagnostic.detail.hasSuffix("?"), "\(diagnostic.detail)")
                #expect(diagnostic.detail.count > 30)
                #expect(diagnostic.file != nil && diagnostic.subject != nil)
            }
        }
    }
}
