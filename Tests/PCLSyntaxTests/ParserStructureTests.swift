import PCDiagnostics
import Testing
@testable import PCLSyntax

@Suite struct ParserStructureTests {
    @Test(arguments: [
        ("", "(body)"),
        ("\n\n", "(body)"),
        ("a = 1\n", "(body (attr a 1))"),
        ("a = 1", "(body (attr a 1))"),
        ("a = 1\nb = true\n", "(body (attr a 1) (attr b true))"),
        ("# comment\na = 1 # trailing\n// other\n/* block */ b = null\n", "(body (attr a 1) (attr b null))"),
        ("a = 1\r\nb = 2\r\n", "(body (attr a 1) (attr b 2))"),
        ("\u{FEFF}a = 1\n", "(body (attr a 1))"),
        ("resource \"aws_instance\" \"web\" {\n  ami = \"x\"\n}\n",
         "(body (block resource \"aws_instance\" \"web\" (body (attr ami (template \"x\")))))"),
        ("locals {\n}\n", "(body (block locals (body)))"),
        ("locals {}\n", "(body (block locals (body)))"),
        ("a b c {}\n", "(body (block a b c (body)))"),
        ("a \"b\" c {}\n", "(body (block a \"b\" c (body)))"),
        ("a { b = 1 }\n", "(body (block a (body (attr b 1))))"),
        ("a \"x\" { b = [1, 2] }\n", "(body (block a \"x\" (body (attr b (tuple 1 2)))))"),
        ("a {\n  b {\n    c = 1\n  }\n  d = 2\n}\n", "(body (block a (body (block b (body (attr c 1))) (attr d 2))))"),
        ("dynamic \"ingress\" {\n  for_each = var.rules\n  content {\n    port = ingress.value\n  }\n}\n",
         "(body (block dynamic \"ingress\" (body (attr for_each (ref var .rules)) (block content (body (attr port (ref ingress .value)))))))"),
        ("a = {\n  b = 1\n}\n", "(body (attr a (object (b 1))))"),
        ("a = [\n  1,\n  2,\n]\n", "(body (attr a (tuple 1 2)))"),
        ("a {\n  # only a comment\n}\n", "(body (block a (body)))"),
        ("a \"\\u0041\" {}\n", "(body (block a \"A\" (body)))"),
    ])
    func parsesStructure(source: String, expected: String) {
        #expect(ParserTest.body(source) == expected)
    }

    @Test func keepsRangesOfBlockParts() throws {
        let text = "resource \"t\" n {\n  a = 1\n}\n"
        let file = ParserTest.parse(text)
        #expect(file.diagnostics.isEmpty)
        let block = try #require(file.body.blocks.first)
        #expect(block.typeRange == SourceRange(0, 8))
        #expect(block.labels.map(\.range) == [SourceRange(9, 12), SourceRange(13, 14)])
        #expect(block.labels.map(\.isQuoted) == [true, false])
        #expect(block.openBraceRange == SourceRange(15, 16))
        #expect(block.closeBraceRange == SourceRange(25, 26))
        #expect(block.range == SourceRange(0, 26))
        let attribute = try #require(block.body.attributes.first)
        #expect(attribute.nameRange == SourceRange(19, 20))
        #expect(attribute.equalsRange == SourceRange(21, 22))
        #expect(attribute.range == SourceRange(19, 24))
        #expect(attribute.value.range == SourceRange(23, 24))
    }

    @Test func dumpsWithRanges() {
        #expect(ParserTest.body("a = x.y\n", ranges: true)
            == "(body@0-8 (attr a@0-7 (ref x@4-7 .y@5-7)))")
    }

    @Test func keepsItemsInSourceOrder() {
        let file = ParserTest.parse("a = 1\nb {}\nc = 2\nd {}\n")
        #expect(file.body.items.map { item -> String in
            switch item {
            case .attribute(let attribute): attribute.name
            case .block(let block): block.type
            }
        } == ["a", "b", "c", "d"])
        #expect(file.body.attributes.map(\.name) == ["a", "c"])
        #expect(file.body.blocks.map(\.type) == ["b", "d"])
    }

    @Test func duplicateArgumentsAreNotASyntaxError() {
        #expect(ParserTest.body("a = 1\na = 2\n") == "(body (attr a 1) (attr a 2))")
    }
}
