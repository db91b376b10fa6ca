import PCDiagnostics
import PCLTestSupport
import Testing
@testable import PCLSyntax

/// The formatter's promise, checked on generated configurations written
/// carelessly (random spacing, alignment and line breaks): formatting keeps
/// the syntax tree, keeps every token, and formatting again changes nothing.
@Suite("Round trip")
struct RoundTripPropertyTests {
    @Test("format → parse gives the same tree; format again gives the same bytes", arguments: 1...24)
    func roundTrip(seed: Int) throws {
        var generator = ConfigurationGenerator(seed: UInt64(seed), messy: true)
        let text = generator.configuration(resources: 3 + seed % 9)
        let original = SourceFile(path: "generated-\(seed).pcl", text: text)
        let parsed = Parser.parse(original)
        #expect(parsed.diagnostics.isEmpty, "generator wrote invalid text: \(parsed.diagnostics.map(\.summary))")

        let lexed = Lexer.tokenize(original)
        let formatted = PCLFormatter.format(lexed)
        let reparsed = Parser.parse(SourceFile(path: "formatted-\(seed).pcl", bytes: formatted))
        #expect(reparsed.diagnostics.isEmpty, "formatted text does not parse: \(reparsed.diagnostics.map(\.summary))")
        #expect(SyntaxDump.dump(reparsed.body) == SyntaxDump.dump(parsed.body))

        let relexed = Lexer.tokenize(reparsed.source)
        #expect(FrontEndInvariants.firstDifference(lexed, relexed) == nil)
        #expect(PCLFormatter.format(relexed) == formatted)
    }
}
