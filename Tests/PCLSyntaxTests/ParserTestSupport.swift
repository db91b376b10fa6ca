import PCDiagnostics
import Testing
@testable import PCLSyntax

/// Shared helpers of the parser tests.
enum ParserTest {
    struct Problem: Equatable, CustomStringConvertible {
        var code: String
        var line: Int
        var column: Int
        init(_ code: DiagnosticCode, _ line: Int, _ column: Int) {
            self.code = code.id
            self.line = line
            self.column = column
        }
        init(id: String, _ line: Int, _ column: Int) {
            self.code = id
            self.line = line
            self.column = column
        }
        var description: String { "\(code)@\(line):\(column)" }
    }

    static func parse(_ text: String) -> SyntaxFile {
        Parser.parse(SourceFile(path: "test.pcl", text: text))
    }

    /// The tree of a file that must parse without diagnostics.
    static func body(_ text: String, ranges: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let file = parse(text)
        #expect(file.diagnostics.isEmpty, "unexpected: \(problems(file))", sourceLocation: sourceLocation)
        return SyntaxDump.dump(file.body, ranges: ranges)
    }

    /// The tree of an expression that must parse without diagnostics.
    static func expression(_ text: String, ranges: Bool = false, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        let (expression, diagnostics) = Parser.parseExpression(SourceFile(path: "test.pcl", text: text))
        #expect(diagnostics.isEmpty, "unexpected: \(problems(diagnostics))", sourceLocation: sourceLocation)
        return SyntaxDump.dump(expression, ranges: ranges)
    }

    static func problems(_ file: SyntaxFile) -> [Problem] {
        problems(file.diagnostics)
    }

    static func problems(_ diagnostics: [Diagnostic]) -> [Problem] {
        diagnostics.sortedBySource().map { diagnostic in
            let position = diagnostic.location?.start
            return Problem(id: diagnostic.code.id, position?.line ?? 0, position?.column ?? 0)
        }
    }

    static func problems(_ text: String) -> [Problem] {
        problems(parse(text))
    }
}
