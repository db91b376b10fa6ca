import PCDiagnostics
import PCLTestSupport
import Testing
@testable import PCLSyntax

private func format(_ text: String) -> String {
    String(decoding: PCLFormatter.format(Lexer.tokenize(SourceFile(path: "t.pcl", text: text))), as: UTF8.self)
}

/// The first line where two texts differ, for failure messages that stay
/// readable on large inputs.
func firstDifferentLine(_ a: [UInt8], _ b: [UInt8]) -> String {
    let linesA = String(decoding: a, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let linesB = String(decoding: b, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(linesA.count, linesB.count) {
        let x = index < linesA.count ? String(linesA[index]) : "<none>"
        let y = index < linesB.count ? String(linesB[index]) : "<none>"
        if x != y { return "line \(index + 1): \(x.debugDescription) became \(y.debugDescription)" }
    }
    return "no line differs"
}

@Suite("Formatter")
struct FormatterTests {
    // Expected values are terraform fmt's output for the same input.
    @Test("spacing of one line", arguments: [
        ("a=1\n", "a = 1\n"),
        ("a = b [ 0 ]\n", "a = b[0]\n"),
        ("a = f ( 1 , 2 )\n", "a = f(1, 2)\n"),
        ("x = a - -b\n", "x = a - -b\n"),
        ("x = {a=1}\n", "x = { a = 1 }\n"),
        ("x = {  }\n", "x = {}\n"),
        ("x = [ ]\n", "x = []\n"),
        ("x = ! a\n", "x = !a\n"),
        ("x = a . * . b\n", "x = a.*.b\n"),
        ("x = a [*] . b\n", "x = a[*].b\n"),
        ("x = [for v in l:v]\n", "x = [for v in l : v]\n"),
        ("x = {for k,v in m:k=>v}\n", "x = { for k, v in m : k => v }\n"),
        ("x = a?b:c\n", "x = a ? b : c\n"),
        ("b { }\n", "b {}\n"),
        ("b \"l\" {a=1}\n", "b \"l\" { a = 1 }\n"),
        ("x = provider :: a :: f(1)\n", "x = provider::a::f(1)\n"),
        ("x = f(a ...)\n", "x = f(a...)\n"),
        ("x = \"a${ b }c\"\n", "x = \"a${b}c\"\n"),
        ("x = \"%{ if a }b%{ endif }\"\n", "x = \"%{if a}b%{endif}\"\n"),
        ("x = {for k, v in m: k => - v}\n", "x = { for k, v in m : k => - v }\n"),
    ] as [(String, String)])
    func spacing(input: String, expected: String) {
        #expect(format(input) == expected)
    }

    @Test("alignment chains", arguments: [
        ("a = 1\nbbb = 2\n", "a   = 1\nbbb = 2\n"),
        ("a = 1\n\nbbb = 2\n", "a = 1\n\nbbb = 2\n"),
        ("a = 1\n# c\nbbb = 2\n", "a = 1\n# c\nbbb = 2\n"),
        ("a = [\n1]\nbbb = 2\n", "a = [\n1]\nbbb = 2\n"),
        ("a = 1 # x\nbbb = 22 # y\n", "a   = 1  # x\nbbb = 22 # y\n"),
        ("b {\na = 1\n}\ncc = 2\n", "b {\n  a = 1\n}\ncc = 2\n"),
    ] as [(String, String)])
    func alignment(input: String, expected: String) {
        #expect(format(input) == expected)
    }

    @Test("layout outside tokens: line ends, BOM, end of file", arguments: [
        ("a=1\r\nbb=2\r\n", "a  = 1\r\nbb = 2\r\n"),
        ("\u{FEFF}a=1\n", "a = 1\n"),
        ("\u{FEFF}", "   "),
        ("a = 1", "a = 1"),
        ("a = 1\n\t ", "a = 1\n  "),
        ("a = 1\n\n\n\nb = 2\n", "a = 1\n\n\n\nb = 2\n"),
        ("a = 1   \n", "a = 1\n"),
        ("", ""),
    ] as [(String, String)])
    func fileLayout(input: String, expected: String) {
        #expect(format(input) == expected)
    }

    /// gen_config.py's output is what terraform fmt leaves alone; its
    /// golden case (gen_config_12) checks the bytes. Here the same property
    /// at a larger size: a formatted file is reported as formatted and left
    /// unchanged, whatever size its alignment chains reach.
    @Test("formatted generated configurations come back unchanged", arguments: [1, 40, 300])
    func formattedGenerated(resources: Int) {
        var generator = ConfigurationGenerator(seed: UInt64(resources), messy: false)
        let first = PCLFormatter.format(Lexer.tokenize(SourceFile(path: "g.pcl", bytes: Array(generator.configuration(resources: resources).utf8))))
        let lexed = Lexer.tokenize(SourceFile(path: "g.pcl", bytes: first))
        let output = PCLFormatter.format(lexed)
        let same = output == first
        #expect(same, "\(firstDifferentLine(first, output))")
        let formatted = PCLFormatter.isFormatted(lexed)
        #expect(formatted)
    }

    @Test("messy generated configurations: fixed point, same tokens", arguments: [3, 17, 29])
    func messyGenerated(seed: Int) {
        var generator = ConfigurationGenerator(seed: UInt64(seed), messy: true)
        let bytes = Array(generator.configuration(resources: 25).utf8)
        let lexed = Lexer.tokenize(SourceFile(path: "m.pcl", bytes: bytes))
        let once = PCLFormatter.format(lexed)
        let lexedOnce = Lexer.tokenize(SourceFile(path: "m.pcl", bytes: once))
        let twice = PCLFormatter.format(lexedOnce)
        let fixed = twice == once
        #expect(fixed, "\(firstDifferentLine(once, twice))")
        let onceFormatted = PCLFormatter.isFormatted(lexedOnce)
        #expect(onceFormatted)
        let inputFormatted = PCLFormatter.isFormatted(lexed), unchanged = once == bytes
        #expect(inputFormatted == unchanged)
        let difference = FrontEndInvariants.firstDifference(lexed, lexedOnce)
        #expect(difference == nil)
    }

    /// Token streams no lexer would produce (out of order, overlapping,
    /// past the end, no end-of-file token) must still give an answer.
    @Test("malformed token streams do not crash")
    func malformedTokenStreams() {
        let file = SourceFile(path: "x.pcl", text: "a = [1,\n  2]\n# c\n")
        let streams: [[Token]] = [
            [],
            [Token(.identifier, start: 5, end: 2)],
            [Token(.openBracket, start: 0, end: 1), Token(.comment, start: 0, end: 400), Token(.newline, start: 3, end: 4)],
            [Token(.closeBrace, start: 10, end: 11), Token(.closeBrace, start: 2, end: 3), Token(.equal, start: 1, end: 1),
             Token(.endOfFile, start: 1000, end: 1000)],
            Array(repeating: Token(.closeBracket, start: 1, end: 2), count: 50) + [Token(.endOfFile, start: 0, end: 0)],
            (0..<file.bytes.count).map { Token(TokenKind.allCases[$0 % TokenKind.allCases.count], start: $0, end: $0 + 1) },
        ]
        for tokens in streams {
            let lexed = LexedFile(file: file, tokens: tokens, diagnostics: [])
            let output = PCLFormatter.format(lexed)
            #expect(output.count <= PCLFormatter.maximumOutputSize(file.bytes.count))
            _ = PCLFormatter.isFormatted(lexed)
        }
    }

    @Test("deeply nested brackets over many lines are bounded")
    func deepNesting() {
        // Each line opens one more level: canonical indentation grows
        // quadratically, so past a size the input is returned as it was.
        let depth = 20_000
        let text = String(repeating: "[\n", count: depth) + String(repeating: "]\n", count: depth)
        let bytes = Array(text.utf8)
        let output = PCLFormatter.format(Lexer.tokenize(SourceFile(path: "d.pcl", bytes: bytes)))
        let unchanged = output == bytes
        #expect(unchanged)

        let small = String(repeating: "[\n", count: 3) + String(repeating: "]\n", count: 3)
        #expect(format(small) == "[\n  [\n    [\n    ]\n  ]\n]\n")
    }
}
